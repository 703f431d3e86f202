import '../shared/jitless';
import {
  appRoot,
  applyContext,
  connectApp,
  createApp,
  toolTitle,
} from '../shared/app';
import {
  el,
  errorBox,
  loading,
  note,
  replace,
  type Child,
} from '../shared/dom';
import { errorMessage, isPlainObject, resultData } from '../shared/result';

const MAX_COLUMNS = 12;
const MAX_ROWS = 200;

const root = appRoot();
const app = createApp('backstage-output-view');

const title = el('h1', { testid: 'output-title' }, 'Result');
const body = el(
  'div',
  { testid: 'output-body' },
  loading('Waiting for the result…'),
);
replace(root, title, body);

function updateTitle() {
  title.textContent = toolTitle(app) ?? 'Result';
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** One value, readable: primitives as text, nested values collapsible. */
function cell(value: unknown): Child {
  if (value === null || value === undefined) {
    return el('span', { class: 'muted' }, value === null ? 'null' : '—');
  }
  if (typeof value !== 'object') return String(value);
  const summary = Array.isArray(value)
    ? `[${value.length} item${value.length === 1 ? '' : 's'}]`
    : `{${Object.keys(value).length} key${Object.keys(value).length === 1 ? '' : 's'}}`;
  return el(
    'details',
    null,
    el('summary', null, summary),
    el('pre', null, json(value)),
  );
}

function objectTable(data: Record<string, unknown>): HTMLElement {
  return el(
    'table',
    { testid: 'output-table' },
    el(
      'tbody',
      null,
      Object.entries(data).map(([key, value]) =>
        el(
          'tr',
          null,
          el('th', { scope: 'row' }, key),
          el('td', null, cell(value)),
        ),
      ),
    ),
  );
}

function arrayTable(rows: Record<string, unknown>[]): Child[] {
  const keys: string[] = [];
  for (const row of rows) {
    for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  }
  const columns = keys.slice(0, MAX_COLUMNS);
  const shown = rows.slice(0, MAX_ROWS);
  return [
    el(
      'div',
      { class: 'table-wrap' },
      el(
        'table',
        { testid: 'output-table' },
        el(
          'thead',
          null,
          el(
            'tr',
            null,
            columns.map(key => el('th', { scope: 'col' }, key)),
          ),
        ),
        el(
          'tbody',
          null,
          shown.map(row =>
            el(
              'tr',
              null,
              columns.map(key => el('td', null, cell(row[key]))),
            ),
          ),
        ),
      ),
    ),
    rows.length > MAX_ROWS
      ? note(`${rows.length - MAX_ROWS} more rows not shown.`, 'output-more')
      : null,
    keys.length > MAX_COLUMNS
      ? note(
          `${keys.length - MAX_COLUMNS} more columns not shown: ${keys.slice(MAX_COLUMNS).join(', ')}`,
          'output-more-columns',
        )
      : null,
  ];
}

function render(data: unknown): Child[] {
  if (Array.isArray(data)) {
    if (data.length > 0 && data.every(isPlainObject)) return arrayTable(data);
    if (data.length === 0) return [note('No items.', 'output-empty')];
    return [
      el(
        'ul',
        { testid: 'output-list' },
        data.slice(0, MAX_ROWS).map(item => el('li', null, cell(item))),
      ),
      data.length > MAX_ROWS
        ? note(`${data.length - MAX_ROWS} more items not shown.`, 'output-more')
        : null,
    ];
  }
  if (isPlainObject(data)) {
    // Most actions answer `{ items: [...], total: n }`: lists of records
    // read best as tables of their own, below the plain fields.
    const plain: Record<string, unknown> = {};
    const lists: Child[] = [];
    for (const [key, value] of Object.entries(data)) {
      if (
        Array.isArray(value) &&
        value.length > 0 &&
        value.every(isPlainObject)
      ) {
        lists.push(el('h3', null, key), ...arrayTable(value));
      } else {
        plain[key] = value;
      }
    }
    return [
      Object.keys(plain).length > 0 ? objectTable(plain) : null,
      ...lists,
    ];
  }
  if (data === undefined)
    return [note('The tool returned no data.', 'output-empty')];
  return [el('pre', { class: 'text', testid: 'output-text' }, String(data))];
}

app.ontoolinput = () => {
  updateTitle();
};

app.ontoolresult = result => {
  updateTitle();
  if (result.isError) {
    replace(body, errorBox(errorMessage(result)));
    return;
  }
  replace(body, render(resultData(result)));
};

app.ontoolcancelled = params => {
  replace(
    body,
    note(
      `The call was cancelled${params.reason ? `: ${params.reason}` : '.'}`,
      'cancelled',
    ),
  );
};

app.onhostcontextchanged = params => {
  applyContext(params);
  updateTitle();
};

connectApp(app, root);
