import type { LoggerService } from '@backstage/backend-plugin-api';
import { createMcpHandler } from '@modelcontextprotocol/server';
import Router from 'express-promise-router';
import { appsSessionIdFor, sessionDeclaresUi } from '../apps/appsSession';
import { requestDeclaresUiExtension } from '../apps/uiExtension';
import type { McpServerConfig } from '../tools/readToolsConfig';
import { authInfoFor } from '../mcpServer/caller';
import type { McpServerFactory } from '../mcpServer/McpServerFactory';
import {
  serverKeyOf,
  startSessionTimer,
  type McpMetrics,
} from '../telemetry/metrics';
import { OperationRecorder } from '../telemetry/OperationRecorder';
import { sendInternalError, sendMethodNotAllowed } from './jsonRpcErrors';
import type { FastLane } from './fastLane/createFastLane';
import { parseJsonRpcBody } from './parseJsonRpcBody';
import { requestCredentials } from './requireCredentials';
import { serveFetchHandler } from './serveFetchHandler';
import { StreamableExchange } from './StreamableExchange';

export interface StreamableRouterOptions {
  server: McpServerConfig;
  factory: McpServerFactory;
  logger: LoggerService;
  maxRequestBytes: number;
  metrics: McpMetrics;
  /** Answers plain requests without the SDK (`mcpActions.fastLane`). */
  fastLane?: FastLane;
}

/**
 * Streamable HTTP for both protocol eras, served by the MCP SDK's
 * `createMcpHandler`: 2026-07-28 requests (per-request `_meta`, no
 * sessions) and, through the SDK's stateless legacy path, 2025-era ones.
 * Every POST gets its own SDK server, so any replica can answer any
 * request. Answers are one JSON body unless a handler sends something
 * before its result (progress), which turns them into an event stream.
 *
 * The router only authenticates (before this), limits and parses the body,
 * hands the SDK the caller as `authInfo`, and watches the answer for the
 * operation metrics. Plain `tools/list` and `tools/call` requests take the
 * fast lane beside the SDK when it is on (see `fastLane/createFastLane`).
 */
export function createStreamableRouter(options: StreamableRouterOptions) {
  const { server, factory, logger, metrics } = options;
  const router = Router();
  const serverKey = serverKeyOf(server.key);
  const log = logger.child({ component: 'streamable-http', server: serverKey });

  const handlerOptions = {
    legacy: 'stateless',
    responseMode: 'auto',
    maxRequestBodySize: options.maxRequestBytes,
    onerror: (error: Error) =>
      log.debug('MCP request refused or failed', { error: error.message }),
  } as const;
  const handler = createMcpHandler(
    ctx => factory.build(server, { era: ctx.era }),
    handlerOptions,
  );
  // For clients that declared the MCP Apps extension; the others' servers
  // declare and serve exactly what they did before apps existed.
  const appsHandler = createMcpHandler(
    ctx => factory.build(server, { era: ctx.era, forApps: true }),
    handlerOptions,
  );
  router.post(
    '/',
    parseJsonRpcBody(options.maxRequestBytes),
    async (req, res) => {
      const endSession = startSessionTimer(
        metrics,
        'streamable-http',
        server.key,
      );
      const recorder = new OperationRecorder(metrics, serverKey);
      const exchange = new StreamableExchange(req.body, req.headers, recorder);
      const caller = {
        credentials: requestCredentials(res),
        request: req,
        exchange,
      };
      res.on('close', () => {
        exchange.abandon();
        // Stateless: the exchange is the whole session.
        endSession(recorder.protocolVersion);
      });
      const appsSession = factory.offersApps(server)
        ? appsSessionIdFor(req.body)
        : undefined;
      if (appsSession) {
        // See appsSession.ts: how a stateless server remembers the
        // extension a 2025-era client declared.
        res.setHeader('Mcp-Session-Id', appsSession);
      }
      try {
        if (await options.fastLane?.(req, res, caller, exchange)) {
          return;
        }
        const forApps =
          factory.offersApps(server) &&
          (appsSession !== undefined ||
            requestDeclaresUiExtension(req.body) ||
            sessionDeclaresUi(req.headers));
        await serveFetchHandler(forApps ? appsHandler : handler, req, res, {
          parsedBody: exchange.forwardedBody,
          authInfo: authInfoFor(caller),
          observer: exchange.observer,
        });
      } catch (error) {
        log.error('Failed to serve an MCP request', { error: String(error) });
        sendInternalError(res);
      }
    },
  );

  // Without sessions, neither the 2025 GET stream nor DELETE means anything;
  // 2026-07-28 has neither.
  router.get('/', (_req, res) => sendMethodNotAllowed(res));
  router.delete('/', (_req, res) => sendMethodNotAllowed(res));

  return router;
}
