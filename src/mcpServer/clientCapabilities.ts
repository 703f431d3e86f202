import type {
  ClientCapabilities,
  Server,
  ServerContext,
} from '@modelcontextprotocol/server';

const CLIENT_CAPABILITIES = 'io.modelcontextprotocol/clientCapabilities';

/**
 * What the client of this request declared: the request's own envelope on
 * 2026-07-28, the `initialize` of a legacy SSE session, or undefined for a
 * stateless 2025 request, whose server never saw an `initialize`.
 */
export function clientCapabilitiesOf(
  ctx: ServerContext,
  server: Server,
): ClientCapabilities | undefined {
  const envelope = ctx.mcpReq.envelope as Record<string, unknown> | undefined;
  const declared = envelope?.[CLIENT_CAPABILITIES];
  if (declared && typeof declared === 'object') {
    return declared as ClientCapabilities;
  }
  // Deprecated for per-request reads, but the only source on a session.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  return server.getClientCapabilities();
}

/** Whether the client can show a form (form-mode elicitation). */
export function canElicitForm(capabilities: ClientCapabilities | undefined) {
  const elicitation = capabilities?.elicitation as
    | Record<string, unknown>
    | undefined;
  if (!elicitation) {
    return false;
  }
  // An empty object is the 2025-06-18 form of "form mode".
  return 'form' in elicitation || !('url' in elicitation);
}

/** Whether the client can send its user to a URL (URL-mode elicitation). */
export function canElicitUrl(capabilities: ClientCapabilities | undefined) {
  const elicitation = capabilities?.elicitation as
    | Record<string, unknown>
    | undefined;
  return Boolean(elicitation && 'url' in elicitation);
}

/** Whether the request speaks 2026-07-28 (it carries the `_meta` envelope). */
export function isModernRequest(ctx: ServerContext): boolean {
  return ctx.mcpReq.envelope !== undefined;
}
