import type { LoggerService } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type {
  CallToolResult,
  ServerContext,
} from '@modelcontextprotocol/server';
import type { TasksConfig } from './readTasksConfig';
import { ORPHANED_TASK_MESSAGE } from './DatabaseTaskStore';
import type { TaskRecord, TaskStore } from '../stores/types';
import { isActionAllowed } from '../tools/actionFilter';
import type { ToolEntry } from '../tools/ToolCatalog';
import { describeError } from '../toolCalls/toolResults';
import { declaresTasksExtension } from './tasksExtension';
import { createTaskResult, type CreateTaskResult } from './taskWire';

/** A tool call that may become a task. */
export interface TaskCall {
  ctx: ServerContext;
  /** Who made the call (`principalKey`): the only one who may see its task. */
  principal: string;
  /** The server's key; undefined for the default server. */
  serverKey: string | undefined;
  entry: ToolEntry;
  /** Runs the call; it stops waiting for the action once `signal` aborts. */
  run: (signal: AbortSignal) => Promise<CallToolResult>;
}

/** A task whose call runs in this process. */
interface LocalTask {
  principal: string;
  controller: AbortController;
}

/** A task misses this many heartbeats before another instance fails it. */
const MISSED_HEARTBEATS = 3;

/** How the default server is named in the tasks table. */
const DEFAULT_SERVER_KEY = 'default';

/**
 * Turns long tool calls into tasks of the MCP Tasks extension and answers
 * for them. State lives in the `TaskStore` (the plugin's database), so a
 * task started on one replica can be read and cancelled on any other;
 * this process only keeps the calls it runs itself, to stop them on
 * cancellation and to vouch for them with heartbeats.
 *
 * A call becomes a task only if all of these hold: its action matches
 * `mcpActions.tasks.tools`, the request declared the extension (2026-07-28,
 * per request), and it is still running after `mcpActions.tasks.after`.
 * Otherwise it answers as it always did.
 */
export class TaskManager {
  readonly #store: TaskStore;
  readonly #config: TasksConfig;
  readonly #logger: LoggerService;
  readonly #instanceId: string;
  readonly #local = new Map<string, LocalTask>();
  #stopping = false;

  /** @param instanceId - names this process among the replicas (`newInstanceId`). */
  static create(options: {
    store: TaskStore;
    config: TasksConfig;
    logger: LoggerService;
    instanceId: string;
  }): TaskManager {
    return new TaskManager(options);
  }

  private constructor(options: {
    store: TaskStore;
    config: TasksConfig;
    logger: LoggerService;
    instanceId: string;
  }) {
    this.#store = options.store;
    this.#config = options.config;
    this.#logger = options.logger.child({ component: 'tasks' });
    this.#instanceId = options.instanceId;
  }

  /** Whether any tool may become a task (`mcpActions.tasks.tools`). */
  get offered(): boolean {
    return this.#config.tools.length > 0;
  }

  /** Tasks whose calls run in this process now. */
  get localCount(): number {
    return this.#local.size;
  }

  /**
   * Runs the call. Until it becomes a task, closing the request cancels
   * it, as for any call; once it is a task, only `tasks/cancel` (or this
   * process stopping) does.
   */
  async call(call: TaskCall): Promise<CallToolResult | CreateTaskResult> {
    const { ctx, entry, run } = call;
    if (
      this.#stopping ||
      !this.mayBecomeTask(entry) ||
      !declaresTasksExtension(ctx)
    ) {
      return run(ctx.mcpReq.signal);
    }

    const controller = new AbortController();
    const requestSignal = ctx.mcpReq.signal;
    const followRequest = () => controller.abort(requestSignal.reason);
    requestSignal.addEventListener('abort', followRequest, { once: true });
    if (requestSignal.aborted) {
      followRequest();
    }
    const stopFollowingRequest = () =>
      requestSignal.removeEventListener('abort', followRequest);

    const running = run(controller.signal);
    if (await settlesWithin(running, this.#config.afterMs)) {
      stopFollowingRequest();
      return running;
    }

    let task: TaskRecord;
    try {
      // Awaited: the task must be readable on every replica before the
      // client learns its id.
      task = await this.#store.create({
        principal: call.principal,
        serverKey: call.serverKey ?? DEFAULT_SERVER_KEY,
        toolName: entry.tool.name,
        ownerInstance: this.#instanceId,
        ttlMs: this.#config.ttlMs,
        pollIntervalMs: this.#config.pollIntervalMs,
        statusMessage: `Tool "${entry.tool.name}" is still running; poll tasks/get for its result`,
      });
    } catch (error) {
      // Without a task there is nothing to poll: the client waits instead.
      this.#logger.warn('Could not create a task; the call answers when done', {
        tool: entry.tool.name,
        error: String(error),
      });
      try {
        return await running;
      } finally {
        stopFollowingRequest();
      }
    }
    stopFollowingRequest();
    this.#local.set(task.taskId, { principal: call.principal, controller });
    this.#recordOutcome(task.taskId, entry.tool.name, running);
    return createTaskResult(task);
  }

  /** The task, if it exists, belongs to `principal` and to this server. */
  async find(
    taskId: string,
    principal: string,
    serverKey: string | undefined,
  ): Promise<TaskRecord | undefined> {
    const task = await this.#store.get(taskId, principal);
    return task?.serverKey === (serverKey ?? DEFAULT_SERVER_KEY)
      ? task
      : undefined;
  }

  /**
   * Marks the task cancelled and stops waiting for its call here; if the
   * call runs on another replica, that one stops at its next heartbeat.
   * The action itself cannot be interrupted (actions take no signal), so
   * it may still finish its work; its result is then discarded.
   */
  async cancel(
    taskId: string,
    principal: string,
    serverKey: string | undefined,
  ): Promise<'cancelled' | 'already-terminal' | 'not-found'> {
    if (!(await this.find(taskId, principal, serverKey))) {
      return 'not-found';
    }
    const transition = await this.#store.cancel(taskId, principal);
    if (transition.outcome === 'updated') {
      this.#local.get(taskId)?.controller.abort();
      return 'cancelled';
    }
    return transition.outcome;
  }

  /**
   * Vouches for the calls running here, and stops waiting for those whose
   * task ended elsewhere (cancelled on another replica, failed as
   * orphaned, expired).
   */
  async heartbeat(): Promise<void> {
    if (this.#local.size === 0) {
      return;
    }
    await this.#store.heartbeat(this.#instanceId);
    for (const [taskId, local] of [...this.#local]) {
      const task = await this.#store.get(taskId, local.principal);
      if (task?.status !== 'working') {
        local.controller.abort();
      }
    }
  }

  /** Fails the tasks of instances that stopped heartbeating. */
  async failOrphaned(): Promise<void> {
    const staleBefore =
      Date.now() - MISSED_HEARTBEATS * this.#config.heartbeatIntervalMs;
    const failed = await this.#store.failOrphaned(staleBefore);
    if (failed > 0) {
      this.#logger.warn(
        `Marked ${failed} task(s) failed: the instance running them stopped heartbeating`,
      );
    }
  }

  /**
   * This process is going away: its tasks are failed at once, with the
   * same message as orphans, rather than left for the other replicas to
   * notice, and no new call becomes a task.
   */
  async shutdown(): Promise<void> {
    this.#stopping = true;
    await Promise.all(
      [...this.#local].map(async ([taskId, local]) => {
        try {
          await this.#store.fail(taskId, ORPHANED_TASK_MESSAGE);
        } catch (error) {
          this.#logger.warn('Could not fail a task at shutdown', {
            taskId,
            error: String(error),
          });
        }
        local.controller.abort();
      }),
    );
  }

  /** Whether calls of this tool may become tasks (`mcpActions.tasks.tools`). */
  mayBecomeTask(entry: ToolEntry): boolean {
    const rules = this.#config.tools;
    return (
      rules.length > 0 &&
      isActionAllowed(entry.action, { include: rules, exclude: [] })
    );
  }

  /**
   * Records how the call ended. A task that was cancelled or failed in the
   * meantime keeps that state: the store reports the late result instead
   * of applying it.
   */
  #recordOutcome(
    taskId: string,
    toolName: string,
    running: Promise<CallToolResult>,
  ) {
    running
      .then(
        result => this.#store.complete(taskId, result as JsonObject),
        error =>
          this.#store.fail(
            taskId,
            `Tool "${toolName}" failed: ${describeError(error).message}`,
          ),
      )
      .catch(error =>
        // The task stays working until the orphan check fails it.
        this.#logger.error('Could not record the end of a task', {
          taskId,
          error: String(error),
        }),
      )
      .finally(() => this.#local.delete(taskId));
  }
}

/** Whether `promise` settles (either way) within `ms`; never rejects. */
async function settlesWithin(
  promise: Promise<unknown>,
  ms: number,
): Promise<boolean> {
  if (ms <= 0) {
    return false;
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>(resolve => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}
