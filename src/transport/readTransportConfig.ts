import type { Config } from '@backstage/config';
import { readMilliseconds, readPositiveInteger } from '../config/readValues';
import { OriginMatcher, readAllowedOrigins } from './allowedOrigins';

/** How the MCP endpoints take requests: sizes, the fast lane, legacy SSE. */
export interface TransportConfig {
  maxRequestBytes: number;
  /**
   * Answer plain `tools/list` and `tools/call` requests without building an
   * SDK server for them (see `transport/fastLane`).
   */
  fastLane: boolean;
  sse: {
    maxSessions: number;
    maxSessionsPerPrincipal: number;
    idleTimeoutMs: number;
    keepAliveMs: number;
  };
  /** Origins a browser may send requests from; others are refused. */
  allowedOrigins: OriginMatcher;
  /** True when the auth backend offers an OAuth flow MCP clients can use. */
  oauthEnabled: boolean;
}

const DEFAULTS = {
  maxRequestBytes: 1_000_000,
  sseMaxSessions: 1000,
  sseMaxSessionsPerPrincipal: 20,
  sseIdleTimeoutMs: 30 * 60_000,
  sseKeepAliveMs: 15_000,
};

/**
 * Reads the transport keys of `mcpActions` (`config`) and the backend, app
 * and auth keys the endpoints depend on (`rootConfig`).
 */
export function readTransportConfig(
  config: Config,
  rootConfig: Config,
): TransportConfig {
  return {
    maxRequestBytes: readPositiveInteger(
      config,
      'maxRequestBytes',
      DEFAULTS.maxRequestBytes,
    ),
    fastLane: config.getOptionalBoolean('fastLane') ?? true,
    sse: {
      maxSessions: readPositiveInteger(
        config,
        'sse.maxSessions',
        DEFAULTS.sseMaxSessions,
      ),
      maxSessionsPerPrincipal: readPositiveInteger(
        config,
        'sse.maxSessionsPerPrincipal',
        DEFAULTS.sseMaxSessionsPerPrincipal,
      ),
      idleTimeoutMs: readMilliseconds(
        config,
        'sse.idleTimeout',
        DEFAULTS.sseIdleTimeoutMs,
        { positive: true },
      ),
      keepAliveMs: readMilliseconds(
        config,
        'sse.keepAliveInterval',
        DEFAULTS.sseKeepAliveMs,
        { positive: true },
      ),
    },
    allowedOrigins: readAllowedOrigins(rootConfig),
    oauthEnabled: readOAuthEnabled(rootConfig),
  };
}

/**
 * Whether the auth backend lets MCP clients get a token for a user, in which
 * case the well-known routes and the 401 challenge point clients at it. Any
 * one way a client can be known to the auth backend turns discovery on:
 *
 * - Client ID Metadata Documents. The auth backend reads the stable section
 *   `auth.clientIdMetadataDocuments` whenever it is present, and then only
 *   its `enabled` (absent means off), even when the older experimental
 *   section says true; it reads `auth.experimentalClientIdMetadataDocuments`
 *   only when the stable section is absent. We read them the same way, so
 *   discovery never sends a client to a flow the auth backend refuses.
 * - `auth.staticClients`, pre-registered clients (auth backend 0.31 and
 *   later): any entry.
 * - `auth.experimentalDynamicClientRegistration.enabled`, which only auth
 *   backends before 0.31 read; later ones removed registration.
 */
function readOAuthEnabled(rootConfig: Config): boolean {
  const cimdSection = rootConfig.has('auth.clientIdMetadataDocuments')
    ? 'auth.clientIdMetadataDocuments'
    : 'auth.experimentalClientIdMetadataDocuments';
  const metadataDocuments =
    rootConfig.getOptionalBoolean(`${cimdSection}.enabled`) ?? false;
  const staticClients =
    (rootConfig.getOptionalConfigArray('auth.staticClients') ?? []).length > 0;
  const dynamicRegistration =
    rootConfig.getOptionalBoolean(
      'auth.experimentalDynamicClientRegistration.enabled',
    ) ?? false;
  return metadataDocuments || staticClients || dynamicRegistration;
}
