import type { Response } from 'express';
import { ProtocolErrorCode } from '@modelcontextprotocol/server';

/**
 * The JSON-RPC "server error" code MCP transports use for failures that are
 * not about the message itself (HTTP-level refusals).
 */
export const SERVER_ERROR = -32000;

/** The JSON-RPC error envelope of an answer that belongs to no request. */
export function jsonRpcErrorBody(message: string, code = SERVER_ERROR) {
  return { jsonrpc: '2.0' as const, error: { code, message }, id: null };
}

/**
 * JSON-RPC error envelopes for failures that happen before a request reaches
 * the MCP SDK (routing, auth, limits), so MCP clients always get a body they
 * can parse. The SDK answers protocol errors itself.
 */
export function sendJsonRpcError(
  res: Response,
  status: number,
  message: string,
  options?: { code?: number; headers?: Record<string, string> },
) {
  if (res.headersSent) {
    return;
  }
  for (const [name, value] of Object.entries(options?.headers ?? {})) {
    res.setHeader(name, value);
  }
  res.status(status).json(jsonRpcErrorBody(message, options?.code));
}

/** GET and DELETE on a stateless Streamable HTTP endpoint. */
export function sendMethodNotAllowed(res: Response) {
  sendJsonRpcError(
    res,
    405,
    'Method not allowed: this MCP endpoint is stateless and accepts only POST',
    { headers: { Allow: 'POST' } },
  );
}

/** An unexpected failure while serving an MCP request. */
export function sendInternalError(res: Response) {
  sendJsonRpcError(res, 500, 'Internal server error', {
    code: ProtocolErrorCode.InternalError,
  });
}
