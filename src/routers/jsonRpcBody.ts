import {
  ErrorCode,
  JSONRPCMessageSchema,
  SUPPORTED_PROTOCOL_VERSIONS,
  type JSONRPCMessage,
} from '@modelcontextprotocol/sdk/types.js';
import type { IncomingHttpHeaders } from 'node:http';

/** At most this many messages in one batch, as the SDK allows. */
export const MAX_BATCH_SIZE = 100;

/** What a parsed POST body turned out to be. */
export type JsonRpcBody =
  | { kind: 'message'; message: JSONRPCMessage }
  /** A batch; invalid entries are answered on their own. */
  | { kind: 'batch'; entries: BatchEntry[] }
  /** Not JSON-RPC at all. */
  | { kind: 'invalid'; message: string };

export type BatchEntry =
  | { valid: true; message: JSONRPCMessage }
  | { valid: false; id: string | number | null };

export function classifyJsonRpcBody(body: unknown): JsonRpcBody {
  if (Array.isArray(body)) {
    if (body.length === 0) {
      return { kind: 'invalid', message: 'Invalid Request: an empty batch' };
    }
    if (body.length > MAX_BATCH_SIZE) {
      return {
        kind: 'invalid',
        message: `Invalid Request: a batch may hold at most ${MAX_BATCH_SIZE} messages`,
      };
    }
    return { kind: 'batch', entries: body.map(toBatchEntry) };
  }
  const parsed = JSONRPCMessageSchema.safeParse(body);
  if (parsed.success) {
    return { kind: 'message', message: parsed.data };
  }
  return {
    kind: 'invalid',
    message: 'Invalid Request: the body is not a JSON-RPC 2.0 message',
  };
}

function toBatchEntry(entry: unknown): BatchEntry {
  const parsed = JSONRPCMessageSchema.safeParse(entry);
  if (parsed.success) {
    return { valid: true, message: parsed.data };
  }
  const id = (entry as { id?: unknown } | null)?.id;
  return {
    valid: false,
    id: typeof id === 'string' || typeof id === 'number' ? id : null,
  };
}

/** The valid messages of a body. */
export function messagesOf(body: Exclude<JsonRpcBody, { kind: 'invalid' }>) {
  return body.kind === 'message'
    ? [body.message]
    : body.entries.flatMap(e => (e.valid ? [e.message] : []));
}

/**
 * The header checks of the Streamable HTTP transport, as the SDK makes them:
 * the client must accept both JSON and event streams; `MCP-Protocol-Version`,
 * when sent, must be supported (initialize negotiates it in its body
 * instead); initialize must come alone.
 */
export function checkStreamableRequest(
  headers: IncomingHttpHeaders,
  messages: JSONRPCMessage[],
): { status: number; code: number; message: string } | undefined {
  const accept = headers.accept ?? '';
  if (!accept.includes('application/json') || !accept.includes('text/event-stream')) {
    return {
      status: 406,
      code: ErrorCode.ConnectionClosed,
      message: 'Not Acceptable: Client must accept both application/json and text/event-stream',
    };
  }
  const initializes = messages.some(m => 'method' in m && m.method === 'initialize');
  if (initializes) {
    return messages.length > 1
      ? {
          status: 400,
          code: ErrorCode.InvalidRequest,
          message: 'Invalid Request: Only one initialization request is allowed',
        }
      : undefined;
  }
  const version = headers['mcp-protocol-version'];
  if (typeof version === 'string' && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
    return {
      status: 400,
      code: ErrorCode.ConnectionClosed,
      message: `Bad Request: Unsupported protocol version: ${version} (supported versions: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')})`,
    };
  }
  return undefined;
}

/** The answer to an invalid entry of a batch. */
export function invalidRequestResponse(id: string | number | null) {
  return {
    jsonrpc: '2.0' as const,
    id,
    error: {
      code: ErrorCode.InvalidRequest,
      message: 'Invalid Request: not a JSON-RPC 2.0 message',
    },
  };
}
