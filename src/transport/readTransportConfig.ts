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
 * Whether the auth backend lets MCP clients sign in with OAuth, in which case
 * the well-known routes point clients at it.
 */
function readOAuthEnabled(rootConfig: Config): boolean {
  return [
    'auth.clientIdMetadataDocuments.enabled',
    'auth.experimentalClientIdMetadataDocuments.enabled',
    'auth.experimentalDynamicClientRegistration.enabled',
  ].some(key => rootConfig.getOptionalBoolean(key) === true);
}
