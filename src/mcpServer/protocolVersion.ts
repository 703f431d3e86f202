import {
  PROTOCOL_VERSION_META_KEY,
  type Server,
  type ServerContext,
} from '@modelcontextprotocol/server';
import type { Request } from 'express';

/**
 * The protocol version an HTTP request names in its `MCP-Protocol-Version`
 * header; undefined when it names none or more than one.
 */
export function requestedProtocolVersion(request: Request): string | undefined {
  const header = request.headers['mcp-protocol-version'];
  return typeof header === 'string' ? header : undefined;
}

/**
 * The protocol version a message is served in: the request's own envelope
 * on 2026-07-28, the version a legacy SSE session negotiated with
 * `initialize`, or else the version the stateless 2025 request names in its
 * header (undefined when it names none).
 */
export function protocolVersionOf(
  ctx: ServerContext,
  server: Server,
  request: Request,
): string | undefined {
  const envelope = ctx.mcpReq.envelope as Record<string, unknown> | undefined;
  const claimed = envelope?.[PROTOCOL_VERSION_META_KEY];
  if (typeof claimed === 'string') {
    return claimed;
  }
  // Deprecated for per-request reads, but the only source on a session.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const negotiated = server.getNegotiatedProtocolVersion();
  return negotiated ?? requestedProtocolVersion(request);
}
