import express from 'express';
import net, { type AddressInfo } from 'node:net';
import { postWithoutEnd, rawPost } from '../__testUtils__/rawPost';
import { waitFor } from '../__testUtils__/waitFor';
import {
  type DiscardBounds,
  discardBoundsFor,
  parseJsonRpcBody,
} from './parseJsonRpcBody';

const LIMIT = 1000;
const TOO_LARGE = {
  jsonrpc: '2.0',
  error: {
    code: -32000,
    message: `Payload Too Large: the request body exceeds ${LIMIT} bytes`,
  },
  id: null,
};

/**
 * An app that parses POSTs to `/` with `parseJsonRpcBody(LIMIT, bounds)`
 * and records, per request, how many bytes its connection had read when the
 * response closed.
 */
async function serve(bounds: DiscardBounds) {
  const bytesRead: number[] = [];
  const app = express()
    .use((req, res, next) => {
      res.on('close', () => bytesRead.push(req.socket.bytesRead));
      next();
    })
    .post('/', parseJsonRpcBody(LIMIT, bounds), (_req, res) => {
      res.json({ parsed: true });
    });
  const server = app.listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}/`),
    bytesRead,
    close: () => {
      server.closeAllConnections();
      return new Promise(resolve => server.close(resolve));
    },
  };
}

describe('parseJsonRpcBody', () => {
  let app: Awaited<ReturnType<typeof serve>> | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('reads at most 4 times the limit of a refused body, and at least 16 MiB, for 5 seconds', () => {
    expect(discardBoundsFor(1_000_000)).toEqual({
      bytes: 16 * 1024 * 1024,
      ms: 5000,
    });
    expect(discardBoundsFor(10_000_000)).toEqual({
      bytes: 40_000_000,
      ms: 5000,
    });
  });

  it('reads a refused body to its end when it is within the bounds', async () => {
    app = await serve({ bytes: 1024 * 1024, ms: 60_000 });
    const body = JSON.stringify({ pad: 'x'.repeat(500_000) });
    const result = await rawPost(app.url, { send: req => req.end(body) });
    expect(result).toMatchObject({
      outcome: 413,
      connection: 'close',
      body: TOO_LARGE,
    });
    expect(await waitFor(() => app!.bytesRead.length === 1)).toBe(true);
    expect(app.bytesRead[0]).toBeGreaterThan(body.length);
  });

  it('closes the connection itself once the refused body is in', async () => {
    app = await serve({ bytes: 1024 * 1024, ms: 60_000 });
    const body = JSON.stringify({ pad: 'x'.repeat(500_000) });
    // A client that would keep the connection open: only the server's end
    // of it (FIN) ends this read.
    const socket = net.connect({
      host: app.url.hostname,
      port: Number(app.url.port),
      allowHalfOpen: true,
    });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<string>((resolve, reject) => {
      socket.once('end', () => resolve(Buffer.concat(chunks).toString()));
      socket.once('error', reject);
    });
    socket.write(
      `POST / HTTP/1.1\r\nHost: ${app.url.host}\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    );
    try {
      const answer = await ended;
      expect(answer).toMatch(/^HTTP\/1\.1 413 .*\r\nconnection: close\r\n/is);
      expect(JSON.parse(answer.split('\r\n\r\n')[1])).toEqual(TOO_LARGE);
    } finally {
      socket.destroy();
    }
  });

  it.each([
    { shape: 'chunked', headers: {} as Record<string, number> },
    { shape: 'announcing 1 GB', headers: { 'Content-Length': 1e9 } },
  ])(
    'answers a client trickling without end ($shape) at once, and cuts it off at the time bound',
    async ({ headers }) => {
      app = await serve({ bytes: 1024 * 1024 * 1024, ms: 300 });
      const result = await postWithoutEnd(app.url, {
        headers,
        chunk: Buffer.alloc(LIMIT + 1, 'x'),
        everyMs: 10,
        deadlineMs: 10_000,
      });
      // The whole answer came while the client was still sending...
      expect(result.answer).toMatch(
        /^HTTP\/1\.1 413 .*\r\nconnection: close\r\n/is,
      );
      expect(JSON.parse(result.answer.split('\r\n\r\n')[1])).toEqual(TOO_LARGE);
      expect(result.answeredMs).toBeLessThan(250);
      // ...and the connection closed at the time bound, not at the deadline.
      expect(result.deadline).toBe(false);
      expect(result.closedMs).toBeGreaterThanOrEqual(250);
      expect(result.closedMs).toBeLessThan(5000);
    },
    15_000,
  );

  it.each([
    { shape: 'chunked', headers: {} as Record<string, number> },
    { shape: 'announcing 10 GB', headers: { 'Content-Length': 1e10 } },
  ])(
    'cuts off a client flooding without end ($shape) at the byte bound',
    async ({ headers }) => {
      const bytes = 1024 * 1024;
      app = await serve({ bytes, ms: 60_000 });
      const result = await postWithoutEnd(app.url, {
        headers,
        chunk: Buffer.alloc(64 * 1024, 'x'),
        deadlineMs: 10_000,
      });
      expect(result.deadline).toBe(false);
      expect(result.closedMs).toBeLessThan(5000);
      expect(await waitFor(() => app!.bytesRead.length === 1)).toBe(true);
      // The limit, the bound, and what was read in the same turn as the
      // chunk that crossed it (the socket reads up to 64 KiB at a time).
      expect(app.bytesRead[0]).toBeLessThan(LIMIT + bytes + 256 * 1024);
    },
    15_000,
  );

  it('still parses a body within the limit, with or without a Content-Length', async () => {
    app = await serve({ bytes: 1024, ms: 1000 });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' });
    const sized = await rawPost(app.url, { send: req => req.end(body) });
    const chunked = await rawPost(app.url, {
      send: req => {
        req.write(body.slice(0, 10));
        req.end(body.slice(10));
      },
    });
    expect([sized, chunked]).toMatchObject([
      { outcome: 200, body: { parsed: true } },
      { outcome: 200, body: { parsed: true } },
    ]);
  });
});
