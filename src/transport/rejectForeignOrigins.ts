import type { NextFunction, Request, Response } from 'express';
import type { OriginMatcher } from './allowedOrigins';
import { sendJsonRpcError } from './jsonRpcErrors';

/**
 * DNS rebinding protection: a browser page on a foreign origin must not
 * drive the MCP endpoints. Requests without `Origin` (non-browser clients)
 * pass; so do the backend's and app's own origins and those CORS allows.
 */
export function rejectForeignOrigins(isAllowed: OriginMatcher) {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin === undefined || isAllowed(origin)) {
      next();
      return;
    }
    sendJsonRpcError(res, 403, `Forbidden: origin "${origin}" is not allowed`);
  };
}
