/**
 * URLs of the MCP endpoints and of their OAuth protected resource metadata
 * (RFC 9728: the metadata of `https://host/a/b` lives at
 * `https://host/.well-known/oauth-protected-resource/a/b`).
 */

/** `/v1` or `/v1/<key>`, relative to the plugin's base URL. */
export function endpointPath(serverKey: string | undefined): string {
  return serverKey ? `/v1/${serverKey}` : '/v1';
}

/** The endpoint a plugin-relative request path belongs to. */
export function endpointPathOf(requestPath: string): string {
  const match = /^\/v1(\/[^/]+)?/.exec(requestPath);
  const segment = match?.[1];
  if (!segment || segment === '/sse' || segment === '/messages') {
    return '/v1';
  }
  return `/v1${segment}`;
}

export function resourceUrl(pluginBaseUrl: string, path: string): string {
  return `${pluginBaseUrl.replace(/\/+$/, '')}${path}`;
}

export function resourceMetadataUrl(resource: string): string {
  const url = new URL(resource);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
  return `${url.origin}/.well-known/oauth-protected-resource${path}`;
}
