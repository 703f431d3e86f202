import { InputError } from '@backstage/errors';
import { setUpStoreTestDatabases } from '../__testUtils__/storeDatabases';
import { DatabaseTaskStore, ORPHANED_TASK_MESSAGE } from './DatabaseTaskStore';
import type { Knex } from '../stores/knex';
import { applyMigrations } from '../stores/migrations';
import type { TaskRecord } from '../stores/types';

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const REPLICA_A = 'host-a:101:aaaaaaaa';
const REPLICA_B = 'host-b:202:bbbbbbbb';
const SECOND = 1_000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 29, 12);

const RESULT = {
  content: [{ type: 'text', text: 'Created issue OPS-42' }],
  structuredContent: { key: 'OPS-42', nested: { ok: true, n: 1.5 } },
};

const { engines, init } = setUpStoreTestDatabases();

describe.each(engines)('DatabaseTaskStore on $name', engine => {
  let knex: Knex;
  let clock: { now: number };
  let store: DatabaseTaskStore;

  /** Another replica: its own store object, the same database and clock. */
  function replica() {
    return DatabaseTaskStore.create({ knex, now: () => clock.now });
  }

  // One migrated database per engine; emptied before each test.
  beforeAll(async () => {
    const db = await init(engine);
    knex = db.knex;
    await applyMigrations(db.database);
  });

  beforeEach(async () => {
    await knex('mcp_actions_tasks').delete();
    clock = { now: T0 };
    store = replica();
  });

  function createTask(
    options: Partial<Parameters<DatabaseTaskStore['create']>[0]> = {},
  ) {
    return store.create({
      principal: ALICE,
      serverKey: 'default',
      toolName: 'jira_create_issue',
      ownerInstance: REPLICA_A,
      ttlMs: HOUR,
      pollIntervalMs: 2 * SECOND,
      ...options,
    });
  }

  describe('create and get', () => {
    it('records a working task that any replica can read', async () => {
      const task = await createTask({ statusMessage: 'Creating the issue' });
      const expected: TaskRecord = {
        taskId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        principal: ALICE,
        serverKey: 'default',
        toolName: 'jira_create_issue',
        status: 'working',
        statusMessage: 'Creating the issue',
        createdAt: T0,
        lastUpdatedAt: T0,
        ttlMs: HOUR,
        pollIntervalMs: 2 * SECOND,
        expiresAt: T0 + HOUR,
        ownerInstance: REPLICA_A,
        heartbeatAt: T0,
      };
      expect(task).toEqual(expected);
      expect(await replica().get(task.taskId, ALICE)).toEqual(task);
    });

    it('hands out distinct unguessable ids', async () => {
      const ids = new Set<string>();
      for (let i = 0; i < 20; i++) {
        ids.add((await createTask()).taskId);
      }
      expect(ids.size).toBe(20);
    });

    it('keeps optional fields absent rather than null', async () => {
      const task = await createTask({ pollIntervalMs: undefined });
      const read = await store.get(task.taskId, ALICE);
      expect(read).not.toHaveProperty('pollIntervalMs');
      expect(read).not.toHaveProperty('statusMessage');
      expect(read).not.toHaveProperty('result');
      expect(read).not.toHaveProperty('error');
    });

    it("reads another principal's task as not found", async () => {
      const task = await createTask();
      expect(await store.get(task.taskId, BOB)).toBeUndefined();
      expect(await store.get('no-such-task', ALICE)).toBeUndefined();
    });

    it('reads an expired task as not found, even before it is purged', async () => {
      const task = await createTask({ ttlMs: 10 * SECOND });
      clock.now = T0 + 10 * SECOND - 1;
      expect(await store.get(task.taskId, ALICE)).toBeDefined();
      clock.now = T0 + 10 * SECOND;
      expect(await store.get(task.taskId, ALICE)).toBeUndefined();
    });

    it('keeps a task with a null TTL indefinitely', async () => {
      const task = await createTask({ ttlMs: null });
      expect(task).toMatchObject({ ttlMs: null, expiresAt: null });
      clock.now = T0 + 1000 * HOUR;
      expect(await store.purgeExpired()).toBe(0);
      expect(await store.get(task.taskId, ALICE)).toMatchObject({
        ttlMs: null,
        expiresAt: null,
      });
    });

    it.each([
      ['ttlMs', 0],
      ['ttlMs', -5],
      ['ttlMs', 0.5],
      ['pollIntervalMs', 0],
      ['pollIntervalMs', Number.NaN],
    ])('refuses %s = %p', async (field, value) => {
      await expect(createTask({ [field]: value })).rejects.toThrow(InputError);
    });
  });

  describe('ending a task', () => {
    it('completes with the result, readable from another replica', async () => {
      const task = await createTask({ statusMessage: 'Creating the issue' });
      clock.now = T0 + 5 * SECOND;
      const transition = await store.complete(task.taskId, RESULT);
      expect(transition).toEqual({
        outcome: 'updated',
        task: {
          ...task,
          status: 'completed',
          statusMessage: undefined,
          result: RESULT,
          lastUpdatedAt: T0 + 5 * SECOND,
        },
      });
      const read = await replica().get(task.taskId, ALICE);
      expect(read).toMatchObject({ status: 'completed', result: RESULT });
      expect(read).not.toHaveProperty('statusMessage');
    });

    it('fails with a JSON-RPC error and a status message', async () => {
      const task = await createTask();
      const transition = await store.fail(task.taskId, 'Jira is unreachable');
      expect(transition).toMatchObject({
        outcome: 'updated',
        task: {
          status: 'failed',
          statusMessage: 'Jira is unreachable',
          error: { code: -32603, message: 'Jira is unreachable' },
        },
      });
      const other = await createTask();
      expect(
        await store.fail(other.taskId, 'Unknown project "OPS"', -32602),
      ).toMatchObject({
        outcome: 'updated',
        task: { error: { code: -32602, message: 'Unknown project "OPS"' } },
      });
    });

    it('cancels for its own principal only', async () => {
      const task = await createTask();
      expect(await store.cancel(task.taskId, BOB)).toEqual({
        outcome: 'not-found',
      });
      expect((await store.get(task.taskId, ALICE))?.status).toBe('working');

      clock.now = T0 + SECOND;
      const transition = await replica().cancel(task.taskId, ALICE);
      expect(transition).toMatchObject({
        outcome: 'updated',
        task: {
          status: 'cancelled',
          statusMessage: "Cancelled at the client's request",
          lastUpdatedAt: T0 + SECOND,
        },
      });
    });

    it('never changes a terminal state again, and says so', async () => {
      const task = await createTask();
      await store.cancel(task.taskId, ALICE, 'Stopped by the user');
      clock.now = T0 + SECOND;

      const late = await store.complete(task.taskId, RESULT);
      expect(late).toEqual({
        outcome: 'already-terminal',
        task: expect.objectContaining({
          status: 'cancelled',
          statusMessage: 'Stopped by the user',
          lastUpdatedAt: T0,
        }),
      });
      expect(
        late.outcome === 'already-terminal' && late.task,
      ).not.toHaveProperty('result');
      expect((await store.fail(task.taskId, 'x')).outcome).toBe(
        'already-terminal',
      );
      expect((await store.cancel(task.taskId, ALICE)).outcome).toBe(
        'already-terminal',
      );
      expect(await store.get(task.taskId, ALICE)).toMatchObject({
        status: 'cancelled',
        lastUpdatedAt: T0,
      });
    });

    it('reports not-found for unknown and expired tasks', async () => {
      const task = await createTask({ ttlMs: SECOND });
      expect(await store.complete('no-such-task', RESULT)).toEqual({
        outcome: 'not-found',
      });
      clock.now = T0 + SECOND;
      expect(await store.complete(task.taskId, RESULT)).toEqual({
        outcome: 'not-found',
      });
    });

    it('lets exactly one of a racing complete and cancel win', async () => {
      for (let round = 0; round < 10; round++) {
        const task = await createTask();
        const [completed, cancelled] = await Promise.all([
          store.complete(task.taskId, RESULT),
          replica().cancel(task.taskId, ALICE),
        ]);
        const outcomes = [completed.outcome, cancelled.outcome].sort();
        expect(outcomes).toEqual(['already-terminal', 'updated']);
        const winner =
          completed.outcome === 'updated' ? 'completed' : 'cancelled';
        expect((await store.get(task.taskId, ALICE))?.status).toBe(winner);
      }
    });
  });

  describe('heartbeats and orphans', () => {
    it('bumps the working tasks of one instance, and nothing else', async () => {
      const mine = [await createTask(), await createTask()];
      const finished = await createTask();
      await store.complete(finished.taskId, RESULT);
      const theirs = await createTask({ ownerInstance: REPLICA_B });

      clock.now = T0 + 30 * SECOND;
      expect(await store.heartbeat(REPLICA_A)).toBe(2);

      for (const task of mine) {
        expect(await store.get(task.taskId, ALICE)).toMatchObject({
          heartbeatAt: T0 + 30 * SECOND,
          lastUpdatedAt: T0, // a heartbeat is not a change the client sees
        });
      }
      expect((await store.get(finished.taskId, ALICE))?.heartbeatAt).toBe(T0);
      expect((await store.get(theirs.taskId, ALICE))?.heartbeatAt).toBe(T0);
    });

    it('fails the tasks of an instance that stopped heartbeating', async () => {
      const alive = await createTask({ ownerInstance: REPLICA_A });
      const orphan = await createTask({ ownerInstance: REPLICA_B });
      const done = await createTask({ ownerInstance: REPLICA_B });
      await store.complete(done.taskId, RESULT);

      clock.now = T0 + 60 * SECOND;
      await store.heartbeat(REPLICA_A); // B has died and says nothing
      clock.now = T0 + 61 * SECOND;
      expect(await replica().failOrphaned(T0 + 30 * SECOND)).toBe(1);

      expect(await store.get(orphan.taskId, ALICE)).toMatchObject({
        status: 'failed',
        statusMessage: ORPHANED_TASK_MESSAGE,
        error: { code: -32603, message: ORPHANED_TASK_MESSAGE },
        lastUpdatedAt: T0 + 61 * SECOND,
      });
      expect((await store.get(alive.taskId, ALICE))?.status).toBe('working');
      expect(await store.get(done.taskId, ALICE)).toMatchObject({
        status: 'completed',
        result: RESULT,
      });
      // Should B come back after all, its result no longer applies.
      expect((await store.complete(orphan.taskId, RESULT)).outcome).toBe(
        'already-terminal',
      );
      // Nothing left to fail.
      expect(await store.failOrphaned(T0 + 30 * SECOND)).toBe(0);
    });

    it('treats a heartbeat exactly at the limit as alive', async () => {
      const task = await createTask();
      expect(await store.failOrphaned(T0)).toBe(0);
      expect(await store.failOrphaned(T0 + 1)).toBe(1);
      expect((await store.get(task.taskId, ALICE))?.status).toBe('failed');
    });
  });

  describe('purgeExpired', () => {
    it('deletes expired tasks in any state, and only those', async () => {
      const working = await createTask({ ttlMs: 10 * SECOND });
      const completed = await createTask({ ttlMs: 20 * SECOND });
      await store.complete(completed.taskId, RESULT);
      const kept = await createTask({ ttlMs: HOUR });
      const forever = await createTask({ ttlMs: null });

      expect(await store.purgeExpired(T0 + 10 * SECOND - 1)).toBe(0);
      expect(await store.purgeExpired(T0 + 20 * SECOND)).toBe(2);
      clock.now = T0 + 20 * SECOND;
      expect(await store.purgeExpired()).toBe(0);

      const remaining = await knex('mcp_actions_tasks').pluck('task_id');
      expect(remaining.sort()).toEqual([kept.taskId, forever.taskId].sort());
      expect(await store.get(working.taskId, ALICE)).toBeUndefined();
    });
  });
});
