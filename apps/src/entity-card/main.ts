import '../shared/jitless';
import {
  appRoot,
  applyContext,
  connectApp,
  createApp,
  readEntity,
} from '../shared/app';
import { readConfig } from '../shared/config';
import {
  el,
  errorBox,
  loading,
  note,
  replace,
  type Child,
} from '../shared/dom';
import {
  describeError,
  errorMessage,
  isHttpUrl,
  isPlainObject,
  parseEntityRef,
  resultData,
  stringifyRef,
  type EntityName,
} from '../shared/result';

type Entity = {
  apiVersion?: string;
  kind?: string;
  metadata?: Record<string, unknown>;
  spec?: Record<string, unknown>;
  relations?: unknown[];
};

const ANNOTATIONS: Array<[string, string]> = [
  ['backstage.io/source-location', 'Source'],
  ['backstage.io/techdocs-ref', 'TechDocs'],
  ['backstage.io/view-url', 'View'],
  ['backstage.io/edit-url', 'Edit'],
];

const root = appRoot();
const tools = readConfig();
const app = createApp('backstage-entity-card');

/** Entities the user navigated away from, for the Back button. */
const history: Entity[] = [];
let current: Entity | undefined;
/** Ignores answers to navigations that were superseded. */
let generation = 0;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function asEntity(data: unknown): Entity | undefined {
  if (!isPlainObject(data)) return undefined;
  if (isPlainObject(data.metadata)) return data as Entity;
  // Tolerate a wrapped answer such as {entity: {...}}.
  if (isPlainObject(data.entity) && isPlainObject(data.entity.metadata)) {
    return data.entity as Entity;
  }
  return undefined;
}

function openLink(url: string) {
  app.openLink({ url }).catch(() => {
    /* the host refused; nothing else to do */
  });
}

function linkButton(label: string, url: string, testid: string): Child {
  if (!isHttpUrl(url)) return el('span', { testid }, label);
  return el(
    'button',
    {
      type: 'button',
      class: 'link',
      testid,
      title: url,
      onclick: () => openLink(url),
    },
    label,
  );
}

/** A button that opens the entity `ref` in this card, or plain text. */
function refButton(
  ref: string,
  testid: string,
  defaults: { kind?: string; namespace?: string },
): Child {
  const target = parseEntityRef(ref, defaults);
  if (!tools.getEntity || !target) return el('span', { testid }, ref);
  return el(
    'button',
    {
      type: 'button',
      class: 'link',
      testid,
      onclick: () => navigate(target, ref),
    },
    ref,
  );
}

function relationTarget(relation: unknown): string | undefined {
  if (!isPlainObject(relation)) return undefined;
  const ref = str(relation.targetRef);
  if (ref) return ref;
  const target = relation.target;
  if (isPlainObject(target) && str(target.kind) && str(target.name)) {
    return stringifyRef({
      kind: target.kind as string,
      namespace: str(target.namespace) ?? 'default',
      name: target.name as string,
    });
  }
  return undefined;
}

function renderEntity(entity: Entity) {
  const metadata = entity.metadata ?? {};
  const spec = isPlainObject(entity.spec) ? entity.spec : {};
  const kind = str(entity.kind) ?? 'Entity';
  const namespace = str(metadata.namespace) ?? 'default';
  const name = str(metadata.name) ?? '';
  const defaults = { namespace };

  const props: Child[] = [];
  const prop = (label: string, value: Child) =>
    props.push(el('dt', null, label), el('dd', null, value));

  const owner = str(spec.owner);
  if (owner) {
    prop(
      'Owner',
      refButton(owner, 'entity-owner', { ...defaults, kind: 'group' }),
    );
  }
  const system = str(spec.system);
  if (system) {
    prop(
      'System',
      refButton(system, 'entity-system', { ...defaults, kind: 'system' }),
    );
  }
  const lifecycle = str(spec.lifecycle);
  if (lifecycle)
    prop('Lifecycle', el('span', { testid: 'entity-lifecycle' }, lifecycle));
  const type = str(spec.type);
  if (type) prop('Type', el('span', { testid: 'entity-type' }, type));
  const tags = Array.isArray(metadata.tags)
    ? metadata.tags.filter((t): t is string => typeof t === 'string')
    : [];
  if (tags.length) {
    prop(
      'Tags',
      el(
        'span',
        { testid: 'entity-tags' },
        tags.map(tag => el('span', { class: 'chip' }, tag)),
      ),
    );
  }

  const links = (Array.isArray(metadata.links) ? metadata.links : []).filter(
    (l): l is Record<string, unknown> => isPlainObject(l) && !!str(l.url),
  );

  const annotations = isPlainObject(metadata.annotations)
    ? metadata.annotations
    : {};
  const annotationRows: Child[] = [];
  for (const [key, label] of ANNOTATIONS) {
    const value = str(annotations[key]);
    if (!value) continue;
    const url = value.replace(/^url:/, '');
    annotationRows.push(
      el('dt', null, label),
      el(
        'dd',
        { 'data-annotation': key },
        isHttpUrl(url)
          ? linkButton(url, url, 'entity-annotation')
          : el('span', { testid: 'entity-annotation' }, value),
      ),
    );
  }

  const groups = new Map<string, string[]>();
  for (const relation of Array.isArray(entity.relations)
    ? entity.relations
    : []) {
    const target = relationTarget(relation);
    const relType = isPlainObject(relation) ? str(relation.type) : undefined;
    if (!target || !relType) continue;
    const list = groups.get(relType) ?? [];
    if (!list.includes(target)) list.push(target);
    groups.set(relType, list);
  }

  const description = str(metadata.description);
  const title = str(metadata.title) ?? name;

  replace(
    root,
    history.length
      ? el(
          'div',
          { class: 'toolbar' },
          el(
            'button',
            { type: 'button', testid: 'back', onclick: back },
            '← Back',
          ),
        )
      : null,
    el('h1', { testid: 'entity-title' }, title),
    el(
      'div',
      { class: 'muted', testid: 'entity-ref' },
      `${kind} · ${namespace}/${name}`,
    ),
    description ? el('p', { testid: 'entity-description' }, description) : null,
    props.length ? el('dl', { class: 'props' }, props) : null,
    links.length
      ? [
          el('h2', null, 'Links'),
          el(
            'ul',
            { class: 'plain' },
            links.map(link =>
              el(
                'li',
                null,
                linkButton(
                  str(link.title) ?? String(link.url),
                  String(link.url),
                  'entity-link',
                ),
                str(link.title)
                  ? el('span', { class: 'muted url' }, ` ${link.url}`)
                  : null,
              ),
            ),
          ),
        ]
      : null,
    annotationRows.length
      ? [
          el('h2', null, 'Annotations'),
          el('dl', { class: 'props' }, annotationRows),
        ]
      : null,
    groups.size
      ? [
          el('h2', null, 'Relations'),
          [...groups.entries()].map(([relType, targets]) =>
            el(
              'section',
              { class: 'relations', 'data-relation-type': relType },
              el('h3', null, relType),
              el(
                'ul',
                { class: 'plain' },
                targets.map(target =>
                  el('li', null, refButton(target, 'relation-link', {})),
                ),
              ),
            ),
          ),
          tools.getEntity
            ? null
            : note(
                'This server does not offer the catalog entity tool, so related entities can not be opened here.',
                'no-navigation-note',
              ),
        ]
      : null,
  );
}

function show(entity: Entity) {
  current = entity;
  renderEntity(entity);
}

async function navigate(target: EntityName, ref: string) {
  if (!tools.getEntity) return;
  const mine = ++generation;
  const from = current;
  replace(root, loading(`Loading ${ref}…`));
  try {
    const data = await readEntity(app, tools.getEntity, target);
    if (mine !== generation) return;
    const entity = asEntity(data);
    if (!entity) throw new Error('The answer is not a catalog entity.');
    if (from) history.push(from);
    show(entity);
  } catch (error) {
    if (mine !== generation) return;
    replace(
      root,
      from
        ? el(
            'div',
            { class: 'toolbar' },
            el(
              'button',
              {
                type: 'button',
                testid: 'back',
                onclick: () => from && show(from),
              },
              '← Back',
            ),
          )
        : null,
      errorBox(`Could not load ${ref}: ${describeError(error)}`),
    );
  }
}

function back() {
  generation++;
  const previous = history.pop();
  if (previous) show(previous);
}

replace(root, loading('Waiting for the entity…'));

app.ontoolinput = params => {
  const args = params.arguments ?? {};
  const name = str(args.name);
  if (current || !name) return;
  const kind = str(args.kind);
  const namespace = str(args.namespace);
  const ref = `${kind ? `${kind}:` : ''}${namespace ? `${namespace}/` : ''}${name}`;
  replace(root, loading(`Loading ${ref}…`));
};

app.ontoolresult = result => {
  generation++;
  history.length = 0;
  if (result.isError) {
    current = undefined;
    replace(root, errorBox(errorMessage(result)));
    return;
  }
  const entity = asEntity(resultData(result));
  if (!entity) {
    replace(root, errorBox('The result is not a catalog entity.'));
    return;
  }
  show(entity);
};

app.ontoolcancelled = params => {
  if (current) return;
  replace(
    root,
    note(
      `The call was cancelled${params.reason ? `: ${params.reason}` : '.'}`,
      'cancelled',
    ),
  );
};

app.onhostcontextchanged = params => applyContext(params);

connectApp(app, root);
