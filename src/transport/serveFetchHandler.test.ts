import type { McpHttpHandler } from '@modelcontextprotocol/server';
import express from 'express';
import type { AddressInfo } from 'node:net';
import { waitFor } from '../__testUtils__/waitFor';
import { serveFetchHandler } from './serveFetchHandler';

/** An Express app that serves every POST with `fetch` through the adapter. */
async function serve(fetch: McpHttpHandler['fetch']) {
  const seen: Array<{ request: Request; options: unknown }> = [];
  const observed: string[] = [];
  const handler = {
    fetch: async (request: Request, options?: any) => {
      seen.push({ request, options });
      return fetch(request, options);
    },
  } as McpHttpHandler;
  const app = express()
    .use(express.json())
    .post('/mcp', (req, res) =>
      serveFetchHandler(handler, req, res, {
        parsedBody: req.body,
        authInfo: { token: 't', clientId: 'c', scopes: [] },
        observer: {
          start: r => observed.push(`start ${r.status}`),
          chunk: c => observed.push(new TextDecoder().decode(c)),
          end: () => observed.push('end'),
        },
      }),
    );
  const server = app.listen(0, '127.0.0.1');
  await new Promise(resolve => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
  return {
    url,
    seen,
    observed,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

describe('serveFetchHandler', () => {
  it('hands the parsed body and authInfo to the handler, and writes its answer with its headers', async () => {
    const s = await serve(async () =>
      Response.json({ ok: true }, { status: 201 }),
    );
    const res = await fetch(s.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-custom': 'a' },
      body: JSON.stringify({ deep: [[[1]]] }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: true });
    expect(s.observed).toEqual(['start 201', '{"ok":true}', 'end']);
    expect(s.seen[0].options).toEqual({
      parsedBody: { deep: [[[1]]] },
      authInfo: { token: 't', clientId: 'c', scopes: [] },
    });
    expect(s.seen[0].request.headers.get('x-custom')).toBe('a');
    expect(new URL(s.seen[0].request.url).pathname).toBe('/mcp');
    await s.close();
  });

  it('streams an event-stream answer as it is produced', async () => {
    let received = '';
    let firstArrivedBeforeSecond = false;
    const s = await serve(async () => {
      const stream = new ReadableStream({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode('data: 1\n\n'));
          // The second event waits until the client has the first: an
          // adapter that held the answer back would never deliver it.
          firstArrivedBeforeSecond = await waitFor(
            () => received === 'data: 1\n\n',
          );
          controller.enqueue(new TextEncoder().encode('data: 2\n\n'));
          controller.close();
        },
      });
      return new Response(stream, {
        headers: { 'content-type': 'text/event-stream' },
      });
    });
    const res = await fetch(s.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const decoder = new TextDecoder();
    for await (const chunk of res.body!) {
      received += decoder.decode(chunk, { stream: true });
    }
    expect(firstArrivedBeforeSecond).toBe(true);
    expect(received).toBe('data: 1\n\ndata: 2\n\n');
    expect(s.observed).toEqual([
      'start 200',
      'data: 1\n\n',
      'data: 2\n\n',
      'end',
    ]);
    await s.close();
  });

  it('aborts the request signal when the client goes away', async () => {
    let aborted: () => void = () => {};
    const wasAborted = new Promise<void>(resolve => {
      aborted = resolve;
    });
    const s = await serve(
      request =>
        new Promise<Response>(resolve => {
          request.signal.addEventListener('abort', () => {
            aborted();
            resolve(new Response(null, { status: 499 }));
          });
        }),
    );
    const controller = new AbortController();
    const pending = fetch(s.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: controller.signal,
    }).catch(() => undefined);
    // The client leaves once the handler has its request.
    expect(await waitFor(() => s.seen.length === 1)).toBe(true);
    controller.abort();
    await expect(wasAborted).resolves.toBeUndefined();
    await pending;
    // The answer never went out in full: no end.
    expect(s.observed).not.toContain('end');
    await s.close();
  });
});
