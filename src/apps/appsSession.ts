import type {
  ClientCapabilities,
  Server,
  ServerContext,
} from '@modelcontextprotocol/server';
import type { IncomingHttpHeaders } from 'node:http';
import { randomUUID } from 'node:crypto';
import { isJsonObject } from '../mcpServer/isJsonObject';
import {
  clientCapabilitiesOf,
  isModernRequest,
} from '../mcpServer/clientCapabilities';
import { declaresUiExtension } from './uiExtension';

/*
 * A 2025-era client on Streamable HTTP declares its capabilities once, in
 * `initialize`, and this server keeps no session: a later `tools/list`
 * cannot tell whether its client renders apps. So the `initialize` of a
 * client that declared the MCP Apps extension is answered with an
 * `Mcp-Session-Id` that says so, which the client sends with every later
 * request, as Streamable HTTP requires. The id is the declaration itself:
 * no server keeps anything, so every replica reads it alike. A client that
 * did not declare the extension gets no session id, exactly as before; one
 * that forges the prefix only gets tool lists with `_meta.ui` in them.
 */
const APPS_SESSION_PREFIX = 'mcp-apps-';

/**
 * The session id to answer `body` with: one for a 2025-era `initialize`
 * that declares the extension, else undefined.
 */
export function appsSessionIdFor(body: unknown): string | undefined {
  if (
    !isJsonObject(body) ||
    body.method !== 'initialize' ||
    !isJsonObject(body.params) ||
    !isJsonObject(body.params.capabilities)
  ) {
    return undefined;
  }
  return declaresUiExtension(body.params.capabilities as ClientCapabilities)
    ? `${APPS_SESSION_PREFIX}${randomUUID()}`
    : undefined;
}

/** Whether a 2025-era request comes from a session `appsSessionIdFor` began. */
export function sessionDeclaresUi(headers: IncomingHttpHeaders): boolean {
  const id = headers['mcp-session-id'];
  return typeof id === 'string' && id.startsWith(APPS_SESSION_PREFIX);
}

/**
 * Whether the client of an SDK-served request declared the extension: in
 * the request's own envelope (2026-07-28), at `initialize` of its legacy
 * SSE session, or, on 2025-era Streamable HTTP, through its session id.
 */
export function clientDeclaresUi(
  ctx: ServerContext,
  mcp: Server,
  headers: IncomingHttpHeaders,
): boolean {
  return (
    declaresUiExtension(clientCapabilitiesOf(ctx, mcp)) ||
    (!isModernRequest(ctx) && sessionDeclaresUi(headers))
  );
}
