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

  /** `lane`: who answers on the backend with the fast lane. */
  type Shape = [label: string, request: Case, lane: 'fast' | 'sdk'];
  const whoami = (args?: unknown, id: number | string = 1) =>
    modernRequest(
      'tools/call',
      {
        name: 'test-actions.whoami',
        ...(args !== undefined && { arguments: args }),
      },
      id,
    );
  const withHeaders = (request: Case, headers: Record<string, string>) => ({
    ...request,
    headers: { ...request.headers, ...headers },
  });
  const rawModern = (message: object): Case => ({
    body: JSON.stringify(message),
    headers: modernRequest('tools/list').headers,
  });
  const shapes: Shape[] = [
    // tools/list
    ['2026-07-28 tools/list', modernRequest('tools/list'), 'fast'],
    [
      '2026-07-28 tools/list from a client naming itself',
      modernRequest('tools/list', {
        _meta: {
          'io.modelcontextprotocol/clientInfo': { name: 'c', version: '1' },
        },
      }),
      'fast',
    ],
    ['2025-06-18 tools/list', legacyRequest('tools/list'), 'fast'],
    [
      '2025-11-25 tools/list with a string id',
      legacyRequest('tools/list', {}, 'list-1', '2025-11-25'),
      'fast',
    ],
    [
      '2025-03-26 tools/list',
      legacyRequest('tools/list', {}, 1, '2025-03-26'),
      'fast',
    ],
    ['tools/list with id 0', modernRequest('tools/list', {}, 0), 'fast'],
    [
      'tools/list with the largest safe id',
      modernRequest('tools/list', {}, Number.MAX_SAFE_INTEGER),
      'fast',
    ],
    [
      'tools/list with a unicode id',
      legacyRequest('tools/list', {}, 'список-✓-🚀'),
      'fast',
    ],
    [
      'tools/list with a trace context',
      modernRequest('tools/list', {
        _meta: {
          traceparent:
            '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
          tracestate: 'vendor=1',
        },
      }),
      'fast',
    ],
    [
      '2025 tools/list without a version header',
      { body: legacyRequest('tools/list').body, headers: {} },
      'sdk',
    ],
    [
      'tools/list with a cursor',
      modernRequest('tools/list', { cursor: 'next' }),
      'sdk',
    ],
    [
      'tools/list with an unknown parameter',
      legacyRequest('tools/list', { page: 2 }),
      'sdk',
    ],
    [
      'tools/list as a notification',
      {
        body: JSON.stringify({ jsonrpc: '2.0', method: 'tools/list' }),
        headers: legacyRequest('tools/list').headers,
      },
      'sdk',
    ],
    [
      'tools/list with a null id',
      rawModern({ jsonrpc: '2.0', id: null, method: 'tools/list' }),
      'sdk',
    ],
    [
      'tools/list with jsonrpc 1.0',
      {
        ...legacyRequest('tools/list'),
        body: legacyRequest('tools/list').body.replace('"2.0"', '"1.0"'),
      },
      'sdk',
    ],
    [
      'tools/list with an unsupported version header',
      legacyRequest('tools/list', {}, 1, '1999-01-01'),
      'sdk',
    ],
    [
      'a batch',
      {
        body: `[${legacyRequest('tools/list').body}]`,
        headers: legacyRequest('tools/list').headers,
      },
      'sdk',
    ],
    ['an unknown method', modernRequest('tools/lst'), 'sdk'],
    // tools/call, answered
    ['2026-07-28 tools/call', whoami({ note: 'hi' }), 'fast'],
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
            baggage: 'tenant=a',
          },
        },
        'call-1',
      ),
      'fast',
    ],
    [
      '2025-06-18 tools/call without arguments',
      legacyRequest('tools/call', { name: 'test-actions.whoami' }),
      'fast',
    ],
    ['tools/call with id 0', whoami({}, 0), 'fast'],
    [
      'tools/call with the largest safe id',
      whoami({}, Number.MAX_SAFE_INTEGER),
      'fast',
    ],
    ['tools/call with a unicode id', whoami({}, 'вызов-✓'), 'fast'],
    [
      'tools/call with unicode arguments',
      whoami({ note: 'Grüße, 世界 🌍 \u2028 "quoted"' }),
      'fast',
    ],
    [
      'tools/call with large arguments',
      whoami({ note: 'x'.repeat(200_000) }),
      'fast',
    ],
    [
      'tools/call with extra arguments',
      whoami({ note: 'a', unexpected: [1, { deep: true }] }),
      'fast',
    ],
    [
      'tools/call of a destructive tool (no confirmation configured)',
      modernRequest('tools/call', {
        name: 'test-actions.delete-widget',
        arguments: { id: 'w1' },
      }),
      'fast',
    ],
    [
      'tools/call whose action throws',
      modernRequest('tools/call', { name: 'test-actions.crash' }),
      'fast',
    ],
    [
      '2025-06-18 tools/call whose action refuses its input',
      legacyRequest('tools/call', {
        name: 'test-actions.delete-widget',
        arguments: { id: '' },
      }),
      'fast',
    ],
    [
      '2025-06-18 tools/call with invalid arguments',
      legacyRequest('tools/call', {
        name: 'test-actions.delete-widget',
        arguments: { id: 42 },
      }),
      'fast',
    ],
    [
      '2025-06-18 tools/call missing a required argument',
      legacyRequest('tools/call', {
        name: 'test-actions.delete-widget',
        arguments: {},
      }),
      'fast',
    ],
    [
      '2025-06-18 tools/call whose action is not allowed',
      legacyRequest('tools/call', {
        name: 'test-actions.delete-widget',
        arguments: { id: 'locked' },
      }),
      'fast',
    ],
    [
      'tools/call of an unknown tool',
      modernRequest('tools/call', { name: 'test-actions.nope' }),
      'fast',
    ],
    [
      '2025 tools/call of an unknown tool',
      legacyRequest('tools/call', { name: 'nope' }),
      'fast',
    ],
    [
      '2025-11-25 tools/call with a string id',
      legacyRequest(
        'tools/call',
        { name: 'test-actions.whoami', arguments: {} },
        'c-9',
        '2025-11-25',
      ),
      'fast',
    ],
    // tools/call, left to the SDK
    ['tools/call with array arguments', whoami([1, 2]), 'sdk'],
    ['tools/call with null arguments', whoami(null), 'sdk'],
    ['tools/call with string arguments', whoami('note=hi'), 'sdk'],
    [
      'tools/call without a name',
      modernRequest('tools/call', { arguments: {} }),
      'sdk',
    ],
    [
      'tools/call with a numeric name',
      legacyRequest('tools/call', { name: 7 }),
      'sdk',
    ],
    [
      'tools/call with an unknown parameter',
      legacyRequest('tools/call', { name: 'test-actions.whoami', task: {} }),
      'sdk',
    ],
    [
      'tools/call asking for progress',
      modernRequest('tools/call', {
        name: 'test-actions.whoami',
        _meta: { progressToken: 'p1' },
      }),
      'sdk',
    ],
    [
      'tools/call whose Mcp-Name differs',
      withHeaders(whoami({}), { 'Mcp-Name': 'test-actions.crash' }),
      'sdk',
    ],
    [
      'tools/call without the Mcp-Method header',
      {
        body: whoami({}).body,
        headers: { 'MCP-Protocol-Version': '2026-07-28' },
      },
      'sdk',
    ],
    [
      'tools/call whose envelope the SDK refuses',
      modernRequest('tools/call', {
        name: 'test-actions.whoami',
        _meta: { 'io.modelcontextprotocol/clientCapabilities': 'none' },
      }),
      'sdk',
    ],
    [
      '2026-07-28 tools/call accepting only JSON',
      withHeaders(whoami({}), { Accept: 'application/json' }),
      'fast',
    ],
    [
      '2025 tools/call accepting only JSON',
      withHeaders(
        legacyRequest('tools/call', { name: 'test-actions.whoami' }),
        {
          Accept: 'application/json',
        },
      ),
      'sdk',
    ],
    [
      '2025 tools/call with the version header of another era',
      withHeaders(
        legacyRequest('tools/call', { name: 'test-actions.whoami' }),
        {
          'MCP-Protocol-Version': '2026-07-28',
        },
      ),
      'sdk',
    ],
  ];

  it('covers at least 40 request shapes', () => {
    expect(shapes.length).toBeGreaterThanOrEqual(40);
  });

  it.each(shapes.filter(([, , lane]) => lane === 'sdk'))(
    '%s: left to the SDK with the lane and without it',
    async (_label, request) => {
      const { viaFast, viaSdk } = await compare(request);
      // Some are refused before the SDK builds a server; either way
      // both backends take the same path.
      expect(viaFast.sdkServers).toBe(viaSdk.sdkServers);
    },
  );

  it.each(shapes.filter(([, , lane]) => lane === 'fast'))(
    '%s: the same answer with the lane and without it',
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
      // The very bytes of the SDK's message (on 2025 the SDK sends it as
      // the one event of a stream).
      expect(viaFast.answer.text).toBe(messageTextOf(viaSdk.answer));
    },
  );

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
