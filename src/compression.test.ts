import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  Client as ClientV2,
  StreamableHTTPClientTransport as StreamableHTTPClientTransportV2,
} from '@modelcontextprotocol/client';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import { DEV_MCP_TOKEN } from '../dev/devToken';
import { PORTAL_ACTION_COUNT } from '../dev/portalActions';
import { modernRequest } from './__testUtils__/jsonRpc';
import {
  startDevBackend,
  type DevBackend,
} from './__testUtils__/startDevBackend';

/**
 * Large tool lists through Backstage's own HTTP stack (the real root router
 * with its compression middleware), to every kind of client that asks for
 * compression, on the realistic portal of dev/portalActions. Each list must
 * arrive whole, within a bounded time, and equal the uncompressed one.
 */

const AUTHORIZATION = `Bearer ${DEV_MCP_TOKEN}`;
/** Far above what a list takes; a list that never arrives fails here. */
const ANSWER_TIMEOUT_MS = 15_000;
const LEGACY_VERSION = '2025-11-25';

/** A named server whose list is well over 64 KB. */
const DELIVERY_SERVER = {
  name: 'delivery',
  filter: {
    include: [{ id: '{github,gitlab,jenkins,circleci,argocd,kubernetes}:*' }],
  },
};

type Era = '2025' | '2026';
type Encoding = 'gzip' | 'deflate' | 'br' | 'identity';

interface RawAnswer {
  status: number;
  contentType: string;
  contentEncoding: string | undefined;
  wireBytes: number;
  json: any;
}

function listRequest(era: Era): {
  body: string;
  headers: Record<string, string>;
} {
  if (era === '2026') {
    return modernRequest('tools/list', {}, 7);
  }
  return {
    body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/list' }),
    headers: { 'MCP-Protocol-Version': LEGACY_VERSION },
  };
}

function decode(encoding: string | undefined, body: Buffer): Buffer {
  switch (encoding) {
    case 'gzip':
      return zlib.gunzipSync(body);
    case 'deflate':
      return zlib.inflateSync(body);
    case 'br':
      return zlib.brotliDecompressSync(body);
    default:
      return body;
  }
}

/** One `tools/list` with node:http, which decompresses nothing itself. */
function rawList(
  url: string,
  era: Era,
  encoding: Encoding,
  accept = 'application/json, text/event-stream',
): Promise<RawAnswer> {
  const { body, headers } = listRequest(era);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: {
        ...headers,
        'Content-Type': 'application/json',
        Accept: accept,
        'Accept-Encoding': encoding,
        Authorization: AUTHORIZATION,
      },
    });
    req.setTimeout(ANSWER_TIMEOUT_MS, () =>
      req.destroy(new Error(`no complete answer in ${ANSWER_TIMEOUT_MS} ms`)),
    );
    req.on('error', reject);
    req.on('response', res => {
      const chunks: Buffer[] = [];
      res.on('data', chunk => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        try {
          const wire = Buffer.concat(chunks);
          const contentEncoding = res.headers['content-encoding'];
          const text = decode(contentEncoding, wire).toString('utf8');
          const type = res.headers['content-type'] ?? '';
          // An event stream carries the message in its data line.
          const json = type.startsWith('text/event-stream')
            ? JSON.parse(
                text
                  .split('\n')
                  .find(line => line.startsWith('data: '))!
                  .slice(6),
              )
            : JSON.parse(text);
          resolve({
            status: res.statusCode!,
            contentType: type,
            contentEncoding,
            wireBytes: wire.length,
            json,
          });
        } catch (error) {
          reject(error);
        }
      });
    });
    req.end(body);
  });
}

/** A fetch that records each answer's Content-Encoding and changes nothing. */
function observingFetch(seen: string[]): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    seen.push(res.headers.get('content-encoding') ?? 'identity');
    return res;
  };
}

const names = (tools: Array<{ name: string }>) => tools.map(t => t.name);

describe.each([
  ['on', true],
  ['off', false],
])('compressed tool lists, fast lane %s', (_label, fastLane) => {
  let dev: DevBackend;
  const expected = new Map<string, any[]>();

  beforeAll(async () => {
    dev = await startDevBackend({
      portal: true,
      config: {
        mcpActions: { fastLane, servers: { delivery: DELIVERY_SERVER } },
      },
    });
    for (const path of ['', '/delivery']) {
      const answer = await rawList(`${dev.mcpUrl}${path}`, '2025', 'identity');
      expected.set(path, answer.json.result.tools);
    }
  }, 120_000);

  afterAll(async () => {
    await dev?.stop();
  });

  it('has a list as large as a real portal’s, and a named server’s over 64 KB', () => {
    expect(expected.get('')!.length).toBeGreaterThanOrEqual(
      PORTAL_ACTION_COUNT,
    );
    expect(JSON.stringify(expected.get('')).length).toBeGreaterThan(400_000);
    expect(JSON.stringify(expected.get('/delivery')).length).toBeGreaterThan(
      64 * 1024,
    );
  });

  const cases: Array<[Era, Encoding, string]> = [];
  for (const era of ['2025', '2026'] as Era[]) {
    for (const encoding of ['gzip', 'deflate', 'br', 'identity'] as const) {
      for (const path of ['', '/delivery']) {
        cases.push([era, encoding, path]);
      }
    }
  }

  it.each(cases)(
    '%s era, Accept-Encoding %s, server "%s": the whole list, equal to the uncompressed one',
    async (era, encoding, path) => {
      const answer = await rawList(`${dev.mcpUrl}${path}`, era, encoding);
      expect(answer.status).toBe(200);
      expect(answer.json.result.tools).toEqual(expected.get(path));
      // The SDK sends a 2025 answer as an event stream marked no-transform,
      // which no middleware compresses; every JSON answer is compressed.
      const compressed =
        encoding !== 'identity' &&
        answer.contentType.startsWith('application/json');
      expect(answer.contentEncoding).toBe(compressed ? encoding : undefined);
      // Realistic schemas compress about fourfold, not a hundredfold.
      const ratio =
        answer.wireBytes / Buffer.byteLength(JSON.stringify(answer.json));
      expect(compressed ? ratio > 0.05 && ratio < 0.5 : ratio >= 1).toBe(true);
    },
  );

  it('answers an event stream first Accept with the whole list too', async () => {
    const answer = await rawList(
      dev.mcpUrl,
      '2026',
      'gzip',
      'text/event-stream, application/json',
    );
    expect(answer.status).toBe(200);
    expect(answer.json.result.tools).toEqual(expected.get(''));
  });

  it('lists every tool to the SDK v1 client with its default fetch', async () => {
    const seen: string[] = [];
    const client = new Client({ name: 'compression-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(dev.mcpUrl), {
        requestInit: { headers: { Authorization: AUTHORIZATION } },
        fetch: observingFetch(seen),
      }),
    );
    try {
      const { tools } = await client.listTools();
      expect(names(tools)).toEqual(names(expected.get('')!));
      // The SDK answers 2025 requests with event streams, never compressed.
      expect(seen.some(e => e !== 'identity')).toBe(fastLane);
    } finally {
      await client.close();
    }
  });

  it.each(['modern', 'legacy'] as const)(
    'lists every tool to the SDK v2 client (%s) with its default fetch',
    async mode => {
      const seen: string[] = [];
      const client = new ClientV2(
        { name: 'compression-test-v2', version: '2.0.0' },
        mode === 'modern'
          ? { versionNegotiation: { mode: { pin: '2026-07-28' } } }
          : {},
      );
      await client.connect(
        new StreamableHTTPClientTransportV2(new URL(dev.mcpUrl), {
          requestInit: { headers: { Authorization: AUTHORIZATION } },
          fetch: observingFetch(seen),
        }),
      );
      try {
        const { tools } = await client.listTools();
        expect(names(tools)).toEqual(names(expected.get('')!));
        expect(seen.some(e => e !== 'identity')).toBe(
          fastLane || mode === 'modern',
        );
      } finally {
        await client.close();
      }
    },
  );

  it('lists every tool over the legacy SSE transport', async () => {
    const headers = { Authorization: AUTHORIZATION };
    const client = new Client({ name: 'compression-sse', version: '1.0.0' });
    await client.connect(
      new SSEClientTransport(new URL(`${dev.mcpUrl}/sse`), {
        requestInit: { headers },
        eventSourceInit: {
          fetch: (input, init) =>
            fetch(input, {
              ...init,
              headers: { ...(init?.headers as object), ...headers },
            }),
        },
      }),
    );
    try {
      const { tools } = await client.listTools();
      expect(names(tools)).toEqual(names(expected.get('')!));
    } finally {
      await client.close();
    }
  });
});

describe('a client that stops reading mid-list', () => {
  it('blocks no other request, and does not hold up shutdown', async () => {
    const dev = await startDevBackend({ portal: true });
    const { port } = new URL(dev.mcpUrl);
    const socket = net.connect(Number(port), '127.0.0.1');
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('error', reject);
      });
      // Many lists pipelined on one connection, and nothing read: far more
      // than the socket buffers hold, so the server's writes must wait.
      socket.pause();
      const { body } = listRequest('2025');
      const request = (encoding: Encoding) =>
        [
          'POST /api/mcp-actions/v1 HTTP/1.1',
          `Host: 127.0.0.1:${port}`,
          'Content-Type: application/json',
          'Accept: application/json, text/event-stream',
          `MCP-Protocol-Version: ${LEGACY_VERSION}`,
          `Authorization: ${AUTHORIZATION}`,
          `Accept-Encoding: ${encoding}`,
          `Content-Length: ${Buffer.byteLength(body)}`,
          '',
          body,
        ].join('\r\n');
      for (let i = 0; i < 40; i++) {
        socket.write(request(i % 2 ? 'gzip' : 'identity'));
      }

      // Others are served meanwhile, compressed or not.
      for (const encoding of ['gzip', 'identity'] as const) {
        const answer = await rawList(dev.mcpUrl, '2026', encoding);
        expect(answer.json.result.tools.length).toBeGreaterThanOrEqual(
          PORTAL_ACTION_COUNT,
        );
      }

      const started = Date.now();
      await dev.stop();
      // No serverShutdownDelay is configured: the stop waits for nothing.
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      socket.destroy();
    }
  }, 120_000);
});
