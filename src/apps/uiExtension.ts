import {
  CLIENT_CAPABILITIES_META_KEY,
  type ClientCapabilities,
} from '@modelcontextprotocol/server';
import { isJsonObject } from '../mcpServer/isJsonObject';

/** The MCP Apps extension's identifier, in capabilities on both sides. */
export const UI_EXTENSION_ID = 'io.modelcontextprotocol/ui';

/** The MIME type of an MCP App's HTML, in a `ui://` resource's contents. */
export const APP_MIME_TYPE = 'text/html;profile=mcp-app';

/**
 * Whether a client declared the MCP Apps extension: an object under
 * `extensions["io.modelcontextprotocol/ui"]` whose `mimeTypes`, when it
 * names any, include the one these apps are written in.
 */
export function declaresUiExtension(
  capabilities: ClientCapabilities | undefined,
): boolean {
  const extensions = (capabilities as { extensions?: unknown } | undefined)
    ?.extensions;
  if (!isJsonObject(extensions)) {
    return false;
  }
  const declared = extensions[UI_EXTENSION_ID];
  if (!isJsonObject(declared)) {
    return false;
  }
  const mimeTypes = declared.mimeTypes;
  return !Array.isArray(mimeTypes) || mimeTypes.includes(APP_MIME_TYPE);
}

/**
 * Whether a raw 2026-07-28 request body declares the extension in its
 * envelope (`params._meta`), for the fast lane, which answers without the
 * SDK's context.
 */
export function requestDeclaresUiExtension(body: unknown): boolean {
  if (!isJsonObject(body) || !isJsonObject(body.params)) {
    return false;
  }
  const meta = body.params._meta;
  if (!isJsonObject(meta)) {
    return false;
  }
  const capabilities = meta[CLIENT_CAPABILITIES_META_KEY];
  return (
    isJsonObject(capabilities) &&
    declaresUiExtension(capabilities as ClientCapabilities)
  );
}
