import express, { type NextFunction, type Request, type Response } from 'express';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import { sendJsonRpcError } from './jsonRpcErrors';

/**
 * Parses a JSON body up to `limit` bytes and turns every failure into a
 * JSON-RPC error an MCP client can read: 415 for another content type, 413
 * past the limit (refused from `Content-Length` before reading, or as soon
 * as the limit is crossed), 400 with -32700 for malformed JSON.
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
    parse(req, res, (error?: any) => {
      if (!error) {
        next();
        return;
      }
      if (error.type === 'entity.too.large') {
        res.setHeader('Connection', 'close');
        sendJsonRpcError(
          res,
          413,
          `Payload Too Large: the request body exceeds ${limit} bytes`,
        );
        return;
      }
      sendJsonRpcError(res, 400, 'Parse error: the body is not valid JSON', {
        code: ErrorCode.ParseError,
      });
    });
  };
}
