import { mockCredentials } from '@backstage/backend-test-utils';
import type http from 'node:http';
import net from 'node:net';
import request from 'supertest';
import { modernRequest, postRpc } from './__testUtils__/jsonRpc';
import {
  type RawPostResult,
  postWithoutEnd,
  rawPost,
} from './__testUtils__/rawPost';
import {
  McpTestBackend,
  USER_ALICE,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

const ALICE = mockCredentials.user.header(USER_ALICE);
const MAX_BYTES = 20_000;
const ping = (id: number) => ({ jsonrpc: '2.0', id, method: 'ping' });
const call = (params: unknown) => ({
  jsonrpc: '2.0',
  id: 1,
  method: 'tools/call',
  params,
});

/** Each row: what is sent, and the status and JSON-RPC code that must come back. */
const CASES: Array<{
  name: string;
  body: string;
  headers?: Record<string, string>;
  status: number;
  code: number;
  message?: RegExp;
}> = [
  { name: 'malformed JSON', body: '{"jsonrpc":', status: 400, code: -32700 },
  {
    name: 'JSON that is not JSON-RPC',
    body: '{"hello":"world"}',
    status: 400,
    code: -32600,
  },
  { name: 'a JSON scalar', body: '42', status: 400, code: -32600 },
  { name: 'an empty batch', body: '[]', status: 400, code: -32600 },
  {
    name: 'a wrong Content-Type',
    body: JSON.stringify(ping(1)),
    headers: { 'Content-Type': 'text/plain' },
    status: 415,
    code: -32000,
  },
  {
    name: 'an Accept without text/event-stream',
    body: JSON.stringify(ping(1)),
    headers: { Accept: 'application/json' },
    status: 406,
    code: -32000,
  },
  {
    name: 'an unsupported MCP-Protocol-Version',
    body: JSON.stringify(ping(1)),
    headers: { 'MCP-Protocol-Version': '1999-01-01' },
    status: 400,
    code: -32000,
    message: /Unsupported protocol version/,
  },
  {
    name: 'a body over the limit',
    body: JSON.stringify({
      ...ping(1),
      params: { pad: 'x'.repeat(MAX_BYTES) },
    }),
    status: 413,
    code: -32000,
    message: new RegExp(`exceeds ${MAX_BYTES} bytes`),
  },
  {
    name: 'an unknown method',
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'nope/nope' }),
    status: 200,
    code: -32601,
  },
  {
    name: 'tools/call without a name',
    body: JSON.stringify(call({})),
    status: 200,
    code: -32602,
  },
  {
    name: 'tools/call with non-object arguments',
    body: JSON.stringify(
      call({ name: 'test-actions.whoami', arguments: [1, 2] }),
    ),
    status: 200,
    code: -32602,
  },
  {
    name: 'tools/call with an odd Unicode name',
    body: JSON.stringify(
      call({ name: 'who\u202eami\u0000\ud83d\ude00', arguments: {} }),
    ),
    status: 200,
    code: -32602,
    message: /Unknown tool/,
  },
];

/** 2026-07-28 requests that break the revision's rules, and what must come back. */
const MODERN_CASES: Array<{
  name: string;
  request: { body: string; headers: Record<string, string> };
  status: number;
  code: number;
}> = [
  (() => {
    const r = modernRequest('tools/list');
    return {
      name: 'an Mcp-Method header that disagrees with the body',
      request: { ...r, headers: { ...r.headers, 'Mcp-Method': 'tools/call' } },
      status: 400,
      code: -32020,
    };
  })(),
  (() => {
    const r = modernRequest('tools/call', {
      name: 'test-actions.whoami',
      arguments: {},
    });
    return {
      name: 'an Mcp-Name header that disagrees with the body',
      request: {
        ...r,
        headers: { ...r.headers, 'Mcp-Name': 'test-actions.other' },
      },
      status: 400,
      code: -32020,
    };
  })(),
  (() => {
    const r = modernRequest('tools/list');
    return {
      name: 'a missing Mcp-Method header',
      request: { ...r, headers: { 'MCP-Protocol-Version': '2026-07-28' } },
      status: 400,
      code: -32020,
    };
  })(),
  (() => {
    const r = modernRequest('tools/list', {
      _meta: { 'io.modelcontextprotocol/protocolVersion': '2099-01-01' },
    });
    return {
      name: 'an unsupported protocol version',
      request: {
        ...r,
        headers: { ...r.headers, 'MCP-Protocol-Version': '2099-01-01' },
      },
      status: 400,
      code: -32022,
    };
  })(),
  {
    name: 'a request without the _meta envelope',
    request: {
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/list',
        params: {},
      }),
      headers: {
        'MCP-Protocol-Version': '2026-07-28',
        'Mcp-Method': 'tools/list',
      },
    },
    status: 400,
    code: -32602,
  },
  {
    name: 'initialize, which the revision removed',
    request: modernRequest('initialize', {
      protocolVersion: '2026-07-28',
      capabilities: {},
      clientInfo: { name: 'x', version: '1' },
    }),
    status: 404,
    code: -32601,
  },
  {
    name: 'ping, which the revision removed',
    request: modernRequest('ping'),
    status: 404,
    code: -32601,
  },
  {
    name: 'logging/setLevel, which the revision removed',
    request: modernRequest('logging/setLevel', { level: 'info' }),
    status: 404,
    code: -32601,
  },
  {
    name: 'an unknown method',
    request: modernRequest('nope/nope'),
    status: 404,
    code: -32601,
  },
];

describe('bad input over Streamable HTTP', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: { mcpActions: { maxRequestBytes: MAX_BYTES } },
    });
  });
  afterAll(() => mcp?.stop());

  const post = (body: string | Buffer, headers: Record<string, string> = {}) =>
    postRpc(`${mcp.baseUrl}/api/mcp-actions/v1`, body, {
      Authorization: ALICE,
      ...headers,
    });

  it.each(CASES)(
    'answers $name with $status and $code',
    async ({ body, headers, status, code, message }) => {
      const res = await post(body, headers);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(
        /^(application\/json|text\/event-stream)/,
      );
      expect(res.body).toMatchObject({ jsonrpc: '2.0', error: { code } });
      expect(res.body.error.message).toMatch(message ?? /\S/);
      expect(res.text).not.toMatch(/\bat .+\.(js|ts):\d+/); // no stack trace

      // ...and nothing else is disturbed.
      const after = await post(JSON.stringify(ping(7)));
      expect(after.body).toEqual({ jsonrpc: '2.0', id: 7, result: {} });
    },
  );

  it.each(MODERN_CASES)(
    'answers 2026-07-28 $name with $status and $code, keeping the id',
    async ({ request: r, status, code }) => {
      const res = await post(r.body, r.headers);
      expect({ status: res.status, body: res.body }).toMatchObject({
        status,
        body: { jsonrpc: '2.0', id: 1, error: { code } },
      });
    },
  );

  it('answers an unknown tool on 2026-07-28 with -32602, keeping the id', async () => {
    const r = modernRequest(
      'tools/call',
      { name: 'test-actions.nope', arguments: {} },
      'abc',
    );
    const res = await post(r.body, r.headers);
    expect(res.body).toMatchObject({
      jsonrpc: '2.0',
      id: 'abc',
      error: { code: -32602, message: expect.stringMatching(/Unknown tool/) },
    });
  });

  it('refuses a batch holding an invalid entry as a whole, and answers each entry of a valid one', async () => {
    const mixed = await post(
      JSON.stringify([ping(1), { nonsense: true, id: 9 }]),
    );
    expect(mixed.status).toBe(400);
    expect(mixed.body).toMatchObject({
      jsonrpc: '2.0',
      id: null,
      error: { code: -32600 },
    });

    const res = await post(
      JSON.stringify([
        ping(1),
        { jsonrpc: '2.0', id: 2, method: 'nope' },
        { ...call({ name: 'test-actions.whoami', arguments: {} }), id: 3 },
      ]),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual(
      expect.arrayContaining([
        { jsonrpc: '2.0', id: 1, result: {} },
        {
          jsonrpc: '2.0',
          id: 2,
          error: { code: -32601, message: expect.any(String) },
        },
        {
          jsonrpc: '2.0',
          id: 3,
          result: expect.objectContaining({
            structuredContent: { principal: USER_ALICE },
          }),
        },
      ]),
    );
  });

  it('answers arguments that fail the schema with an isError result naming the field', async () => {
    const res = await post(
      JSON.stringify(
        call({ name: 'test-actions.sleep', arguments: { ms: 'soon' } }),
      ),
    );
    expect(res.status).toBe(200);
    expect(res.body.result.isError).toBe(true);
    expect(res.body.result.content[0].text).toMatch(/^InputError: .*"ms"/s);
  });

  it('survives deeply nested and huge arguments', async () => {
    const deep = `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"test-actions.whoami","arguments":{"note":${'['.repeat(5000)}${']'.repeat(5000)}}}}`;
    const nested = await post(deep);
    expect(nested.status).toBe(200);
    expect(nested.body.result.isError).toBe(true);

    const big = await post(
      JSON.stringify(
        call({
          name: 'test-actions.whoami',
          arguments: { note: 'n'.repeat(MAX_BYTES - 200) },
        }),
      ),
    );
    expect(big.status).toBe(200);
    expect(big.body.result.structuredContent.note).toHaveLength(
      MAX_BYTES - 200,
    );
  });

  it('refuses an oversized body from its Content-Length without reading it', async () => {
    // Announce far more than the limit, send almost nothing: the answer must
    // come without the server waiting for (or buffering) the rest.
    const { port } = new URL(mcp.baseUrl);
    const socket = net.connect(Number(port), '127.0.0.1');
    const response = new Promise<string>((resolve, reject) => {
      let text = '';
      socket.on('data', chunk => {
        text += chunk.toString();
        if (text.includes('\r\n\r\n') && text.includes('}')) {
          resolve(text);
        }
      });
      socket.on('error', reject);
    });
    socket.write(
      [
        'POST /api/mcp-actions/v1 HTTP/1.1',
        'Host: 127.0.0.1',
        `Authorization: ${ALICE}`,
        'Content-Type: application/json',
        'Accept: application/json, text/event-stream',
        `Content-Length: ${50 * MAX_BYTES}`,
        '',
        '{"jsonrpc":',
      ].join('\r\n'),
    );
    try {
      const text = await response;
      expect(text).toMatch(/^HTTP\/1\.1 413 /);
      expect(text).toContain('"code":-32000');
    } finally {
      socket.destroy();
    }
  });
});

describe('bad input over legacy SSE', () => {
  let mcp: McpTestBackend;
  let endpoint: string;
  let close: () => void;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: { mcpActions: { maxRequestBytes: MAX_BYTES } },
    });
    const controller = new AbortController();
    const res = await fetch(mcp.url('/sse'), {
      headers: { Authorization: ALICE },
      signal: controller.signal,
    });
    const { value } = await res.body!.getReader().read();
    endpoint = /data: (.*)\n/.exec(new TextDecoder().decode(value))![1];
    close = () => controller.abort();
  });
  afterAll(async () => {
    close?.();
    await mcp?.stop();
  });

  it.each([
    ['malformed JSON', '{"jsonrpc":', {}, 400, -32700],
    ['JSON that is not JSON-RPC', '{"a":1}', {}, 400, -32600],
    [
      'a wrong Content-Type',
      JSON.stringify(ping(1)),
      { 'Content-Type': 'text/plain' },
      415,
      -32000,
    ],
    [
      'a body over the limit',
      JSON.stringify({ pad: 'x'.repeat(MAX_BYTES) }),
      {},
      413,
      -32000,
    ],
  ] as const)('answers %s with %i', async (_, body, headers, status, code) => {
    const req = request(mcp.baseUrl)
      .post(endpoint)
      .set('Authorization', ALICE)
      .set('Content-Type', 'application/json');
    for (const [name, value] of Object.entries(headers)) {
      req.set(name, value);
    }
    const res = await req.send(body);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ jsonrpc: '2.0', error: { code } });

    const ok = await request(mcp.baseUrl)
      .post(endpoint)
      .set('Authorization', ALICE)
      .send(ping(3));
    expect(ok.status).toBe(202);
  });
});

describe('oversized bodies at the default limit', () => {
  const BIG = Buffer.from(
    JSON.stringify({ ...ping(1), params: { pad: 'x'.repeat(5_000_000) } }),
  );
  const TOO_LARGE = {
    jsonrpc: '2.0',
    error: {
      code: -32000,
      message: 'Payload Too Large: the request body exceeds 1000000 bytes',
    },
    id: null,
  };
  let mcp: McpTestBackend;
  let sseEndpoint: URL;
  let closeSse: () => void;

  beforeAll(async () => {
    mcp = await startMcpBackend();
    const controller = new AbortController();
    const res = await fetch(mcp.url('/sse'), {
      headers: { Authorization: ALICE },
      signal: controller.signal,
    });
    const { value } = await res.body!.getReader().read();
    const path = /data: (.*)\n/.exec(new TextDecoder().decode(value))![1];
    sseEndpoint = new URL(path, mcp.baseUrl);
    closeSse = () => controller.abort();
  });
  afterAll(async () => {
    closeSse?.();
    await mcp?.stop();
  });

  const ROUTES = ['Streamable HTTP', 'legacy SSE messages'] as const;
  const targetOf = (route: (typeof ROUTES)[number]) =>
    route === 'Streamable HTTP' ? mcp.url() : sseEndpoint;

  describe.each(ROUTES)('on %s', route => {
    it.each([
      {
        shape: 'with its Content-Length',
        send: (req: http.ClientRequest) => req.end(BIG),
      },
      {
        shape: 'chunked',
        send: (req: http.ClientRequest) => {
          for (let at = 0; at < BIG.length; at += 256 * 1024) {
            req.write(BIG.subarray(at, at + 256 * 1024));
          }
          req.end();
        },
      },
    ])(
      'answers a 5 MB body sent $shape with 413 twenty times out of twenty',
      async ({ send }) => {
        const results: RawPostResult[] = [];
        for (let i = 0; i < 20; i++) {
          results.push(
            await rawPost(targetOf(route), {
              headers: { Authorization: ALICE },
              send,
            }),
          );
        }
        expect(results.map(r => r.outcome)).toEqual(Array(20).fill(413));
        expect(
          results.map(({ outcome, connection, body }) => ({
            outcome,
            connection,
            body,
          })),
        ).toEqual(
          Array(20).fill({
            outcome: 413,
            connection: 'close',
            body: TOO_LARGE,
          }),
        );
      },
    );

    it.each([
      { shape: 'chunked', headers: {} as Record<string, number> },
      { shape: 'announcing 10 GB', headers: { 'Content-Length': 1e10 } },
    ])(
      'cuts off a client sending without end ($shape)',
      async ({ headers }) => {
        const result = await postWithoutEnd(targetOf(route), {
          headers: { Authorization: ALICE, ...headers },
          chunk: Buffer.alloc(64 * 1024, 'x'),
          deadlineMs: 15_000,
        });
        // Cut off by the server (at 16 MiB), long before the deadline.
        expect(result.deadline).toBe(false);
        expect(result.closedMs).toBeLessThan(10_000);

        // ...and the backend still answers.
        const ok = await postRpc(
          mcp.url().toString(),
          JSON.stringify(ping(9)),
          { Authorization: ALICE },
        );
        expect(ok.body).toEqual({ jsonrpc: '2.0', id: 9, result: {} });
      },
      20_000,
    );
  });
});
