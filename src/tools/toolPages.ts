import {
  ProtocolError,
  ProtocolErrorCode,
  type Tool,
} from '@modelcontextprotocol/server';
import { createHash } from 'node:crypto';
import type { Toolset } from './ToolCatalog';

/** Each toolset's identity in cursors, computed once per toolset. */
const identities = new WeakMap<Toolset, string>();

/**
 * What a cursor is bound to: the server and the names of the tools listed,
 * in order. A list that changed between pages (another deployment, other
 * permissions) gives another identity, and its old cursors are refused
 * rather than skipping or repeating tools.
 */
function identityOf(toolset: Toolset, serverKey: string | undefined): string {
  let identity = identities.get(toolset);
  if (!identity) {
    const hash = createHash('sha256').update(serverKey ?? '');
    for (const tool of toolset.tools) {
      hash.update('\n').update(tool.name);
    }
    identity = hash.digest('base64url').slice(0, 16);
    identities.set(toolset, identity);
  }
  return identity;
}

function cursorOf(offset: number, identity: string): string {
  return Buffer.from(`${offset}:${identity}`).toString('base64url');
}

function offsetOf(cursor: string, identity: string): number {
  const [offset, bound, extra] = Buffer.from(cursor, 'base64url')
    .toString()
    .split(':');
  const value = Number(offset);
  if (
    extra !== undefined ||
    bound !== identity ||
    !/^[1-9]\d*$/.test(offset ?? '') ||
    !Number.isSafeInteger(value)
  ) {
    throw new ProtocolError(
      ProtocolErrorCode.InvalidParams,
      'Invalid cursor: it was not given by this server for this tool list (the list may have changed); list again without a cursor',
    );
  }
  return value;
}

/**
 * One page of `toolset`, `pageSize` tools long, from where `cursor` says
 * (the first page without one); `nextCursor` while tools are left. A
 * cursor is opaque to clients: the offset and the list's identity,
 * base64url-encoded, so it is the same on every replica and every call for
 * the same list. One that this list did not give is `-32602`.
 */
export function pageOfTools(
  toolset: Toolset,
  serverKey: string | undefined,
  pageSize: number,
  cursor: string | undefined,
): { tools: Tool[]; nextCursor?: string } {
  const identity = identityOf(toolset, serverKey);
  const offset = cursor === undefined ? 0 : offsetOf(cursor, identity);
  if (offset >= toolset.tools.length && offset > 0) {
    throw new ProtocolError(
      ProtocolErrorCode.InvalidParams,
      'Invalid cursor: it points past the end of the tool list; list again without a cursor',
    );
  }
  const end = offset + pageSize;
  const tools = toolset.tools.slice(offset, end);
  return end < toolset.tools.length
    ? { tools, nextCursor: cursorOf(end, identity) }
    : { tools };
}
