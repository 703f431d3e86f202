import type {
  DiscoveryService,
  HttpAuthService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import Router from 'express-promise-router';
import type { McpActionsConfig } from '../config/readMcpActionsConfig';
import type { McpServerFactory } from '../mcpServer/McpServerFactory';
import { createSseRouter } from './createSseRouter';
import { createStreamableRouter } from './createStreamableRouter';
import { endpointPath } from './endpointUrls';
import { createFastLane } from './fastLane/createFastLane';
import { sendJsonRpcError } from './jsonRpcErrors';
import { rejectForeignOrigins } from './rejectForeignOrigins';
import { requireCredentials } from './requireCredentials';
import type { OpenResponses } from './OpenResponses';
import type { SseSessions } from './SseSessions';
import type { McpMetrics } from '../telemetry/metrics';

export interface RouterOptions {
  config: McpActionsConfig;
  factory: McpServerFactory;
  httpAuth: HttpAuthService;
  discovery: DiscoveryService;
  logger: LoggerService;
  pluginId: string;
  sseSessions: SseSessions;
  metrics: McpMetrics;
  /** Where the MCP routes' responses are tracked until they close. */
  openResponses: OpenResponses;
}

/**
 * The plugin's routes below `/api/<pluginId>`:
 *
 *   POST /v1              the default server (Streamable HTTP)
 *   POST /v1/<key>        a configured server
 *   GET|DELETE on either  405
 *   GET  .../sse, POST .../messages   the legacy SSE transport
 *
 * Every one of them requires credentials; see `requireCredentials`.
 */
export function createRouter(options: RouterOptions) {
  const { config, factory, logger } = options;
  const router = Router();

  router.use('/v1', options.openResponses.track);
  router.use('/v1', rejectForeignOrigins(config.allowedOrigins));
  router.use(
    '/v1',
    requireCredentials({ ...options, oauthEnabled: config.oauthEnabled }),
  );

  // Named servers first, so the default server's routes never shadow them.
  const ordered = [...config.servers].sort(
    (a, b) => Number(!a.key) - Number(!b.key),
  );
  for (const server of ordered) {
    router.use(
      endpointPath(server.key),
      createSseRouter({
        server,
        factory,
        logger,
        sessions: options.sseSessions,
        maxRequestBytes: config.maxRequestBytes,
        idleTimeoutMs: config.sse.idleTimeoutMs,
        keepAliveMs: config.sse.keepAliveMs,
        metrics: options.metrics,
      }),
      createStreamableRouter({
        server,
        factory,
        logger,
        maxRequestBytes: config.maxRequestBytes,
        metrics: options.metrics,
        ...(config.fastLane && {
          fastLane: createFastLane({ server, factory }),
        }),
      }),
    );
  }

  const keys = config.servers.flatMap(s => (s.key ? [s.key] : []));
  router.use('/v1', (req, res) => {
    const key = req.path.split('/')[1];
    const known = keys.length ? keys.map(k => `"${k}"`).join(', ') : 'none';
    sendJsonRpcError(
      res,
      404,
      key
        ? `Unknown MCP server "${key}"; configured servers: ${known}`
        : `No MCP endpoint at this path; configured servers: ${known}`,
    );
  });

  return router;
}
