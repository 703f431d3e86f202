import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';

/** Far past any catalog a page walk reaches; refuses absurd offsets. */
const MAX_OFFSET = 10_000_000;

/**
 * A `resources/list` cursor: the position in the listing's stable order
 * (by name) and the listing it belongs to, as base64url JSON.
 * It holds nothing of the caller and no server state, so any replica can
 * continue any page walk, and the same cursor always names the same
 * position. Entities added or removed between pages may shift it by that
 * many; the specification lets pages overlap or skip in that case.
 */
export function encodeCursor(scope: string, offset: number): string {
  return Buffer.from(JSON.stringify({ s: scope, o: offset })).toString(
    'base64url',
  );
}

/**
 * The offset a cursor of this listing names; a cursor that is malformed,
 * or belongs to another server or configuration, is invalid params.
 */
export function decodeCursor(scope: string, cursor: string): number {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { s, o } = (parsed ?? {}) as { s?: unknown; o?: unknown };
  if (
    s !== scope ||
    typeof o !== 'number' ||
    !Number.isSafeInteger(o) ||
    o <= 0 ||
    o > MAX_OFFSET
  ) {
    throw invalidCursor();
  }
  return o;
}

/**
 * For a list served in one page: no cursor was ever handed out, so any
 * cursor is invalid params.
 */
export function refuseCursor(cursor: string | undefined): void {
  if (cursor !== undefined) {
    throw invalidCursor();
  }
}

function invalidCursor(): ProtocolError {
  return new ProtocolError(
    ProtocolErrorCode.InvalidParams,
    'Invalid cursor: pass a nextCursor this server returned, or none for the first page',
  );
}
