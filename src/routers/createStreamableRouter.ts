import type { LoggerService } from '@backstage/backend-plugin-api';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import Router from 'express-promise-router';
import type { McpServerConfig } from '../config';
import type { McpServerFactory } from '../services/McpServerFactory';
import type { McpMetrics } from '../telemetry/metrics';
import { serverKeyOf } from '../telemetry/metrics';
import { requestCredentials } from './requireCredentials';
import { sendInternalError, sendMethodNotAllowed } from './jsonRpcErrors';

export interface StreamableRouterOptions {
  server: McpServerConfig;
  factory: McpServerFactory;
  logger: LoggerService;
  maxRequestBytes: number;
  metrics: McpMetrics;
}

/**
 * Streamable HTTP, stateless: every POST gets its own SDK server and
 * transport, so any replica can answer any request and no sticky sessions
 * are needed. The transport reads the body itself (no JSON parser may run
 * before it), which lets it refuse an oversized body without buffering it.
 */
export function createStreamableRouter(options: StreamableRouterOptions) {
  const { server, factory, logger, maxRequestBytes, metrics } = options;
  const router = Router();

  router.post('/', async (req, res) => {
    const startedAt = process.hrtime.bigint();
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      // Plain JSON answers: nothing here streams, and JSON is cheaper to
      // produce and parse than a one-event stream.
      enableJsonResponse: true,
      maxRequestBodySize: maxRequestBytes,
    });
    try {
      const caller = { credentials: requestCredentials(res), request: req };
      const { mcp, recorder } = await factory.connect({ server, transport, caller });
      // Stateless: the request is the whole session.
      res.on('close', () => {
        mcp.close().catch(() => {});
        metrics.sessionDuration.record(
          Number(process.hrtime.bigint() - startedAt) / 1e9,
          {
            'network.transport': 'tcp',
            'network.protocol.name': 'http',
            'backstage.mcp.transport': 'streamable-http',
            'backstage.mcp.server.key': serverKeyOf(server.key),
            ...(recorder.protocolVersion
              ? { 'mcp.protocol.version': recorder.protocolVersion }
              : {}),
          },
        );
      });
      await transport.handleRequest(req, res);
    } catch (error) {
      logger.error('Failed to handle MCP request', error as Error);
      sendInternalError(res);
    }
  });

  // The SDK's stateless transport would open an idle stream on GET and
  // answer DELETE with 200; neither means anything without sessions.
  router.get('/', (_req, res) => sendMethodNotAllowed(res));
  router.delete('/', (_req, res) => sendMethodNotAllowed(res));

  return router;
}
