/** W3C trace context a client put in `params._meta`, per the MCP conventions. */
export function traceContextOf(
  meta: unknown,
): Record<string, string> | undefined {
  if (!meta || typeof meta !== 'object') {
    return undefined;
  }
  const carrier: Record<string, string> = {};
  for (const key of ['traceparent', 'tracestate', 'baggage']) {
    const value = (meta as Record<string, unknown>)[key];
    if (typeof value === 'string') {
      carrier[key] = value;
    }
  }
  return carrier.traceparent ? carrier : undefined;
}
