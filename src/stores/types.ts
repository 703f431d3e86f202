import type { JsonObject, JsonValue } from '@backstage/types';

/*
 * State that outlives one HTTP request. Several replicas serve the plugin
 * behind a plain load balancer, so none of this may live in one process's
 * memory: the implementations keep it in the plugin's database.
 *
 * Principals are strings as produced by `principalKey` (services/principalKey.ts).
 * Times are milliseconds since the epoch.
 */

/**
 * A link handed to a client so that its user can type the secrets an action
 * needs into a page of ours, out of the model's sight (URL-mode elicitation).
 */
export interface SecretRequest {
  /** Unguessable; it is in the page URL, so anyone holding it can open the page. */
  id: string;
  /** Only this caller may complete the request. */
  principal: string;
  actionId: string;
  serverKey: string;
  createdAt: number;
  expiresAt: number;
  /** Set once the secrets were submitted; a request completes only once. */
  completedAt?: number;
}

/**
 * Secrets awaiting use. The page that collects them, the retried tool call
 * that uses them and the call that asked for them may each land on a
 * different replica.
 */
export interface SecretStore {
  /** Opens a request for the secrets of one action, valid for `ttlMs`. */
  createRequest(options: {
    principal: string;
    actionId: string;
    serverKey: string;
    ttlMs: number;
  }): Promise<{ id: string; expiresAt: number }>;

  /** The request, unless it is unknown or has expired. */
  getRequest(id: string): Promise<SecretRequest | undefined>;

  /**
   * Stores the secrets, encrypted and bound to the request's principal and
   * action, and marks the request completed.
   *
   * Throws `NotFoundError` if the request is unknown or has expired,
   * `NotAllowedError` if `principal` is not the one that made it, and
   * `ConflictError` if it was already completed, so a leaked link cannot be
   * used to plant secrets in someone else's name, and one link plants once.
   *
   * @param remember - keep the secrets for every call until `ttlMs` runs
   *   out, instead of deleting them on first use
   * @param ttlMs - how long the secrets stay usable
   */
  completeRequest(
    id: string,
    options: {
      principal: string;
      secrets: JsonObject;
      remember: boolean;
      ttlMs: number;
    },
  ): Promise<SecretRequest>;

  /**
   * The decrypted secrets for this principal and action, if any are live.
   * Secrets not stored with `remember` are deleted by this call: of two
   * concurrent calls, on any replicas, only one gets them.
   *
   * Throws `SecretDecryptionError` (and deletes the row) if the stored
   * secrets cannot be decrypted: the key changed, or the row was altered or
   * moved to another principal or action.
   */
  take(options: {
    principal: string;
    actionId: string;
  }): Promise<JsonObject | undefined>;

  /** Deletes expired requests and secrets; returns how many rows went. */
  purgeExpired(now?: number): Promise<number>;
}

/**
 * Task states, named as in the MCP Tasks extension. The spec's fifth state,
 * `input_required`, is left out until the plugin asks the client for input
 * inside a task: it would need the outstanding requests stored as well.
 */
export type TaskStatus = 'working' | 'completed' | 'failed' | 'cancelled';

/** The JSON-RPC error of a failed task, which the spec requires on the wire. */
export interface TaskError {
  code: number;
  message: string;
  data?: JsonValue;
}

/**
 * One tools/call running as a task, or finished and kept for its TTL.
 * Shaped after the extension's `Task` so a `tasks/get` answer is a mapping
 * of field names and ISO timestamps.
 */
export interface TaskRecord {
  /** Unguessable; with `principal` it is all a client needs to read the task. */
  taskId: string;
  principal: string;
  serverKey: string;
  toolName: string;
  status: TaskStatus;
  statusMessage?: string;
  /** The final CallToolResult, once completed (tool errors included). */
  result?: JsonObject;
  /** Once failed: the JSON-RPC error that ended the call. */
  error?: TaskError;
  createdAt: number;
  lastUpdatedAt: number;
  /** Retention from `createdAt`; `null` keeps the task until deleted otherwise. */
  ttlMs: number | null;
  pollIntervalMs?: number;
  /** `createdAt + ttlMs`; the task reads as unknown from then on. */
  expiresAt: number | null;
  /** The backend process running the call. */
  ownerInstance: string;
  /** The owner's last sign of life; see `TaskStore.failOrphaned`. */
  heartbeatAt: number;
}

/**
 * What became of a request to end a task. Terminal states never change, so
 * a late `complete` after a `cancel` (or the reverse) is reported rather
 * than applied.
 */
export type TaskTransition =
  | { outcome: 'updated'; task: TaskRecord }
  | { outcome: 'already-terminal'; task: TaskRecord }
  | { outcome: 'not-found' };

/**
 * Tasks of the MCP Tasks extension. A poll may land on any replica; a
 * replica that dies mid-call must leave its tasks failed, never working
 * forever.
 */
export interface TaskStore {
  /** Records a new working task owned by `ownerInstance` (see `newInstanceId`). */
  create(options: {
    principal: string;
    serverKey: string;
    toolName: string;
    ownerInstance: string;
    /** Retention from creation; `null` for unlimited, as the spec allows. */
    ttlMs: number | null;
    pollIntervalMs?: number;
    statusMessage?: string;
  }): Promise<TaskRecord>;

  /** The task, if it exists, has not expired and belongs to `principal`. */
  get(taskId: string, principal: string): Promise<TaskRecord | undefined>;

  /**
   * Working → completed with the call's result; a working status message
   * ("running…") is cleared, as it no longer describes the task.
   */
  complete(taskId: string, result: JsonObject): Promise<TaskTransition>;

  /**
   * Working → failed, with `error: { code, message }` and `message` as the
   * status message. `code` defaults to -32603 (internal error).
   */
  fail(taskId: string, message: string, code?: number): Promise<TaskTransition>;

  /**
   * Working → cancelled, for the task's own principal only; another
   * principal's task reads as not found.
   */
  cancel(
    taskId: string,
    principal: string,
    statusMessage?: string,
  ): Promise<TaskTransition>;

  /**
   * Marks every working task of `ownerInstance` as alive, in one statement;
   * returns how many there were.
   */
  heartbeat(ownerInstance: string): Promise<number>;

  /**
   * Fails every working task whose heartbeat is older than `staleBeforeMs`
   * (a time, ms since the epoch): its process stopped. Returns how many.
   */
  failOrphaned(staleBeforeMs: number): Promise<number>;

  /** Deletes tasks whose TTL ran out, whatever their state; returns how many. */
  purgeExpired(now?: number): Promise<number>;
}
