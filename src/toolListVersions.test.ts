/*
 * What a tool list leaves out, per protocol version and server, on every
 * lane: `annotations.title` only for clients that read the top-level
 * `title` (2025-06-18 and later), `outputSchema` only on a server
 * configured with `outputSchemas: false`; the fast lane and the SDK's lane
 * list the same bytes (fastLane.test.ts compares them shape by shape).
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { modernRequest, postRpc } from './__testUtils__/jsonRpc';
import {
  type McpTestBackend,
  USER_ALICE,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

const ALICE = mockCredentials.user.header(USER_ALICE);
const CONFIG = {
  servers: { lean: { name: 'Lean', outputSchemas: false } },
};

interface ListedTool {
  name: string;
  title?: string;
  outputSchema?: object;
  annotations?: { title?: string };
}

function listRequest(version: string | undefined) {
  if (version === '2026-07-28') {
    return modernRequest('tools/list');
  }
  return {
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    headers: version ? { 'MCP-Protocol-Version': version } : {},
  };
}

/** Makes an SDK v1 client ask for `version` in its `initialize`. */
function askingFor<T extends Transport>(transport: T, version: string): T {
  const send = transport.send.bind(transport);
  transport.send = (message, options) =>
    send(
      'method' in message && message.method === 'initialize'
        ? {
            ...message,
            params: { ...message.params, protocolVersion: version },
          }
        : message,
      options,
    );
  return transport;
}

describe('tool lists per protocol version', () => {
  let fast: McpTestBackend;
  let sdk: McpTestBackend;

  beforeAll(async () => {
    [fast, sdk] = await Promise.all([
      startMcpBackend({ config: { mcpActions: CONFIG } }),
      startMcpBackend({
        config: { mcpActions: { ...CONFIG, fastLane: false } },
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([fast?.stop(), sdk?.stop()]);
  });

  async function listRaw(
    backend: McpTestBackend,
    version: string | undefined,
    path = '',
  ): Promise<ListedTool[]> {
    const request = listRequest(version);
    const answer = await postRpc(backend.url(path).href, request.body, {
      Authorization: ALICE,
      ...request.headers,
    });
    expect(answer.status).toBe(200);
    return answer.body.result.tools;
  }

  const whoami = (tools: ListedTool[]) =>
    tools.find(t => t.name === 'test-actions.whoami')!;

  it.each<[string, string | undefined, boolean]>([
    ['a 2025 request naming no version', undefined, true],
    ['a 2024-11-05 request', '2024-11-05', true],
    ['a 2025-03-26 request', '2025-03-26', true],
    ['a 2025-06-18 request', '2025-06-18', false],
    ['a 2025-11-25 request', '2025-11-25', false],
    ['a 2026-07-28 request', '2026-07-28', false],
  ])(
    '%s gets annotations.title: %s, on both lanes',
    async (_label, version, annotationTitle) => {
      const [viaFast, viaSdk] = await Promise.all([
        listRaw(fast, version),
        listRaw(sdk, version),
      ]);
      expect(viaFast).toEqual(viaSdk);
      for (const tool of viaFast) {
        expect(tool.title).toBeDefined();
        expect(tool.annotations?.title).toBe(
          annotationTitle ? tool.title : undefined,
        );
        expect(tool).not.toHaveProperty('inputSchema.$schema');
      }
      expect(whoami(viaFast).outputSchema).toBeDefined();
    },
  );

  it.each(['2025-03-26', '2025-06-18', '2026-07-28'])(
    'a server with outputSchemas: false lists no outputSchema (%s), on both lanes',
    async version => {
      const [viaFast, viaSdk] = await Promise.all([
        listRaw(fast, version, '/lean'),
        listRaw(sdk, version, '/lean'),
      ]);
      expect(viaFast).toEqual(viaSdk);
      expect(viaFast.length).toBeGreaterThan(0);
      expect(viaFast.filter(t => t.outputSchema)).toEqual([]);
    },
  );

  it('calls still answer with structured content where no outputSchema is listed', async () => {
    const client = await fast.connectV2('modern', '/lean');
    const result = await client.callTool({
      name: 'test-actions.whoami',
      arguments: {},
    });
    expect(result.structuredContent).toEqual({ principal: USER_ALICE });
  });

  it.each([
    ['Streamable HTTP', (backend: McpTestBackend) => backend.url()],
    ['legacy SSE', (backend: McpTestBackend) => backend.url('/sse')],
  ])(
    'follows the version an SDK v1 client negotiated over %s',
    async (transportName, urlOf) => {
      for (const [backend, version, annotationTitle] of [
        [fast, '2025-03-26', true],
        [fast, '2025-11-25', false],
        [sdk, '2025-03-26', true],
      ] as const) {
        const transport =
          transportName === 'legacy SSE'
            ? new SSEClientTransport(urlOf(backend), {
                requestInit: { headers: { Authorization: ALICE } },
                eventSourceInit: {
                  fetch: (input, init) =>
                    fetch(input, {
                      ...init,
                      headers: {
                        ...(init?.headers as Record<string, string>),
                        Authorization: ALICE,
                      },
                    }),
                },
              })
            : new StreamableHTTPClientTransport(urlOf(backend), {
                requestInit: { headers: { Authorization: ALICE } },
              });
        const client = new Client({ name: 'versioned', version: '1.0.0' });
        await client.connect(askingFor(transport, version));
        try {
          expect(client.getServerVersion()).toBeDefined();
          const { tools } = await client.listTools();
          expect(whoami(tools).annotations?.title).toBe(
            annotationTitle ? 'Who am I' : undefined,
          );
        } finally {
          await client.close();
        }
      }
    },
  );
});
