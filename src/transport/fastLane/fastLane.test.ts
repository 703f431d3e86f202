import { McpServerFactory } from '../../mcpServer/McpServerFactory';
import {
  modernRequest,
  postRpc,
  type RpcAnswer,
} from '../../__testUtils__/jsonRpc';
import {
  USER_ALICE,
  startMcpBackend,
} from '../../__testUtils__/startMcpBackend';
import { mockCredentials } from '@backstage/backend-test-utils';

function authorizationFor(user = USER_ALICE) {
  return { Authorization: mockCredentials.user.header(user) };
}

type Backend = Awaited<ReturnType<typeof startMcpBackend>>;

interface Case {
  body: string;
  headers: Record<string, string>;
}

function legacyRequest(
  method: string,
  params: Record<string, unknown> = {},
  id: number | string = 1,
  version = '2025-06-18',
): Case {
  return {
    body: JSON.stringify({ jsonrpc: '2.0', id, method, params }),
    headers: { 'MCP-Protocol-Version': version },
  };
}

/** The JSON-RPC message as sent: the body, or the data of its one event. */
function messageTextOf(answer: RpcAnswer): string {
  if (!answer.headers.get('content-type')?.startsWith('text/event-stream')) {
    return answer.text;
  }
  const data = answer.text
    .split('\n')
    .filter(line => line.startsWith('data: '));
  expect(data).toHaveLength(1);
  return data[0].slice('data: '.length);
}

/**
 * The fast lane against the SDK's lane: the same requests to a backend
 * with `mcpActions.fastLane` on (the default) and to one with it off must
 * get the same JSON-RPC answers, and only the plain ones may skip the SDK
 * server (whose construction is counted).
 */
describe('fast lane', () => {
  let fast: Backend;
  let sdk: Backend;
  let builds: jest.SpyInstance;

  beforeAll(async () => {
    fast = await startMcpBackend();
    sdk = await startMcpBackend({
      config: { mcpActions: { fastLane: false } },
    });
    builds = jest.spyOn(McpServerFactory.prototype, 'build');
  });

  afterAll(async () => {
    builds.mockRestore();
    await Promise.all([fast?.stop(), sdk?.stop()]);
  });

  async function send(backend: Backend, request: Case) {
    builds.mockClear();
    const answer = await postRpc(backend.url().href, request.body, {
      ...authorizationFor(),
      ...request.headers,
    });
    return { answer, sdkServers: builds.mock.calls.length };
  }

  /** Both lanes' answers, after checking they carry the same JSON-RPC. */
  async function compare(request: Case) {
    const viaFast = await send(fast, request);
    const viaSdk = await send(sdk, request);
    expect(viaFast.answer.status).toBe(viaSdk.answer.status);
    expect(viaFast.answer.body).toEqual(viaSdk.answer.body);
    return { viaFast, viaSdk };
  }

  it.each<[string, Case]>([
    ['2026-07-28 tools/list', modernRequest('tools/list')],
    [
      '2026-07-28 tools/list from a client naming itself',
      modernRequest('tools/list', {
        _meta: {
          'io.modelcontextprotocol/clientInfo': { name: 'c', version: '1' },
        },
      }),
    ],
    ['2025-06-18 tools/list', legacyRequest('tools/list')],
    [
      '2025-11-25 tools/list with a string id',
      legacyRequest('tools/list', {}, 'list-1', '2025-11-25'),
    ],
    [
      '2026-07-28 tools/call',
      modernRequest('tools/call', {
        name: 'test-actions.whoami',
        arguments: { note: 'hi' },
      }),
    ],
    [
      '2026-07-28 tools/call by dotted name with a trace context',
      modernRequest(
        'tools/call',
        {
          name: 'test-actions.whoami',
          arguments: {},
          _meta: {
            traceparent:
              '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
          },
        },
        'call-1',
      ),
    ],
    [
      '2025-06-18 tools/call without arguments',
      legacyRequest('tools/call', { name: 'test-actions.whoami' }),
    ],
    [
      '2026-07-28 tools/call of a destructive tool (no confirmation configured)',
      modernRequest('tools/call', {
        name: 'test-actions.delete-widget',
        arguments: { id: 'w1' },
      }),
    ],
    [
      '2026-07-28 tools/call whose action throws',
      modernRequest('tools/call', { name: 'test-actions.crash' }),
    ],
    [
      '2025-06-18 tools/call whose action refuses its input',
      legacyRequest('tools/call', {
        name: 'test-actions.delete-widget',
        arguments: { id: '' },
      }),
    ],
    [
      '2025-06-18 tools/call whose action is not allowed',
      legacyRequest('tools/call', {
        name: 'test-actions.delete-widget',
        arguments: { id: 'locked' },
      }),
    ],
  ])(
    'answers a plain %s as the SDK does, without an SDK server',
    async (_label, request) => {
      const { viaFast, viaSdk } = await compare(request);
      expect(viaFast.sdkServers).toBe(0);
      expect(viaFast.answer.status).toBe(200);
      // One JSON body on both eras, with its length.
      expect(viaFast.answer.headers.get('content-type')).toBe(
        'application/json',
      );
      expect(Number(viaFast.answer.headers.get('content-length'))).toBe(
        Buffer.byteLength(viaFast.answer.text),
      );
      expect(viaFast.answer.body.result).toBeDefined();
      // The very bytes of the SDK's message (on 2025 the SDK sends it as
      // the one event of a stream).
      expect(viaFast.answer.text).toBe(messageTextOf(viaSdk.answer));
    },
  );

  it.each<[string, Case]>([
    [
      'a tools/list with a cursor',
      modernRequest('tools/list', { cursor: 'next' }),
    ],
    [
      'a tools/call asking for progress',
      modernRequest('tools/call', {
        name: 'test-actions.whoami',
        _meta: { progressToken: 'p1' },
      }),
    ],
    [
      'a tools/call of an unknown tool',
      modernRequest('tools/call', { name: 'test-actions.nope' }),
    ],
    [
      'a 2025 tools/call of an unknown tool',
      legacyRequest('tools/call', { name: 'nope' }),
    ],
    [
      'a tools/call whose Mcp-Name differs',
      {
        ...modernRequest('tools/call', { name: 'test-actions.whoami' }),
        headers: {
          ...modernRequest('tools/call', { name: 'test-actions.whoami' })
            .headers,
          'Mcp-Name': 'test-actions.crash',
        },
      },
    ],
    [
      'a tools/call whose envelope the SDK refuses',
      modernRequest('tools/call', {
        name: 'test-actions.whoami',
        _meta: { 'io.modelcontextprotocol/clientCapabilities': 'none' },
      }),
    ],
    [
      'a batch',
      {
        body: `[${legacyRequest('tools/list').body}]`,
        headers: legacyRequest('tools/list').headers,
      },
    ],
  ])('leaves %s to the SDK', async (_label, request) => {
    // Some are refused before the SDK builds a server; either way both
    // backends take the same path.
    const { viaFast, viaSdk } = await compare(request);
    expect(viaFast.sdkServers).toBe(viaSdk.sdkServers);
  });

  it('sends a 2025 client that does not accept event streams to the SDK, which refuses it', async () => {
    const request = legacyRequest('tools/list');
    const headers = { ...request.headers, Accept: 'application/json' };
    const viaFast = await send(fast, { ...request, headers });
    expect(viaFast.sdkServers).toBe(1);
    expect(viaFast.answer.status).toBe(406);
  });

  it.each(['modern', 'legacy'] as const)(
    'serves the SDK v2 client (%s) list and call on the fast lane',
    async mode => {
      const client = await fast.connectV2(mode);
      builds.mockClear();
      const { tools } = await client.listTools();
      expect(tools.map(t => t.name)).toContain('test-actions.whoami');
      const result = await client.callTool({
        name: 'test-actions.whoami',
        arguments: {},
      });
      expect(result.structuredContent).toEqual({
        principal: 'user:default/alice',
      });
      expect(builds).not.toHaveBeenCalled();
    },
  );

  it('serves the SDK v1 client list and call on the fast lane', async () => {
    const client = await fast.connect();
    builds.mockClear();
    const { tools } = await client.listTools();
    expect(tools.length).toBeGreaterThan(0);
    const result = await client.callTool({
      name: 'test-actions.whoami',
      arguments: {},
    });
    expect(result.isError).toBeFalsy();
    expect(builds).not.toHaveBeenCalled();
  });

  it('runs each call with its own caller', async () => {
    const alice = await send(
      fast,
      modernRequest('tools/call', { name: 'test-actions.whoami' }),
    );
    expect(alice.answer.body.result.structuredContent.principal).toBe(
      'user:default/alice',
    );
    const bob: RpcAnswer = await postRpc(
      fast.url().href,
      modernRequest('tools/call', { name: 'test-actions.whoami' }).body,
      {
        ...modernRequest('tools/call', { name: 'test-actions.whoami' }).headers,
        ...authorizationFor('user:default/bob'),
      },
    );
    expect(bob.body.result.structuredContent.principal).toBe(
      'user:default/bob',
    );
  });
});
