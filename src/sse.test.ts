import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  McpTestBackend,
  USER_ALICE,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';
import { waitFor } from './__testUtils__/waitFor';

const ALICE = mockCredentials.user.header(USER_ALICE);

/** Opens a raw SSE stream and resolves with its endpoint event. */
async function openStream(url: URL, authorization = ALICE) {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { Authorization: authorization, Accept: 'text/event-stream' },
    signal: controller.signal,
  });
  if (res.status !== 200) {
    const body = await res.text();
    controller.abort();
    return { status: res.status, headers: res.headers, body };
  }
  const reader = res.body!.getReader();
  let text = '';
  while (!/event: endpoint\ndata: (.*)\n/.test(text)) {
    const { value } = await reader.read();
    text += new TextDecoder().decode(value);
  }
  const endpoint = /data: (.*)\n/.exec(text)![1];
  return {
    status: res.status,
    headers: res.headers,
    endpoint,
    sessionId: new URL(endpoint, url).searchParams.get('sessionId')!,
    close: () => controller.abort(),
  };
}

describe('legacy SSE transport', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: {
        mcpActions: {
          sse: { maxSessions: 3 },
          servers: {
            widgets: {
              name: 'Widgets',
              filter: { include: [{ id: 'test-actions:delete-*' }] },
            },
          },
        },
      },
    });
  });
  afterAll(() => mcp?.stop());

  it('lists and calls tools on the default server', async () => {
    const client = await mcp.connectSse();
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(5);
    const result = await client.callTool({
      name: 'test-actions.whoami',
      arguments: {},
    });
    expect(result.structuredContent).toEqual({ principal: USER_ALICE });
    await client.close();
  });

  it('lists and calls tools on a named server', async () => {
    const client = await mcp.connectSse('/widgets');
    expect(client.getServerVersion()?.name).toBe('Widgets');
    const { tools } = await client.listTools();
    expect(tools.map(t => t.name)).toEqual(['test-actions.delete-widget']);
    const result = await client.callTool({
      name: 'test-actions.delete-widget',
      arguments: { id: 'w1' },
    });
    expect(result.structuredContent).toEqual({ deleted: 'w1' });
    await client.close();
  });

  it('points the client at the messages URL under the mount path and marks the transport deprecated', async () => {
    const stream = await openStream(mcp.url('/widgets/sse'));
    try {
      expect(stream.endpoint).toMatch(
        /^\/api\/mcp-actions\/v1\/widgets\/messages\?sessionId=[\w-]{20,}$/,
      );
      expect(stream.headers.get('deprecation')).toBe('true');
    } finally {
      stream.close?.();
    }
  });

  async function endpointEventWith(prefix: string): Promise<string> {
    const controller = new AbortController();
    const res = await fetch(mcp.url('/sse'), {
      headers: { Authorization: ALICE, 'X-Forwarded-Prefix': prefix },
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    const { value } = await reader.read();
    controller.abort();
    return new TextDecoder().decode(value);
  }

  it('honours a proxy prefix', async () => {
    expect(await endpointEventWith('/portal')).toContain(
      'data: /portal/api/mcp-actions/v1/messages?sessionId=',
    );
  });

  it.each([
    '//evil.example',
    '/portal//evil.example',
    'https://evil.example',
    '/portal\\evil',
    'portal',
  ])('ignores a proxy prefix that is not a plain path: %s', async prefix => {
    expect(await endpointEventWith(prefix)).toMatch(
      /data: \/api\/mcp-actions\/v1\/messages\?sessionId=/,
    );
  });

  it('answers 400 without a sessionId and 404 for an unknown one', async () => {
    const missing = await request(mcp.baseUrl)
      .post('/api/mcp-actions/v1/messages')
      .set('Authorization', ALICE)
      .send({ jsonrpc: '2.0', id: 1, method: 'ping' });
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({
      jsonrpc: '2.0',
      error: { code: -32000 },
    });

    const unknown = await request(mcp.baseUrl)
      .post('/api/mcp-actions/v1/messages?sessionId=nope')
      .set('Authorization', ALICE)
      .send({ jsonrpc: '2.0', id: 1, method: 'ping' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('"nope"');
  });

  it('refuses another principal, and no credentials, on a live session', async () => {
    const stream = await openStream(mcp.url('/sse'));
    try {
      const path = stream.endpoint!;
      const bob = await request(mcp.baseUrl)
        .post(path)
        .set('Authorization', mockCredentials.user.header('user:default/bob'))
        .send({ jsonrpc: '2.0', id: 1, method: 'ping' });
      expect(bob.status).toBe(403);
      const nobody = await request(mcp.baseUrl)
        .post(path)
        .send({ jsonrpc: '2.0', id: 1, method: 'ping' });
      expect(nobody.status).toBe(401);
      const owner = await request(mcp.baseUrl)
        .post(path)
        .set('Authorization', ALICE)
        .send({ jsonrpc: '2.0', id: 1, method: 'ping' });
      expect(owner.status).toBe(202);
    } finally {
      stream.close?.();
    }
  });

  it('refuses a session of another server', async () => {
    const stream = await openStream(mcp.url('/sse'));
    try {
      const res = await request(mcp.baseUrl)
        .post(
          `/api/mcp-actions/v1/widgets/messages?sessionId=${stream.sessionId}`,
        )
        .set('Authorization', ALICE)
        .send({ jsonrpc: '2.0', id: 1, method: 'ping' });
      expect(res.status).toBe(404);
    } finally {
      stream.close?.();
    }
  });

  const pingStatus = async (endpoint: string) =>
    (
      await request(mcp.baseUrl)
        .post(endpoint)
        .set('Authorization', ALICE)
        .send({ jsonrpc: '2.0', id: 1, method: 'ping' })
    ).status;

  it('forgets a closed session and frees its place and timers', async () => {
    const timersBefore = countTimers();
    const sseUrl = mcp.url('/sse');
    for (let round = 0; round < 5; round++) {
      const streams = await Promise.all(
        [1, 2, 3].map(() => openStream(sseUrl)),
      );
      expect(streams.map(s => s.status)).toEqual([200, 200, 200]);
      const over = await openStream(sseUrl);
      expect(over.status).toBe(503);
      expect(JSON.parse(over.body!)).toMatchObject({ error: { code: -32000 } });
      streams.forEach(s => s.close!());
      const endpoints = streams.map(s => s.endpoint!);
      expect(
        await waitFor(async () => (await pingStatus(endpoints[0])) === 404),
      ).toBe(true);
      expect(await Promise.all(endpoints.map(pingStatus))).toEqual([
        404, 404, 404,
      ]);
    }
    expect(await waitFor(() => countTimers() <= timersBefore)).toBe(true);
    expect(countTimers()).toBeLessThanOrEqual(timersBefore);
  });
});

function countTimers() {
  return process.getActiveResourcesInfo().filter(r => r === 'Timeout').length;
}

describe('legacy SSE transport timeouts', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: {
        mcpActions: { sse: { idleTimeout: 300, keepAliveInterval: 50 } },
      },
    });
  });
  afterAll(() => mcp?.stop());

  it('sends keep-alive comments and closes a session idle for too long', async () => {
    const controller = new AbortController();
    const res = await fetch(mcp.url('/sse'), {
      headers: { Authorization: ALICE },
      signal: controller.signal,
    });
    const reader = res.body!.getReader();
    let text = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        break;
      }
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('event: endpoint');
    expect(text).toContain(': keep-alive');
    const endpoint = /data: (.*)\n/.exec(text)![1];
    const after = await request(mcp.baseUrl)
      .post(endpoint)
      .set('Authorization', ALICE)
      .send({ jsonrpc: '2.0', id: 1, method: 'ping' });
    expect(after.status).toBe(404);
  });
});

describe('legacy SSE transport per-principal cap', () => {
  let mcp: McpTestBackend;
  const BOB = mockCredentials.user.header('user:default/bob');

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: {
        mcpActions: { sse: { maxSessions: 10, maxSessionsPerPrincipal: 2 } },
      },
    });
  });
  afterAll(() => mcp?.stop());

  it('stops one caller at its own cap without locking another out', async () => {
    const sseUrl = mcp.url('/sse');
    const alice = await Promise.all([1, 2].map(() => openStream(sseUrl)));
    expect(alice.map(s => s.status)).toEqual([200, 200]);

    const third = await openStream(sseUrl);
    expect(third.status).toBe(503);
    expect(JSON.parse(third.body!).error.message).toMatch(
      /this caller has too many open SSE sessions/,
    );

    const bob = await openStream(sseUrl, BOB);
    expect(bob.status).toBe(200);

    // A closed session gives its place back to its owner.
    alice[0].close!();
    let again = await openStream(sseUrl);
    for (let i = 0; again.status !== 200 && i < 50; i++) {
      await new Promise(r => setTimeout(r, 20));
      again = await openStream(sseUrl);
    }
    expect(again.status).toBe(200);
    [alice[1], bob, again].forEach(s => s.close!());
  });
});
