import express, {
  type NextFunction,
  type Request,
  type Response,
} from 'express';
import { ProtocolErrorCode } from '@modelcontextprotocol/server';
import { sendJsonRpcError } from './jsonRpcErrors';

/**
 * Parses a JSON body of at most `limit` bytes and turns every failure into a
 * JSON-RPC error an MCP client can read: 415 for another content type, 400
 * with -32700 for malformed JSON, and 413 past the limit. A declared
 * `Content-Length` over the limit is answered at once, before any of the
 * body is read; a body without one is refused as soon as it crosses the
 * limit (what follows is discarded, never buffered).
 */
export function parseJsonRpcBody(limit: number) {
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
      // Answer at once; body-parser would first drain the whole body.
      sendTooLarge(res, limit);
      return;
    }
    parse(req, res, (error?: any) => {
      if (!error) {
        next();
        return;
      }
      if (error.type === 'entity.too.large') {
        sendTooLarge(res, limit);
        return;
      }
      sendJsonRpcError(res, 400, 'Parse error: the body is not valid JSON', {
        code: ProtocolErrorCode.ParseError,
      });
    });
  };
}

function sendTooLarge(res: Response, limit: number) {
  // The rest of the body is not wanted: close the connection after this.
  res.setHeader('Connection', 'close');
  sendJsonRpcError(
    res,
    413,
    `Payload Too Large: the request body exceeds ${limit} bytes`,
  );
}
