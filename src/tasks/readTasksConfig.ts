import type { Config } from '@backstage/config';
import { readMilliseconds } from '../config/readValues';
import { FilterRule, readRules } from '../tools/readToolsConfig';

/** Which calls may become tasks of the MCP Tasks extension, and how. */
export interface TasksConfig {
  /** Actions whose calls may become tasks; none when empty. */
  tools: FilterRule[];
  /** A call of such an action still running after this long becomes a task. */
  afterMs: number;
  /** How long a task and its result are kept, counted from its creation. */
  ttlMs: number;
  /** How often clients are asked to poll a task. */
  pollIntervalMs: number;
  /**
   * How often each backend instance marks its running tasks alive; a task
   * whose instance missed three heartbeats is failed.
   */
  heartbeatIntervalMs: number;
}

const TASK_DEFAULTS = {
  afterMs: 2_000,
  ttlMs: 60 * 60_000,
  pollIntervalMs: 2_000,
  heartbeatIntervalMs: 10_000,
};

/**
 * Reads `mcpActions.tasks`. Its durations travel to clients as integer
 * milliseconds, so fractions are refused; and a task must outlive the
 * longest call it can hold (`toolCallTimeoutMs`), or it would vanish while
 * its call still runs.
 */
export function readTasksConfig(
  config: Config,
  toolCallTimeoutMs: number,
): TasksConfig {
  const wholeMs = (key: string, defaultValue: number, positive = true) => {
    const ms = readMilliseconds(config, `tasks.${key}`, defaultValue, {
      positive,
    });
    if (!Number.isSafeInteger(ms)) {
      throw new Error(
        `Invalid duration at 'mcpActions.tasks.${key}': must be a whole number of milliseconds, got ${ms}`,
      );
    }
    return ms;
  };
  const tasks: TasksConfig = {
    tools: readRules(config, 'tasks.tools', 'mcpActions.tasks.tools'),
    afterMs: wholeMs('after', TASK_DEFAULTS.afterMs, false),
    ttlMs: wholeMs('ttl', TASK_DEFAULTS.ttlMs),
    pollIntervalMs: wholeMs('pollInterval', TASK_DEFAULTS.pollIntervalMs),
    heartbeatIntervalMs: wholeMs(
      'heartbeatInterval',
      TASK_DEFAULTS.heartbeatIntervalMs,
    ),
  };
  if (tasks.ttlMs <= toolCallTimeoutMs) {
    throw new Error(
      `Invalid duration at 'mcpActions.tasks.ttl': must be longer than mcpActions.toolCallTimeout (${toolCallTimeoutMs} ms), or a task could expire while its call still runs`,
    );
  }
  return tasks;
}
