import {
  ErrorCode,
  JSONRPCMessageSchema,
  type JSONRPCMessage,
} from '@modelcontextprotocol/sdk/types.js';

/** What a parsed POST body turned out to be. */
export type JsonRpcBody =
  /** One message, or a batch of valid ones: the SDK transport takes it. */
  | { kind: 'valid'; body: JSONRPCMessage | JSONRPCMessage[] }
  /** A batch with some invalid entries: each must be answered on its own. */
  | { kind: 'mixed-batch'; entries: BatchEntry[] }
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
    const entries = body.map(toBatchEntry);
    if (entries.every(e => e.valid)) {
      return {
        kind: 'valid',
        body: entries.map(e => (e as { message: JSONRPCMessage }).message),
      };
    }
    return { kind: 'mixed-batch', entries };
  }
  const parsed = JSONRPCMessageSchema.safeParse(body);
  if (parsed.success) {
    return { kind: 'valid', body: parsed.data };
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
