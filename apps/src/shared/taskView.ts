import type { App } from '@modelcontextprotocol/ext-apps';
import type { ToolsConfig } from './config';
import { el, errorBox, note, replace } from './dom';
import {
  describeError,
  errorMessage,
  isPlainObject,
  resultData,
} from './result';

// eslint-disable-next-line no-control-regex
const ANSI_COLOUR = /\u001b\[[0-9;]*m/g;

export interface TaskEvent {
  id: string | number;
  taskId?: string;
  createdAt?: string;
  type: string;
  body: { message?: string; stepId?: string; status?: string };
}

export interface TaskViewHandle {
  /** Adds events (from a tool result), ignoring ones already seen. */
  addEvents(events: unknown): void;
  /** Starts polling unless the task already finished. */
  start(): void;
  /** Stops polling for good (e.g. on teardown). */
  stop(): void;
  showError(message: string): void;
}

const POLL_INTERVAL_MS = 1000;
const MAX_FAILED_POLLS = 5;

function toEvents(value: unknown): TaskEvent[] {
  const list = isPlainObject(value) ? value.events : value;
  if (!Array.isArray(list)) return [];
  return list.filter(
    (e): e is TaskEvent =>
      isPlainObject(e) &&
      (typeof e.id === 'string' || typeof e.id === 'number') &&
      typeof e.type === 'string',
  );
}

/** Pulls the task events out of a get-scaffolder-task-logs result's data. */
export function taskEventsOf(data: unknown): TaskEvent[] {
  return toEvents(data);
}

function finalStatus(event: TaskEvent): string {
  if (event.type === 'cancelled') return 'cancelled';
  const status = event.body?.status;
  if (status === 'completed' || status === 'failed' || status === 'cancelled')
    return status;
  const message = (event.body?.message ?? '').toLowerCase();
  for (const word of ['failed', 'cancelled', 'completed']) {
    if (message.includes(word)) return word;
  }
  return 'completed';
}

/**
 * Renders a scaffolder task (steps, log lines, final status) into `root` and
 * polls the task logs tool every second until the task completes.
 */
export function mountTaskView(
  root: HTMLElement,
  app: App,
  tools: ToolsConfig,
  taskId: string,
): TaskViewHandle {
  const seen = new Set<string>();
  const steps = new Map<string, { item: HTMLElement; badge: HTMLElement }>();
  let lastId: string | number | undefined;
  let finished = false;
  let polling = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;

  const status = el(
    'p',
    { class: 'status', testid: 'task-status', role: 'status' },
    'Running…',
  );
  const stepList = el('ul', { class: 'plain', testid: 'task-steps' });
  const log = el('div', { class: 'log', testid: 'task-log' });
  const errors = el('div');
  const pollButton = el(
    'button',
    { type: 'button', testid: 'stop-polling', onclick: () => togglePolling() },
    'Stop polling',
  );
  pollButton.hidden = true;

  replace(
    root,
    el('h1', null, 'Scaffolder task'),
    el(
      'p',
      { class: 'muted' },
      'Task ',
      el('code', { testid: 'task-id' }, taskId),
    ),
    status,
    el('div', { class: 'toolbar' }, pollButton),
    el('h2', null, 'Steps'),
    stepList,
    el('h2', null, 'Log'),
    log,
    errors,
    tools.getTaskLogs
      ? null
      : note(
          'This server does not offer the task log tool, so the log does not update here.',
          'no-polling-note',
        ),
  );

  function stepRow(stepId: string) {
    let row = steps.get(stepId);
    if (!row) {
      const badge = el(
        'span',
        { class: 'badge', testid: 'step-status' },
        'seen',
      );
      const item = el(
        'li',
        { testid: 'task-step', 'data-step-id': stepId },
        el('span', { class: 'step-name' }, stepId),
        badge,
      );
      stepList.appendChild(item);
      row = { item, badge };
      steps.set(stepId, row);
    }
    return row;
  }

  function addEvents(value: unknown) {
    for (const event of toEvents(value)) {
      const key = String(event.id);
      if (seen.has(key)) continue;
      seen.add(key);
      lastId = event.id;
      const body = isPlainObject(event.body) ? event.body : {};
      if (typeof body.stepId === 'string' && body.stepId) {
        const row = stepRow(body.stepId);
        if (typeof body.status === 'string' && body.status) {
          row.badge.textContent = body.status;
          row.badge.className = `badge ${body.status}`;
        }
      }
      // Step loggers colour their lines for terminals; a page shows text.
      const message =
        typeof body.message === 'string'
          ? body.message.replace(ANSI_COLOUR, '')
          : '';
      if (message) {
        const line = el('div', { testid: 'log-line' }, message);
        if (event.createdAt) line.title = String(event.createdAt);
        log.appendChild(line);
        log.scrollTop = log.scrollHeight;
      }
      if (event.type === 'completion' || event.type === 'cancelled') {
        const word = finalStatus({ ...event, body });
        finished = true;
        status.textContent = message
          ? `Task ${word}: ${message}`
          : `Task ${word}`;
        status.className = `status ${word}`;
        halt();
        pollButton.hidden = true;
      }
    }
  }

  function halt() {
    polling = false;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function schedule() {
    if (!polling || finished || stopped) return;
    timer = setTimeout(poll, POLL_INTERVAL_MS);
  }

  async function poll() {
    timer = undefined;
    if (!polling || finished || stopped || !tools.getTaskLogs) return;
    const args: Record<string, unknown> = { taskId };
    if (lastId !== undefined) args.after = lastId;
    try {
      const result = await app.callServerTool({
        name: tools.getTaskLogs,
        arguments: args,
      });
      if (result.isError) {
        failures++;
        replace(errors, errorBox(errorMessage(result)));
      } else {
        failures = 0;
        replace(errors);
        addEvents(resultData(result));
      }
    } catch (error) {
      failures++;
      replace(
        errors,
        errorBox(`Could not fetch the log: ${describeError(error)}`),
      );
    }
    if (failures >= MAX_FAILED_POLLS) {
      halt();
      pollButton.textContent = 'Resume polling';
      errors.appendChild(note('Polling stopped after repeated errors.'));
      return;
    }
    schedule();
  }

  function start() {
    if (finished || stopped || polling || !tools.getTaskLogs) return;
    polling = true;
    failures = 0;
    pollButton.hidden = false;
    pollButton.textContent = 'Stop polling';
    schedule();
  }

  function togglePolling() {
    if (polling) {
      halt();
      pollButton.textContent = 'Resume polling';
      status.textContent = 'Polling stopped; the task may still be running.';
    } else {
      status.textContent = 'Running…';
      start();
    }
  }

  return {
    addEvents,
    start,
    stop() {
      stopped = true;
      halt();
      pollButton.hidden = true;
    },
    showError(message: string) {
      replace(errors, errorBox(message));
    },
  };
}
