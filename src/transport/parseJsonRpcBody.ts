import express, {
  type NextFunction,
  type Request,
  type Response,
} from 'express';
import { ProtocolErrorCode } from '@modelcontextprotocol/server';
import { jsonRpcErrorBody, sendJsonRpcError } from './jsonRpcErrors';

/** How much of a refused body is read and dropped before closing. */
export interface DiscardBounds {
  /** Bytes read after the refusal, at most. */
  bytes: number;
  /** Milliseconds from the refusal, at most. */
  ms: number;
}

const MiB = 1024 * 1024;

/**
 * The bounds on reading a refused body, for a body limit of `limit` bytes.
 *
 * The 413 goes out at once, but closing the connection while the client is
 * still uploading leaves unread bytes in the socket, and the kernel then
 * sends a reset that can reach the client before it has read the 413: it
 * sees EPIPE or ECONNRESET instead of the answer (Node's own http client
 * often did on a 5 MB body). So the rest of the body is read
 * and dropped, chunk by chunk, never kept, until the client has sent it all
 * or one of these bounds is reached, whichever comes first:
 *
 * - 4 times the limit, at least 16 MiB. A body sent too large by mistake
 *   (a whole file pasted in) is a few times the limit, and such a client
 *   usually writes all of it before it reads the answer. Reading costs
 *   bandwidth only, no memory; any client can spend that much bandwidth
 *   with bodies under the limit anyway.
 * - 5 seconds. Enough to finish such an upload on a decent link (16 MiB at
 *   about 30 Mbit/s) while holding a connection no longer than a slow
 *   request would; a client sending slower, or without end, is cut off
 *   then, and by then has had the answer for seconds.
 *
 * Past a bound the connection is closed even though the client is still
 * sending.
 */
export function discardBoundsFor(limit: number): DiscardBounds {
  return { bytes: Math.max(16 * MiB, 4 * limit), ms: 5000 };
}

/**
 * Parses a JSON body of at most `limit` bytes and turns every failure into a
 * JSON-RPC error an MCP client can read: 415 for another content type, 400
 * with -32700 for malformed JSON, and 413 past the limit. A declared
 * `Content-Length` over the limit is answered at once, before any of the
 * body is read; a body without one as soon as it crosses the limit. Either
 * way the rest is read and dropped within `discard` (see `discardBoundsFor`)
 * before the connection closes.
 */
export function parseJsonRpcBody(
  limit: number,
  discard: DiscardBounds = discardBoundsFor(limit),
) {
  const parse = express.json({ limit, strict: false });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.is('application/json')) {
      sendJsonRpcError(
        res,
        415,
        'Unsupported Media Type: Content-Type must be application/json',
      );
      return;
    }
    const declared = Number(req.headers['content-length']);
    if (declared > limit) {
      // Answer at once; body-parser would first read the whole body.
      refuseTooLarge(req, res, limit, discard);
      return;
    }
    // Without a Content-Length, body-parser notices the overflow but then
    // reads the rest of the body, however long, before it says so. Counting
    // here (beside it, in the same chunks) answers at the crossing instead.
    let received = 0;
    let refused = false;
    const count = (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        req.off('data', count);
        refused = true;
        refuseTooLarge(req, res, limit, discard);
      }
    };
    req.on('data', count);
    parse(req, res, (error?: any) => {
      req.off('data', count);
      if (refused) {
        // Answered already; this is body-parser reporting the same overflow.
        return;
      }
      if (!error) {
        next();
        return;
      }
      if (error.type === 'entity.too.large') {
        // A compressed body that grew past the limit once inflated; it has
        // been read to its end by now.
        refuseTooLarge(req, res, limit, discard);
        return;
      }
      sendJsonRpcError(res, 400, 'Parse error: the body is not valid JSON', {
        code: ProtocolErrorCode.ParseError,
      });
    });
  };
}

/**
 * Sends the whole 413 now, then reads and drops the rest of the body within
 * `bounds` before ending the response, which closes the connection
 * (`Connection: close`): cleanly once the client has sent everything, so it
 * reads the answer; with a reset if it is still sending past a bound.
 */
function refuseTooLarge(
  req: Request,
  res: Response,
  limit: number,
  bounds: DiscardBounds,
) {
  if (res.headersSent) {
    return;
  }
  const text = JSON.stringify(
    jsonRpcErrorBody(
      `Payload Too Large: the request body exceeds ${limit} bytes`,
    ),
  );
  res.status(413).set({
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    Connection: 'close',
  });
  // Ending a `Connection: close` response closes the connection, so only
  // the end waits: the client has the whole answer now (its Content-Length
  // says so) while it is still uploading.
  res.write(text);
  if (req.readableEnded || req.destroyed) {
    res.end();
    return;
  }

  let dropped = 0;
  const timer = setTimeout(close, bounds.ms);
  function drop(chunk: Buffer) {
    dropped += chunk.length;
    if (dropped > bounds.bytes) {
      close();
    }
  }
  function close() {
    clearTimeout(timer);
    req.off('data', drop);
    req.off('end', close);
    req.off('close', close);
    res.end();
  }
  req.on('data', drop);
  req.once('end', close);
  req.once('close', close);
  req.resume();
}
