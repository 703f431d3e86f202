/**
 * Results that are served again and again (a caller's tool list, unchanged
 * for the cache's lifetime) are serialized once and spliced into each answer.
 * Keyed weakly by the result object, so an entry lives as long as the result.
 */
const serialized = new WeakMap<object, string>();

/** Marks `result` as worth keeping serialized; returns it unchanged. */
export function keepSerialized<T extends object>(result: T): T {
  if (!serialized.has(result)) {
    serialized.set(result, JSON.stringify(result));
  }
  return result;
}

/** `JSON.stringify(message)`, reusing a kept serialization of its result. */
export function stringifyMessage(message: object): string {
  const { result, ...rest } = message as { result?: unknown };
  const cached =
    result !== null && typeof result === 'object'
      ? serialized.get(result)
      : undefined;
  if (cached === undefined) {
    return JSON.stringify(message);
  }
  const head = JSON.stringify(rest);
  return head === '{}'
    ? `{"result":${cached}}`
    : `{"result":${cached},${head.slice(1)}`;
}
