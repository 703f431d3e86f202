/*
 * The MCP Tasks extension (io.modelcontextprotocol/tasks) on 2026-07-28,
 * against one real backend: which calls become tasks and for whom, what
 * tasks/get, tasks/update and tasks/cancel answer, and that everyone else
 * sees exactly what they saw before.
 *
 * `test-actions.sleep` may become a task after 200 ms; `whoami` never can.
 * The scheduler is a mock, so the upkeep (heartbeats, orphans, purge) runs
 * only when a test calls it.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { resultFromTaskOutcome } from '@modelcontextprotocol/ext-tasks/client';
import {
  McpTestBackend,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';
import { TASKS_EXTENSION } from './__testUtils__/taskClients';
import { waitFor } from './__testUtils__/waitFor';
import { TASK_SCHEDULE_IDS } from './tasks/scheduleTaskMaintenance';

const BOB = mockCredentials.user.header('user:default/bob');
/** The plugin's job that deletes expired rows (secrets and tasks). */
const PURGE = 'mcp-actions-purge-expired';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

describe('tasks (io.modelcontextprotocol/tasks)', () => {
  let mcp: McpTestBackend;
  const scheduler = mockServices.scheduler.mock();

  /** Runs one of the plugin's scheduled upkeep jobs now. */
  async function runScheduled(id: string) {
    const call = scheduler.scheduleTask.mock.calls.find(
      ([task]) => task.id === id,
    );
    await call![0].fn(new AbortController().signal);
  }

  /** Starts a call that becomes a task; resolves with its CreateTaskResult. */
  async function startTask(
    ms: number,
    options: { authorization?: string; path?: string } = {},
  ) {
    const { result, answer } = await mcp.rpc(
      'tools/call',
      { name: 'test-actions.sleep', arguments: { ms } },
      options,
    );
    expect(answer.status).toBe(200);
    expect(result.resultType).toBe('task');
    return result;
  }

  /** tasks/get until the task leaves `working`. */
  async function settle(
    taskId: string,
    options: { authorization?: string; path?: string } = {},
  ) {
    let task: any;
    await waitFor(async () => {
      ({ result: task } = await mcp.rpc('tasks/get', { taskId }, options));
      return task?.status !== 'working';
    }, 10_000);
    return task;
  }

  beforeAll(async () => {
    mcp = await startMcpBackend({
      features: [scheduler.factory],
      config: {
        mcpActions: {
          toolCallTimeout: 1500,
          progressInterval: 100,
          tasks: {
            tools: [{ id: 'test-actions:sleep' }],
            after: 200,
            ttl: '1h',
            pollInterval: 50,
          },
          servers: {
            narrow: {
              name: 'Narrow',
              filter: { include: [{ id: 'test-actions:*' }] },
            },
          },
        },
      },
    });
  });
  afterAll(() => mcp?.stop());

  describe('negotiation', () => {
    it('advertises the extension in server/discover (2026-07-28)', async () => {
      const client = await mcp.connectV2('modern');
      expect(client.getServerCapabilities()?.extensions).toEqual({
        [TASKS_EXTENSION]: {},
      });
    });

    it('does not advertise it to 2025 clients, which initialize', async () => {
      const client = await mcp.connect();
      expect(client.getServerCapabilities()).not.toHaveProperty('extensions');
    });
  });

  describe('which calls become tasks', () => {
    it('a declaring client calling an eligible tool that outlasts `after` gets a CreateTaskResult', async () => {
      const started = Date.now();
      const task = await startTask(800);
      expect(Date.now() - started).toBeLessThan(700);
      expect(Object.keys(task).sort()).toEqual([
        '_meta',
        'createdAt',
        'lastUpdatedAt',
        'pollIntervalMs',
        'resultType',
        'status',
        'statusMessage',
        'taskId',
        'ttlMs',
      ]);
      expect(task).toMatchObject({
        resultType: 'task',
        status: 'working',
        statusMessage:
          'Tool "test-actions.sleep" is still running; poll tasks/get for its result',
        ttlMs: 3_600_000,
        pollIntervalMs: 50,
      });
      expect(task.taskId).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(task.createdAt).toMatch(ISO);
      expect(task.lastUpdatedAt).toMatch(ISO);
    });

    it('answers a quick call of an eligible tool at once, as a plain result', async () => {
      const { result } = await mcp.rpc('tools/call', {
        name: 'test-actions.sleep',
        arguments: { ms: 10 },
      });
      expect(result).toMatchObject({
        resultType: 'complete',
        structuredContent: { slept: 10 },
      });
    });

    it('never makes a task of a tool outside mcpActions.tasks.tools', async () => {
      const { result } = await mcp.rpc('tools/call', {
        name: 'test-actions.whoami',
        arguments: {},
      });
      expect(result).toMatchObject({
        resultType: 'complete',
        structuredContent: { principal: 'user:default/alice' },
      });
    });

    it('makes no task for a 2026-07-28 request that does not declare the extension', async () => {
      const { result } = await mcp.rpc(
        'tools/call',
        { name: 'test-actions.sleep', arguments: { ms: 400 } },
        { capabilities: {} },
      );
      expect(result).toMatchObject({
        resultType: 'complete',
        structuredContent: { slept: 400 },
      });
      expect(result).not.toHaveProperty('taskId');
    });

    it('makes no task for the SDK v2 client without the extension, nor for a 2025 client', async () => {
      const modern = await mcp.connectV2('modern');
      const legacy = await mcp.connect();
      const [a, b] = await Promise.all([
        modern.callTool({ name: 'test-actions.sleep', arguments: { ms: 400 } }),
        legacy.callTool({ name: 'test-actions.sleep', arguments: { ms: 400 } }),
      ]);
      expect(a.structuredContent).toEqual({ slept: 400 });
      expect(b.structuredContent).toEqual({ slept: 400 });
    });
  });

  describe('progress', () => {
    it('a call that asked for progress gets it until it becomes a task, and the task ends normally', async () => {
      const { answer, result } = await mcp.rpc('tools/call', {
        name: 'test-actions.sleep',
        arguments: { ms: 900 },
        _meta: { progressToken: 'p1' },
      });
      expect(answer.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const progress = (answer.body as any[]).filter(
        m => m.method === 'notifications/progress',
      );
      expect(progress.length).toBeGreaterThanOrEqual(1);
      expect(result).toMatchObject({ resultType: 'task', status: 'working' });
      expect((await settle(result.taskId)).status).toBe('completed');
    });
  });

  describe('tasks/get', () => {
    it('is readable at once, reports working, then the result inline', async () => {
      const { taskId, createdAt } = await startTask(600);
      const { result: working } = await mcp.rpc('tasks/get', { taskId });
      expect(working).toMatchObject({
        resultType: 'complete',
        taskId,
        status: 'working',
        createdAt,
      });
      expect(working).not.toHaveProperty('result');

      const done = await settle(taskId);
      expect(done).toMatchObject({
        resultType: 'complete',
        taskId,
        status: 'completed',
        createdAt,
        ttlMs: 3_600_000,
        result: {
          resultType: 'complete',
          content: [{ type: 'text', text: '{"slept":600}' }],
          structuredContent: { slept: 600 },
        },
      });
      expect(done).not.toHaveProperty('statusMessage');
      expect(done).not.toHaveProperty('error');
      expect(Date.parse(done.lastUpdatedAt)).toBeGreaterThan(
        Date.parse(createdAt),
      );
    });

    it('reports a tool error as completed, with the isError result (not failed)', async () => {
      const { taskId } = await startTask(3000);
      const done = await settle(taskId);
      expect(done.status).toBe('completed');
      expect(done.result).toEqual({
        resultType: 'complete',
        isError: true,
        content: [
          {
            type: 'text',
            text: 'TimeoutError: Tool "test-actions.sleep" did not finish within 1500ms',
          },
        ],
      });
    });

    it('answers -32602 for an unknown task id', async () => {
      const { error, answer } = await mcp.rpc('tasks/get', {
        taskId: 'no-such-task',
      });
      expect(answer.status).toBe(200);
      expect(error).toEqual({
        code: -32602,
        message: 'Failed to retrieve task: Task not found',
      });
    });

    it('answers -32021, naming the extension, to a request that does not declare it', async () => {
      const { taskId } = await startTask(300);
      for (const [method, params] of [
        ['tasks/get', { taskId }],
        ['tasks/update', { taskId, inputResponses: {} }],
        ['tasks/cancel', { taskId }],
      ] as const) {
        const { error, answer } = await mcp.rpc(method, params, {
          capabilities: {},
        });
        expect(answer.status).toBe(400);
        expect(error).toMatchObject({
          code: -32021,
          data: {
            requiredCapabilities: { extensions: { [TASKS_EXTENSION]: {} } },
          },
        });
      }
    });

    it('is not a method of the 2025 era', async () => {
      const client = await mcp.connect();
      await expect(
        client.request(
          { method: 'tasks/get', params: { taskId: 'x' } } as any,
          {} as any,
        ),
      ).rejects.toMatchObject({ code: -32601 });
    });
  });

  describe('who may see a task', () => {
    it("refuses another user's tasks/get and tasks/cancel as if the task did not exist", async () => {
      const { taskId } = await startTask(800);
      const get = await mcp.rpc(
        'tasks/get',
        { taskId },
        { authorization: BOB },
      );
      expect(get.error).toEqual({
        code: -32602,
        message: 'Failed to retrieve task: Task not found',
      });
      const cancel = await mcp.rpc(
        'tasks/cancel',
        { taskId },
        { authorization: BOB },
      );
      expect(cancel.error).toEqual({
        code: -32602,
        message: 'Failed to cancel task: Task not found',
      });
      const update = await mcp.rpc(
        'tasks/update',
        { taskId, inputResponses: {} },
        { authorization: BOB },
      );
      expect(update.error).toMatchObject({ code: -32602 });
      // Untouched for its owner.
      expect((await settle(taskId)).status).toBe('completed');
    });

    it('refuses a service caller the tasks of a user', async () => {
      const { taskId } = await startTask(300);
      const { error } = await mcp.rpc(
        'tasks/get',
        { taskId },
        { authorization: mockCredentials.service.header() },
      );
      expect(error).toMatchObject({ code: -32602 });
    });

    it('keeps a task to the server that created it', async () => {
      const { taskId } = await startTask(300, { path: '/narrow' });
      expect((await mcp.rpc('tasks/get', { taskId })).error).toMatchObject({
        code: -32602,
      });
      expect((await settle(taskId, { path: '/narrow' })).status).toBe(
        'completed',
      );
    });
  });

  describe('tasks/cancel', () => {
    it('acknowledges, marks the task cancelled, and the late result is dropped', async () => {
      const { taskId } = await startTask(700);
      const { result: ack } = await mcp.rpc('tasks/cancel', { taskId });
      expect(ack).toEqual({
        resultType: 'complete',
        _meta: expect.any(Object),
      });
      const { result: task } = await mcp.rpc('tasks/get', { taskId });
      expect(task).toMatchObject({
        status: 'cancelled',
        statusMessage: "Cancelled at the client's request",
      });
      expect(task).not.toHaveProperty('result');
      // A plain call as long as the task's, started after it, ends only
      // once the task's action has finished too: then the task is still
      // cancelled.
      const { result: after } = await mcp.rpc(
        'tools/call',
        { name: 'test-actions.sleep', arguments: { ms: 700 } },
        { capabilities: {} },
      );
      expect(after).toMatchObject({ structuredContent: { slept: 700 } });
      expect((await mcp.rpc('tasks/get', { taskId })).result.status).toBe(
        'cancelled',
      );
    });

    it('acknowledges a task that already ended, which keeps its state', async () => {
      const { taskId } = await startTask(250);
      await settle(taskId);
      expect((await mcp.rpc('tasks/cancel', { taskId })).result).toMatchObject({
        resultType: 'complete',
      });
      expect((await mcp.rpc('tasks/get', { taskId })).result.status).toBe(
        'completed',
      );
    });

    it('answers -32602 for an unknown task id', async () => {
      const { error } = await mcp.rpc('tasks/cancel', {
        taskId: 'no-such-task',
      });
      expect(error).toEqual({
        code: -32602,
        message: 'Failed to cancel task: Task not found',
      });
    });
  });

  describe('tasks/update', () => {
    it('acknowledges a known task and ignores the responses (nothing is ever asked inside a task)', async () => {
      const { taskId } = await startTask(300);
      const { result } = await mcp.rpc('tasks/update', {
        taskId,
        inputResponses: { 'never-asked': { action: 'accept', content: {} } },
      });
      expect(result).toMatchObject({ resultType: 'complete' });
      expect(Object.keys(result).sort()).toEqual(['_meta', 'resultType']);
      expect((await settle(taskId)).status).toBe('completed');
    });

    it('answers -32602 for an unknown task', async () => {
      const { error } = await mcp.rpc('tasks/update', {
        taskId: 'no-such-task',
        inputResponses: {},
      });
      expect(error).toEqual({
        code: -32602,
        message: 'Failed to update task: Task not found',
      });
    });
  });

  describe('with the ext-tasks client', () => {
    it('follows a task to its result', async () => {
      const { session } = await mcp.connectTasks();
      const execution = await session.callTool('test-actions.sleep', {
        ms: 500,
      });
      expect(execution.kind).toBe('task');
      const { outcome } = await execution.settle();
      expect(resultFromTaskOutcome(outcome)).toMatchObject({
        structuredContent: { slept: 500 },
      });
    });

    it('gets a quick call as an immediate result', async () => {
      const { session } = await mcp.connectTasks();
      const execution = await session.callTool('test-actions.whoami', {});
      expect(execution.kind).toBe('immediate');
      const { outcome } = await execution.settle();
      expect(resultFromTaskOutcome(outcome)).toMatchObject({
        structuredContent: { principal: 'user:default/alice' },
      });
    });

    it('cancels a task', async () => {
      const { session } = await mcp.connectTasks();
      const execution = await session.callTool('test-actions.sleep', {
        ms: 1200,
      });
      expect(execution.kind).toBe('task');
      await execution.cancel();
      const { taskId } = execution.handle!;
      expect((await mcp.rpc('tasks/get', { taskId })).result.status).toBe(
        'cancelled',
      );
    });
  });

  describe('upkeep', () => {
    it('schedules heartbeats and the orphan check on every instance', () => {
      const scheduled = scheduler.scheduleTask.mock.calls.map(([task]) => [
        task.id,
        task.scope,
      ]);
      expect(scheduled).toEqual(
        expect.arrayContaining([
          [TASK_SCHEDULE_IDS.heartbeat, 'local'],
          [TASK_SCHEDULE_IDS.orphans, 'local'],
        ]),
      );
    });

    it('heartbeats keep a running task working, and the orphan check leaves it alone', async () => {
      const { taskId } = await startTask(600);
      await runScheduled(TASK_SCHEDULE_IDS.heartbeat);
      await runScheduled(TASK_SCHEDULE_IDS.orphans);
      expect((await mcp.rpc('tasks/get', { taskId })).result.status).toBe(
        'working',
      );
      expect((await settle(taskId)).status).toBe('completed');
      await runScheduled(PURGE);
      expect((await mcp.rpc('tasks/get', { taskId })).result.status).toBe(
        'completed',
      );
    });
  });
});

describe('without mcpActions.tasks.tools', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend();
  });
  afterAll(() => mcp?.stop());

  it('neither advertises the extension nor serves its methods', async () => {
    const client = await mcp.connectV2('modern');
    expect(client.getServerCapabilities()).not.toHaveProperty('extensions');
    const { answer, error } = await mcp.rpc('tasks/get', { taskId: 'x' });
    expect(answer.status).toBe(404);
    expect(error).toMatchObject({ code: -32601 });
  });
});

describe('tasks past their TTL', () => {
  let mcp: McpTestBackend;
  const scheduler = mockServices.scheduler.mock();

  beforeAll(async () => {
    mcp = await startMcpBackend({
      features: [scheduler.factory],
      config: {
        mcpActions: {
          toolCallTimeout: 500,
          tasks: {
            tools: [{ id: 'test-actions:sleep' }],
            after: 50,
            ttl: 1000,
          },
        },
      },
    });
  });
  afterAll(() => mcp?.stop());

  it('keeps a result for the TTL, then reads as unknown and is purged', async () => {
    const { result: task } = await mcp.rpc('tools/call', {
      name: 'test-actions.sleep',
      arguments: { ms: 200 },
    });
    expect(task).toMatchObject({ resultType: 'task', ttlMs: 1000 });
    const expiresAt = Date.parse(task.createdAt) + 1000;
    let read: any;
    const get = async () => {
      read = await mcp.rpc('tasks/get', { taskId: task.taskId });
      return read;
    };
    expect(
      await waitFor(async () => (await get()).result?.status !== 'working'),
    ).toBe(true);
    expect(read.result?.status).toBe('completed');
    // Polled until it reads as unknown, which it must not before the TTL
    // ran out (the server's clock is this process's).
    expect(
      await waitFor(async () => (await get()).error !== undefined, 5000),
    ).toBe(true);
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt);
    expect(read.error).toEqual({
      code: -32602,
      message: 'Failed to retrieve task: Task not found',
    });
    const purge = scheduler.scheduleTask.mock.calls.find(
      ([t]) => t.id === PURGE,
    );
    await expect(
      purge![0].fn(new AbortController().signal),
    ).resolves.toBeUndefined();
  });
});
