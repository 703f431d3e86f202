import type {
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Response } from 'express';
import Router from 'express-promise-router';
import type { McpActionsConfig } from '../config/readMcpActionsConfig';
import { endpointPath, resourceUrl } from './endpointUrls';

export interface WellKnownRouterOptions {
  config: McpActionsConfig;
  discovery: DiscoveryService;
  logger: LoggerService;
  pluginId: string;
  /** How long the auth backend's metadata is reused. */
  metadataTtlMs?: number;
  /** For tests. */
  fetch?: typeof fetch;
}

/** Where the router is mounted on the root router. */
export const WELL_KNOWN_PATH = '/.well-known';
const PRM_PREFIX = '/oauth-protected-resource';
const AS_PREFIX = '/oauth-authorization-server';
const AUTH_PLUGIN_ID = 'auth';

class UpstreamError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/**
 * OAuth discovery documents, mounted on the root router (they must live at
 * the host's `/.well-known`) and public by nature:
 *
 *   /.well-known/oauth-protected-resource[/api/mcp-actions/v1[/<key>]]  RFC 9728
 *   /.well-known/oauth-authorization-server[/api/auth]                  RFC 8414
 *
 * The second is the auth backend's own metadata, fetched and kept briefly.
 * With no OAuth flow enabled in the auth backend every one answers 404.
 */
export function createWellKnownRouter(options: WellKnownRouterOptions) {
  const { config, discovery, logger, pluginId } = options;
  const fetchFn = options.fetch ?? fetch;
  const ttlMs = options.metadataTtlMs ?? 60_000;
  const router = Router();

  let cached: { expiresAt: number; body: Record<string, unknown> } | undefined;
  async function authServerMetadata() {
    if (cached && cached.expiresAt > Date.now()) {
      return cached.body;
    }
    const url = `${await discovery.getBaseUrl(AUTH_PLUGIN_ID)}/.well-known/openid-configuration`;
    const response = await fetchFn(url, {
      signal: AbortSignal.timeout(10_000),
    });
    if (!response.ok) {
      throw new UpstreamError(
        `the auth backend answered ${response.status}`,
        502,
      );
    }
    const body = (await response.json()) as Record<string, unknown>;
    cached = { expiresAt: Date.now() + ttlMs, body };
    return body;
  }

  const notFound = (res: Response, what: string) =>
    res.status(404).json({ error: 'not_found', error_description: what });

  router.get([PRM_PREFIX, `${PRM_PREFIX}/*`], async (req, res) => {
    if (!config.oauthEnabled) {
      notFound(res, 'OAuth is not enabled for this Backstage instance');
      return;
    }
    const pluginBase = await discovery.getExternalBaseUrl(pluginId);
    const resourcePath = req.path.slice(PRM_PREFIX.length);
    const server = config.servers.find(s => {
      const path = `${new URL(pluginBase).pathname}${endpointPath(s.key)}`;
      return resourcePath === path || (resourcePath === '' && !s.key);
    });
    if (!server) {
      notFound(res, `No MCP server is served at "${resourcePath || '/'}"`);
      return;
    }
    const authServer = await discovery.getExternalBaseUrl(AUTH_PLUGIN_ID);
    const scopes = await authServerMetadata()
      .then(m => m.scopes_supported)
      .catch(() => undefined);
    res.json({
      resource: resourceUrl(pluginBase, endpointPath(server.key)),
      resource_name: server.name,
      authorization_servers: [authServer],
      scopes_supported: Array.isArray(scopes) ? scopes : ['openid'],
      bearer_methods_supported: ['header'],
    });
  });

  router.get([AS_PREFIX, `${AS_PREFIX}/*`], async (req, res) => {
    if (!config.oauthEnabled) {
      notFound(res, 'OAuth is not enabled for this Backstage instance');
      return;
    }
    const authPath = new URL(await discovery.getExternalBaseUrl(AUTH_PLUGIN_ID))
      .pathname;
    const issuerPath = req.path.slice(AS_PREFIX.length);
    if (issuerPath !== '' && issuerPath !== authPath) {
      notFound(res, `No authorization server at "${issuerPath}"`);
      return;
    }
    try {
      res.setHeader(
        'Cache-Control',
        `public, max-age=${Math.floor(ttlMs / 1000)}`,
      );
      res.json(await authServerMetadata());
    } catch (error) {
      sendUpstreamError(res, error, logger);
    }
  });

  return router;
}

function sendUpstreamError(
  res: Response,
  error: unknown,
  logger: LoggerService,
) {
  logger.warn("Could not fetch the auth backend's OAuth metadata", {
    component: 'well-known',
    error: String(error),
  });
  const status = error instanceof UpstreamError ? error.status : 503;
  res.status(status).json({
    error: 'temporarily_unavailable',
    error_description:
      status === 502
        ? 'The authorization server answered with an error'
        : 'The authorization server could not be reached',
  });
}
