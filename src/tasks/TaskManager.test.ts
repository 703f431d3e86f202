import { TestDatabases, mockServices } from '@backstage/backend-test-utils';
import type {
  CallToolResult,
  ServerContext,
} from '@modelcontextprotocol/server';
import { Minimatch } from 'minimatch';
import type { TasksConfig } from './readTasksConfig';
import { DatabaseTaskStore, ORPHANED_TASK_MESSAGE } from './DatabaseTaskStore';
import { applyMigrations } from '../stores/migrations';
import type { Knex } from '../stores/knex';
import type { TaskStore } from '../stores/types';
import type { ToolEntry } from '../tools/ToolCatalog';
import { waitFor } from '../__testUtils__/waitFor';
import { TaskManager } from './TaskManager';
import type { CreateTaskResult } from './taskWire';

const PRINCIPAL = 'user:default/alice';

const CONFIG: TasksConfig = {
  tools: [{ id: 'test:slow', idMatcher: new Minimatch('test:slow') }],
  afterMs: 20,
  ttlMs: 60_000,
  pollIntervalMs: 100,
  heartbeatIntervalMs: 1000,
};

function entry(actionId = 'test:slow'): ToolEntry {
  return {
    tool: { name: actionId.replace(':', '.'), inputSchema: { type: 'object' } },
    action: {
      id: actionId,
      attributes: { readOnly: true, destructive: false, idempotent: true },
    },
  } as ToolEntry;
}

/** The parts of the SDK's context the manager reads: the signal and the envelope. */
function contextFor(
  options: { declares?: boolean; signal?: AbortSignal } = {},
) {
  return {
    mcpReq: {
      signal: options.signal ?? new AbortController().signal,
      envelope: {
        'io.modelcontextprotocol/clientCapabilities':
          options.declares === false
            ? {}
            : { extensions: { 'io.modelcontextprotocol/tasks': {} } },
      },
    },
  } as unknown as ServerContext;
}

/** A call that runs until released (or aborted), remembering its signal. */
function controllableCall() {
  let release!: (result: CallToolResult) => void;
  let fail!: (error: Error) => void;
  let signal: AbortSignal | undefined;
  const run = (s: AbortSignal) => {
    signal = s;
    return new Promise<CallToolResult>((resolve, reject) => {
      release = resolve;
      fail = reject;
    });
  };
  return {
    run,
    release: (text = 'done') => release({ content: [{ type: 'text', text }] }),
    fail: (error: Error) => fail(error),
    signal: () => signal!,
  };
}

describe('TaskManager', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let knex: Knex;
  let store: TaskStore;
  let tasks: TaskManager;

  beforeEach(async () => {
    knex = await databases.init('SQLITE_3');
    await applyMigrations(mockServices.database({ knex }));
    store = DatabaseTaskStore.create({ knex });
    tasks = TaskManager.create({
      store,
      config: CONFIG,
      logger: mockServices.logger.mock(),
      instanceId: 'this-instance',
    });
  });

  async function startTask(call = controllableCall(), manager = tasks) {
    const answer = await manager.call({
      ctx: contextFor(),
      principal: PRINCIPAL,
      serverKey: undefined,
      entry: entry(),
      run: call.run,
    });
    if (answer.resultType !== 'task') {
      throw new Error('expected a task');
    }
    return { taskId: (answer as CreateTaskResult).taskId, call };
  }

  it('fails the task with an internal error when the call itself throws', async () => {
    const { taskId, call } = await startTask();
    call.fail(new Error('the pipeline broke'));
    expect(
      await waitFor(
        async () => (await store.get(taskId, PRINCIPAL))?.status === 'failed',
      ),
    ).toBe(true);
    expect(await store.get(taskId, PRINCIPAL)).toMatchObject({
      status: 'failed',
      statusMessage: 'Tool "test.slow" failed: the pipeline broke',
      error: {
        code: -32603,
        message: 'Tool "test.slow" failed: the pipeline broke',
      },
    });
    expect(await waitFor(() => tasks.localCount === 0)).toBe(true);
  });

  it('runs the call synchronously when the task cannot be stored', async () => {
    const create = jest.fn(() => Promise.reject(new Error('database down')));
    const broken: TaskStore = { ...store, create };
    const manager = TaskManager.create({
      store: broken,
      config: CONFIG,
      logger: mockServices.logger.mock(),
      instanceId: 'this-instance',
    });
    const call = controllableCall();
    jest.useFakeTimers();
    try {
      const answer = manager.call({
        ctx: contextFor(),
        principal: PRINCIPAL,
        serverKey: undefined,
        entry: entry(),
        run: call.run,
      });
      await jest.advanceTimersByTimeAsync(CONFIG.afterMs);
      // The call outlasted `after` and the manager tried to make it a task.
      expect(create).toHaveBeenCalledTimes(1);
      call.release('late but whole');
      expect(await answer).toEqual({
        content: [{ type: 'text', text: 'late but whole' }],
      });
    } finally {
      jest.useRealTimers();
    }
  });

  it('lets closing the request cancel the call until it became a task, and not after', async () => {
    const request = new AbortController();
    const call = controllableCall();
    const answer = await tasks.call({
      ctx: contextFor({ signal: request.signal }),
      principal: PRINCIPAL,
      serverKey: undefined,
      entry: entry(),
      run: call.run,
    });
    expect(answer).toMatchObject({ resultType: 'task' });
    request.abort();
    expect(call.signal().aborted).toBe(false);
  });

  it('keeps a task to its server', async () => {
    const { taskId } = await startTask();
    expect(await tasks.find(taskId, PRINCIPAL, undefined)).toBeDefined();
    expect(await tasks.find(taskId, PRINCIPAL, 'catalog')).toBeUndefined();
    expect(await tasks.cancel(taskId, PRINCIPAL, 'catalog')).toBe('not-found');
    expect(await tasks.cancel(taskId, 'user:default/bob', undefined)).toBe(
      'not-found',
    );
    expect(await tasks.cancel(taskId, PRINCIPAL, undefined)).toBe('cancelled');
    expect(await tasks.cancel(taskId, PRINCIPAL, undefined)).toBe(
      'already-terminal',
    );
  });

  it('stops waiting, on its next heartbeat, for a call whose task was cancelled on another replica', async () => {
    const { taskId, call } = await startTask();
    await store.cancel(taskId, PRINCIPAL);
    expect(call.signal().aborted).toBe(false);
    await tasks.heartbeat();
    expect(call.signal().aborted).toBe(true);
  });

  it('heartbeats its own working tasks', async () => {
    // The store reads the test's clock, so time moves on without a wait.
    let now = Date.now();
    const clocked = DatabaseTaskStore.create({ knex, now: () => now });
    const manager = TaskManager.create({
      store: clocked,
      config: CONFIG,
      logger: mockServices.logger.mock(),
      instanceId: 'this-instance',
    });
    const { taskId } = await startTask(controllableCall(), manager);
    const before = (await clocked.get(taskId, PRINCIPAL))!.heartbeatAt;
    now += 1000;
    await manager.heartbeat();
    expect((await clocked.get(taskId, PRINCIPAL))!.heartbeatAt).toBe(
      before + 1000,
    );
  });

  it('fails the tasks of an instance that stopped heartbeating, and only those', async () => {
    const past = DatabaseTaskStore.create({
      knex,
      now: () => Date.now() - 60_000,
    });
    const orphan = await past.create({
      principal: PRINCIPAL,
      serverKey: 'default',
      toolName: 'test.slow',
      ownerInstance: 'instance-that-died',
      ttlMs: 3_600_000,
    });
    const { taskId: alive } = await startTask();
    await tasks.failOrphaned();
    expect(await store.get(orphan.taskId, PRINCIPAL)).toMatchObject({
      status: 'failed',
      statusMessage: ORPHANED_TASK_MESSAGE,
      error: { code: -32603, message: ORPHANED_TASK_MESSAGE },
    });
    expect((await store.get(alive, PRINCIPAL))!.status).toBe('working');
  });

  it('at shutdown fails its tasks at once, stops their calls, and makes no new ones', async () => {
    const { taskId, call } = await startTask();
    await tasks.shutdown();
    expect(await store.get(taskId, PRINCIPAL)).toMatchObject({
      status: 'failed',
      statusMessage: ORPHANED_TASK_MESSAGE,
    });
    expect(call.signal().aborted).toBe(true);

    // A call still running after `after` would have become a task.
    const later = controllableCall();
    jest.useFakeTimers();
    try {
      const answer = tasks.call({
        ctx: contextFor(),
        principal: PRINCIPAL,
        serverKey: undefined,
        entry: entry(),
        run: later.run,
      });
      await jest.advanceTimersByTimeAsync(CONFIG.afterMs);
      later.release();
      expect(await answer).not.toHaveProperty('resultType');
    } finally {
      jest.useRealTimers();
    }
  });

  it.each([
    ['a tool outside the rules', { entry: entry('test:quick') }],
    [
      'a client that did not declare the extension',
      { ctx: contextFor({ declares: false }) },
    ],
  ])('never makes a task for %s', async (_label, override) => {
    const call = controllableCall();
    jest.useFakeTimers();
    try {
      const answer = tasks.call({
        ctx: contextFor(),
        principal: PRINCIPAL,
        serverKey: undefined,
        entry: entry(),
        run: call.run,
        ...override,
      });
      // Released only once it has run longer than `after`.
      await jest.advanceTimersByTimeAsync(CONFIG.afterMs);
      call.release();
      expect(await answer).toEqual({
        content: [{ type: 'text', text: 'done' }],
      });
    } finally {
      jest.useRealTimers();
    }
  });
});
