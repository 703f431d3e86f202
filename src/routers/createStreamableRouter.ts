import type { LoggerService } from '@backstage/backend-plugin-api';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import Router from 'express-promise-router';
import type { McpServerConfig } from '../config';
import type { McpServerFactory } from '../services/McpServerFactory';
import type { McpMetrics } from '../telemetry/metrics';
import { serverKeyOf } from '../telemetry/metrics';
import { answerMixedBatch } from './answerMixedBatch';
import type { InFlightRequests } from './InFlightRequests';
import { classifyJsonRpcBody } from './jsonRpcBody';
import {
  sendInternalError,
  sendJsonRpcError,
  sendMethodNotAllowed,
} from './jsonRpcErrors';
import { parseJsonRpcBody } from './parseJsonRpcBody';
import { requestCredentials } from './requireCredentials';
import { cacheKey } from '../services/ToolCatalog';

export interface StreamableRouterOptions {
  server: McpServerConfig;
  factory: McpServerFactory;
  logger: LoggerService;
  maxRequestBytes: number;
  toolCallTimeoutMs: number;
  metrics: McpMetrics;
  inFlight: InFlightRequests;
}

/**
 * Streamable HTTP, stateless: every POST gets its own SDK server and
 * transport, so any replica can answer any request and no sticky sessions
 * are needed.
 */
export function createStreamableRouter(options: StreamableRouterOptions) {
  const { server, factory, logger, metrics } = options;
  const router = Router();

  router.post('/', parseJsonRpcBody(options.maxRequestBytes), async (req, res) => {
    const startedAt = process.hrtime.bigint();
    const caller = { credentials: requestCredentials(res), request: req };
    const body = classifyJsonRpcBody(req.body);
    if (body.kind === 'invalid') {
      sendJsonRpcError(res, 400, body.message, { code: ErrorCode.InvalidRequest });
      return;
    }
    if (body.kind === 'mixed-batch') {
      const answers = await answerMixedBatch({
        entries: body.entries,
        factory,
        server,
        caller,
        timeoutMs: options.toolCallTimeoutMs + 5_000,
      });
      res.status(200).json(answers);
      return;
    }

    const owner = cacheKey(caller.credentials);
    options.inFlight.cancel(owner, body.body);

    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      // Plain JSON answers: nothing here streams, and JSON is cheaper to
      // produce and parse than a one-event stream.
      enableJsonResponse: true,
    });
    try {
      const { mcp, recorder } = await factory.connect({ server, transport, caller });
      // A cancellation arriving in another POST ends this one: the SDK
      // server aborts its handlers, and the client, which has given up on
      // the request, gets a bodiless 202 (a cancelled request is not
      // answered).
      const unregister = options.inFlight.register(owner, body.body, () => {
        mcp.close().catch(() => {});
        if (!res.headersSent) {
          res.status(202).end();
        }
      });
      // Stateless: the request is the whole session.
      res.on('close', () => {
        unregister();
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
      await transport.handleRequest(req, res, body.body);
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
