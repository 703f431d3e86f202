/**
 * Results that are served again and again (a caller's tool list, unchanged
 * for the cache's lifetime) are serialized once, as bytes, and written into
 * each answer as they are: no per-request stringify, no per-request copy.
 * Keyed weakly by the result object, so an entry lives as long as the result.
 */
const serialized = new WeakMap<object, Buffer>();

/** Marks `result` as worth keeping serialized; returns it unchanged. */
export function keepSerialized<T extends object>(result: T): T {
  if (!serialized.has(result)) {
    serialized.set(result, Buffer.from(JSON.stringify(result)));
  }
  return result;
}

/**
 * `JSON.stringify(message)` as a list of pieces to write one after the
 * other, reusing the kept bytes of its result.
 */
export function serializeMessage(message: object): Array<string | Buffer> {
  const { result, ...rest } = message as { result?: unknown };
  const kept =
    result !== null && typeof result === 'object'
      ? serialized.get(result)
      : undefined;
  if (kept === undefined) {
    return [JSON.stringify(message)];
  }
  const head = JSON.stringify(rest);
  return head === '{}'
    ? ['{"result":', kept, '}']
    : ['{"result":', kept, `,${head.slice(1)}`];
}

/** The byte length of serialized pieces. */
export function byteLengthOf(pieces: Array<string | Buffer>): number {
  let length = 0;
  for (const piece of pieces) {
    length += typeof piece === 'string' ? Buffer.byteLength(piece) : piece.length;
  }
  return length;
}
