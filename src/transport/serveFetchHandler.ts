import type { AuthInfo, McpHttpHandler } from '@modelcontextprotocol/server';
import type {
  Request as ExpressRequest,
  Response as ExpressResponse,
} from 'express';

/** Sees the SDK's answer as it is written, without changing it. */
export interface ResponseObserver {
  start(response: Response): void;
  chunk(chunk: Uint8Array): void;
  /** The answer was written in full (not called when the client left). */
  end(): void;
}

export interface ServeOptions {
  /** The body as the router already parsed it. */
  parsedBody: unknown;
  authInfo: AuthInfo;
  observer?: ResponseObserver;
}

/**
 * Serves one Express request with the SDK's web-standard MCP handler. This
 * does what the SDK's `toNodeHandler` does, with one difference: the body
 * the router has parsed already goes to the SDK as it is (`parsedBody`),
 * where `toNodeHandler` would serialize it again into the web request,
 * costing a stringify and a parse per request, and overflowing the stack on
 * bodies nested a few thousand levels deep, which the SDK itself takes.
 *
 * Closing the HTTP request aborts the web request's signal, which the SDK
 * turns into the cancellation of the call.
 */
export async function serveFetchHandler(
  handler: McpHttpHandler,
  req: ExpressRequest,
  res: ExpressResponse,
  options: ServeOptions,
): Promise<void> {
  const abort = new AbortController();
  const onClose = () => abort.abort();
  res.once('close', onClose);

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) {
      value.forEach(v => headers.append(name, v));
    } else if (value !== undefined) {
      headers.set(name, value);
    }
  }
  const request = new Request(
    `http://${req.headers.host ?? 'localhost'}${req.originalUrl}`,
    {
      method: req.method,
      headers,
      signal: abort.signal,
    },
  );
  const response = await handler.fetch(request, {
    authInfo: options.authInfo,
    parsedBody: options.parsedBody,
  });
  const { observer } = options;
  observer?.start(response);

  const outgoing: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    outgoing[name] = value;
  });
  const streaming = outgoing['content-type']?.startsWith('text/event-stream');
  if (!streaming) {
    // A JSON answer is complete already: one write with its length is
    // cheaper than copying it chunk by chunk (measured by npm run bench).
    const body = response.body
      ? Buffer.from(await response.arrayBuffer())
      : undefined;
    if (body) {
      observer?.chunk(body);
      outgoing['content-length'] = String(body.length);
    }
    finish(res, onClose);
    res.writeHead(response.status, outgoing);
    res.end(body);
    if (!abort.signal.aborted) {
      observer?.end();
    }
    return;
  }

  res.writeHead(response.status, outgoing);
  // Resolved when the client goes away. The listener is removed at the end:
  // the web request keeps its signal until it is collected, and through this
  // listener's scope the signal would keep `res` alive as well.
  let clientGone: () => void = () => {};
  const closed = new Promise<void>(resolve => {
    clientGone = resolve;
  });
  abort.signal.addEventListener('abort', clientGone, { once: true });
  try {
    for await (const chunk of response.body!) {
      if (abort.signal.aborted) {
        break;
      }
      observer?.chunk(chunk);
      if (!res.write(chunk)) {
        // Wait for the client to take what was written, or to go away.
        await Promise.race([
          new Promise<void>(resolve => res.once('drain', () => resolve())),
          closed,
        ]);
      }
    }
  } catch {
    // A stream that fails midway ends the response; the client sees it end.
  }
  abort.signal.removeEventListener('abort', clientGone);
  const complete = !abort.signal.aborted;
  finish(res, onClose);
  res.end();
  if (complete) {
    observer?.end();
  }
}

/**
 * The answer is out: closing the connection no longer cancels anything, and
 * nothing may keep the response alive through the request's signal (the
 * web request holds it until it is collected, which kept finished
 * responses in memory under load).
 */
function finish(res: ExpressResponse, onClose: () => void) {
  res.removeListener('close', onClose);
}
