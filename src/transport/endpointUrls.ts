/**
 * URLs of the MCP endpoints and of their OAuth protected resource metadata
 * (RFC 9728: the metadata of `https://host/a/b` lives at
 * `https://host/.well-known/oauth-protected-resource/a/b`).
 */

/** `/v1` or `/v1/<key>`, relative to the plugin's base URL. */
export function endpointPath(serverKey: string | undefined): string {
  return serverKey ? `/v1/${serverKey}` : '/v1';
}

/**
 * The endpoint a request path below `/v1` belongs to: `/catalog/sse` is
 * `/v1/catalog`, `/messages` is `/v1`.
 */
export function endpointPathOf(pathBelowV1: string): string {
  const segment = /^\/([^/]+)/.exec(pathBelowV1)?.[1];
  if (!segment || segment === 'sse' || segment === 'messages') {
    return '/v1';
  }
  return `/v1/${segment}`;
}

export function resourceUrl(pluginBaseUrl: string, path: string): string {
  return `${pluginBaseUrl.replace(/\/+$/, '')}${path}`;
}

export function resourceMetadataUrl(resource: string): string {
  const url = new URL(resource);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/+$/, '');
  return `${url.origin}/.well-known/oauth-protected-resource${path}`;
}
