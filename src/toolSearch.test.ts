import { mockCredentials } from '@backstage/backend-test-utils';
import {
  PORTAL_ACTION_COUNT,
  PORTAL_PLUGINS,
  createPortalActionsPlugins,
} from '../dev/portalActions';
import {
  modernRequest,
  postRpc,
  type RpcAnswer,
} from './__testUtils__/jsonRpc';
import {
  McpTestBackend,
  USER_ALICE,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';
import { SEARCH_TOOL_NAME } from './tools/toolSearch';

const podLogsExample = PORTAL_PLUGINS.find(
  p => p.pluginId === 'kubernetes',
)!.actions.find(a => a.name === 'get-pod-logs')!.example;

const eras = [
  ['2026-07-28', 'modern'],
  ['2025-11-25', 'legacy'],
] as const;

/** The backend of these tests, with `lane` config over the servers'. */
function backendOptions(lane: { fastLane?: boolean }) {
  return {
    features: createPortalActionsPlugins(),
    config: {
      backend: {
        actions: {
          pluginSources: [
            'test-actions',
            ...PORTAL_PLUGINS.map(p => p.pluginId),
          ],
        },
        listen: { host: '127.0.0.1' },
      },
      mcpActions: {
        ...lane,
        servers: {
          portal: {
            name: 'Portal',
            toolSearch: { enabled: true, pinned: ['search:query'] },
          },
          'no-vault': {
            name: 'Without Vault',
            filter: { exclude: [{ id: 'vault:*' }] },
            toolSearch: { enabled: true, maxResults: 20 },
          },
          paged: { name: 'Paged', toolsPageSize: 100 },
          limited: {
            name: 'Limited',
            toolSearch: { enabled: true },
            rateLimit: { toolCalls: { limit: 1, window: '60s' } },
          },
        },
      },
    },
  };
}

describe('tool search and paged tool lists', () => {
  let mcp: McpTestBackend;
  /** The same backend without the fast lane, to compare answers with. */
  let sdkOnly: McpTestBackend;

  beforeAll(async () => {
    [mcp, sdkOnly] = await Promise.all([
      startMcpBackend(backendOptions({})),
      startMcpBackend(backendOptions({ fastLane: false })),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([mcp?.stop(), sdkOnly?.stop()]);
  });

  describe.each(eras)('SDK v2 client on %s', (version, mode) => {
    it('lists a small set, finds a tool and calls it unlisted', async () => {
      const client = await mcp.connectV2(mode, '/portal');
      expect(client.getNegotiatedProtocolVersion()).toBe(version);

      const { tools, nextCursor } = await client.listTools();
      expect(tools.map(t => t.name)).toEqual([
        SEARCH_TOOL_NAME,
        'search.query',
      ]);
      expect(nextCursor).toBeUndefined();
      expect(Buffer.byteLength(JSON.stringify(tools))).toBeLessThan(5 * 1024);

      const found = await client.callTool({
        name: SEARCH_TOOL_NAME,
        arguments: { query: 'show me the logs of a crashing pod' },
      });
      expect(found.isError).toBeFalsy();
      const { tools: hits } = found.structuredContent as {
        tools: Array<{ name: string; inputSchema: object }>;
      };
      const logs = hits.find(t => t.name === 'kubernetes.get-pod-logs');
      expect(logs?.inputSchema).toMatchObject({ type: 'object' });

      const called = await client.callTool({
        name: 'kubernetes.get-pod-logs',
        arguments: podLogsExample,
      });
      expect(called.isError).toBeFalsy();
      expect(called.structuredContent).toBeDefined();
    });

    it('pages concatenate to the full list', async () => {
      const full = await mcp.connectV2(mode);
      const all = (await full.listTools()).tools.map(t => t.name);
      expect(all.length).toBeGreaterThan(PORTAL_ACTION_COUNT);

      // The v2 client follows the cursors itself when given none.
      const client = await mcp.connectV2(mode, '/paged');
      expect((await client.listTools()).tools.map(t => t.name)).toEqual(all);

      const first = (await plainList('/paged')).body.result;
      const names: string[] = first.tools.map((t: { name: string }) => t.name);
      let cursor: string | undefined = first.nextCursor;
      let pages = 1;
      while (cursor) {
        const page = await client.listTools({ cursor });
        expect(page.tools.length).toBeLessThanOrEqual(100);
        names.push(...page.tools.map(t => t.name));
        cursor = page.nextCursor;
        pages++;
      }
      expect(names).toEqual(all);
      expect(pages).toBe(Math.ceil(all.length / 100));
    });

    it.each([['bogus'], [Buffer.from('100:other').toString('base64url')]])(
      'refuses the cursor %s with -32602',
      async cursor => {
        const client = await mcp.connectV2(mode, '/paged');
        await expect(client.listTools({ cursor })).rejects.toMatchObject({
          code: -32602,
        });
      },
    );
  });

  it('finds nothing the server leaves out', async () => {
    const client = await mcp.connectV2('modern', '/no-vault');
    const found = await client.callTool({
      name: SEARCH_TOOL_NAME,
      arguments: { query: 'vault secret token lease seal', limit: 20 },
    });
    const { tools } = found.structuredContent as {
      tools: Array<{ name: string }>;
    };
    expect(tools.length).toBeGreaterThan(0);
    expect(tools.filter(t => t.name.startsWith('vault.'))).toEqual([]);
    await expect(
      client.callTool({ name: 'vault.read-secret-metadata', arguments: {} }),
    ).rejects.toMatchObject({ code: -32602 });
  });

  it('counts searches against the rate limit, as every call', async () => {
    const client = await mcp.connectV2('modern', '/limited');
    const search = () =>
      client.callTool({
        name: SEARCH_TOOL_NAME,
        arguments: { query: 'list pods' },
      });
    expect((await search()).isError).toBeFalsy();
    const refused = await search();
    expect(refused.isError).toBe(true);
    expect(JSON.stringify(refused.content)).toContain('Rate limit reached');
  });

  it('answers a first page with its cursor on a plain request too', async () => {
    const answer = await plainList('/paged');
    expect(answer.body.result.tools).toHaveLength(100);
    expect(typeof answer.body.result.nextCursor).toBe('string');
    const again = await plainList('/paged');
    expect(again.body.result.nextCursor).toBe(answer.body.result.nextCursor);
  });

  it.each([
    ['2026-07-28 list', '/portal', modernRequest('tools/list')],
    ['2025 list', '/portal', legacyRequest('tools/list')],
    ['2026-07-28 first page', '/paged', modernRequest('tools/list')],
    ['2025 first page', '/paged', legacyRequest('tools/list')],
    [
      '2026-07-28 search',
      '/portal',
      modernRequest('tools/call', {
        name: SEARCH_TOOL_NAME,
        arguments: { query: 'rotate database credentials' },
      }),
    ],
    [
      '2025 search',
      '/portal',
      legacyRequest('tools/call', {
        name: SEARCH_TOOL_NAME,
        arguments: { query: 'rotate database credentials' },
      }),
    ],
  ])('answers the same on both lanes: %s', async (_, path, request) => {
    const send = (backend: McpTestBackend) =>
      postRpc(backend.url(path).toString(), request.body, {
        ...request.headers,
        Authorization: mockCredentials.user.header(USER_ALICE),
      });
    const [viaFast, viaSdk] = await Promise.all([send(mcp), send(sdkOnly)]);
    expect(viaFast.status).toBe(200);
    expect(viaFast.body.error).toBeUndefined();
    expect(messageText(viaFast)).toBe(messageText(viaSdk));
  });

  /** A plain 2026-07-28 `tools/list`, as the fast lane would take it. */
  function plainList(path: string) {
    const { body, headers } = modernRequest('tools/list');
    return postRpc(mcp.url(path).toString(), body, {
      ...headers,
      Authorization: mockCredentials.user.header(USER_ALICE),
    });
  }

  /** The JSON-RPC message as sent: the body, or the data of its event. */
  function messageText(answer: RpcAnswer): string {
    if (!answer.headers.get('content-type')?.startsWith('text/event-stream')) {
      return answer.text;
    }
    const data = answer.text.split('\n').find(l => l.startsWith('data: '));
    return data?.slice('data: '.length) ?? '';
  }

  function legacyRequest(method: string, params: object = {}) {
    return {
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
      headers: { 'MCP-Protocol-Version': '2025-11-25' },
    };
  }
});
