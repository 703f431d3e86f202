import { InputError } from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import type { Knex } from '../stores/knex';
import { newUnguessableId } from '../stores/randomIds';
import type {
  TaskError,
  TaskRecord,
  TaskStatus,
  TaskStore,
  TaskTransition,
} from '../stores/types';

const TASKS = 'mcp_actions_tasks';

/** The states a task can still leave. */
const ACTIVE: TaskStatus[] = ['working'];

/** JSON-RPC "Internal error": what a task fails with unless told otherwise. */
const INTERNAL_ERROR = -32603;

/**
 * What a client reads on a task whose replica died. Written for the model
 * as much as for people: the call may or may not have had its effect.
 */
export const ORPHANED_TASK_MESSAGE =
  'The backend instance running this task stopped before it finished; ' +
  'the tool call may or may not have taken effect';

interface TaskRow {
  task_id: string;
  principal: string;
  server_key: string;
  tool_name: string;
  status: TaskStatus;
  status_message: string | null;
  result: string | null;
  error: string | null;
  // Postgres returns bigint columns as strings; SQLite as numbers.
  created_at: number | string;
  last_updated_at: number | string;
  ttl_ms: number | string | null;
  poll_interval_ms: number | null;
  expires_at: number | string | null;
  owner_instance: string;
  heartbeat_at: number | string;
}

/**
 * `TaskStore` in the plugin's database (SQLite or Postgres). Every state
 * change is a single conditional UPDATE on an active status, so replicas
 * racing to complete, fail, cancel or declare a task orphaned cannot both
 * win, and a terminal state is never overwritten. Run `applyMigrations`
 * first.
 */
export class DatabaseTaskStore implements TaskStore {
  readonly #knex: Knex;
  readonly #now: () => number;

  /**
   * @param now - the clock, for tests; defaults to `Date.now`. Heartbeats
   *   of one replica are judged by another's clock, so choose the staleness
   *   limit of `failOrphaned` with clock skew in mind.
   */
  static create(options: {
    knex: Knex;
    now?: () => number;
  }): DatabaseTaskStore {
    return new DatabaseTaskStore(options);
  }

  private constructor(options: { knex: Knex; now?: () => number }) {
    this.#knex = options.knex;
    this.#now = options.now ?? Date.now;
  }

  async create(options: {
    principal: string;
    serverKey: string;
    toolName: string;
    ownerInstance: string;
    ttlMs: number | null;
    pollIntervalMs?: number;
    statusMessage?: string;
  }): Promise<TaskRecord> {
    if (options.ttlMs !== null) {
      requirePositiveInteger('ttlMs', options.ttlMs);
    }
    if (options.pollIntervalMs !== undefined) {
      requirePositiveInteger('pollIntervalMs', options.pollIntervalMs);
    }
    const now = this.#now();
    const row: TaskRow = {
      task_id: newUnguessableId(),
      principal: options.principal,
      server_key: options.serverKey,
      tool_name: options.toolName,
      status: 'working',
      status_message: options.statusMessage ?? null,
      result: null,
      error: null,
      created_at: now,
      last_updated_at: now,
      ttl_ms: options.ttlMs,
      poll_interval_ms: options.pollIntervalMs ?? null,
      expires_at: options.ttlMs === null ? null : now + options.ttlMs,
      owner_instance: options.ownerInstance,
      heartbeat_at: now,
    };
    // Awaited before returning: the spec forbids handing out a task id that
    // a tasks/get on another replica could not yet resolve.
    await this.#knex<TaskRow>(TASKS).insert(row);
    return toRecord(row);
  }

  async get(
    taskId: string,
    principal: string,
  ): Promise<TaskRecord | undefined> {
    const row = await this.#live(this.#now())
      .where({ task_id: taskId, principal })
      .first();
    return row && toRecord(row);
  }

  async complete(taskId: string, result: JsonObject): Promise<TaskTransition> {
    return this.#end(taskId, undefined, {
      status: 'completed',
      status_message: null,
      result: JSON.stringify(result),
    });
  }

  async fail(
    taskId: string,
    message: string,
    code: number = INTERNAL_ERROR,
  ): Promise<TaskTransition> {
    const error: TaskError = { code, message };
    return this.#end(taskId, undefined, {
      status: 'failed',
      status_message: message,
      error: JSON.stringify(error),
    });
  }

  async cancel(
    taskId: string,
    principal: string,
    statusMessage = "Cancelled at the client's request",
  ): Promise<TaskTransition> {
    return this.#end(taskId, principal, {
      status: 'cancelled',
      status_message: statusMessage,
    });
  }

  async heartbeat(ownerInstance: string): Promise<number> {
    return this.#knex<TaskRow>(TASKS)
      .where({ owner_instance: ownerInstance })
      .whereIn('status', ACTIVE)
      .update({ heartbeat_at: this.#now() });
  }

  async failOrphaned(staleBeforeMs: number): Promise<number> {
    const error: TaskError = {
      code: INTERNAL_ERROR,
      message: ORPHANED_TASK_MESSAGE,
    };
    return this.#knex<TaskRow>(TASKS)
      .whereIn('status', ACTIVE)
      .where('heartbeat_at', '<', staleBeforeMs)
      .update({
        status: 'failed',
        status_message: ORPHANED_TASK_MESSAGE,
        error: JSON.stringify(error),
        last_updated_at: this.#now(),
      });
  }

  async purgeExpired(now: number = this.#now()): Promise<number> {
    return this.#knex<TaskRow>(TASKS)
      .whereNotNull('expires_at')
      .where('expires_at', '<=', now)
      .delete();
  }

  /**
   * Moves an active, unexpired task to a terminal state in one statement;
   * if nothing matched, reads the task to say why.
   */
  async #end(
    taskId: string,
    principal: string | undefined,
    change: Partial<TaskRow>,
  ): Promise<TaskTransition> {
    const now = this.#now();
    const which =
      principal === undefined
        ? { task_id: taskId }
        : { task_id: taskId, principal };
    const updated: TaskRow[] = await this.#live(now)
      .where(which)
      .whereIn('status', ACTIVE)
      .update({ ...change, last_updated_at: now })
      .returning('*');
    if (updated.length === 1) {
      return { outcome: 'updated', task: toRecord(updated[0]) };
    }
    const current = await this.#live(now).where(which).first();
    return current
      ? { outcome: 'already-terminal', task: toRecord(current) }
      : { outcome: 'not-found' };
  }

  /** Tasks that have not expired: expired ones read as unknown until purged. */
  #live(now: number) {
    return this.#knex<TaskRow>(TASKS).where(query =>
      query.whereNull('expires_at').orWhere('expires_at', '>', now),
    );
  }
}

function requirePositiveInteger(name: string, value: number) {
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new InputError(
      `${name} must be a positive integer number of milliseconds, got ${value}`,
    );
  }
}

function toRecord(row: TaskRow): TaskRecord {
  return {
    taskId: row.task_id,
    principal: row.principal,
    serverKey: row.server_key,
    toolName: row.tool_name,
    status: row.status,
    ...(row.status_message !== null && { statusMessage: row.status_message }),
    ...(row.result !== null && { result: JSON.parse(row.result) }),
    ...(row.error !== null && { error: JSON.parse(row.error) }),
    createdAt: Number(row.created_at),
    lastUpdatedAt: Number(row.last_updated_at),
    ttlMs: row.ttl_ms === null ? null : Number(row.ttl_ms),
    ...(row.poll_interval_ms !== null && {
      pollIntervalMs: Number(row.poll_interval_ms),
    }),
    expiresAt: row.expires_at === null ? null : Number(row.expires_at),
    ownerInstance: row.owner_instance,
    heartbeatAt: Number(row.heartbeat_at),
  };
}
