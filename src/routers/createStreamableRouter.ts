import type { LoggerService } from '@backstage/backend-plugin-api';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import Router from 'express-promise-router';
import type { McpServerConfig } from '../config';
import type { McpServerFactory } from '../services/McpServerFactory';
import type { McpMetrics } from '../telemetry/metrics';
import { startSessionTimer } from '../telemetry/metrics';
import type { InFlightRequests } from './InFlightRequests';
import {
  checkStreamableRequest,
  classifyJsonRpcBody,
  messagesOf,
} from './jsonRpcBody';
import { StatelessJsonTransport } from './StatelessJsonTransport';
import {
  sendInternalError,
  sendJsonRpcError,
  sendMethodNotAllowed,
} from './jsonRpcErrors';
import { parseJsonRpcBody } from './parseJsonRpcBody';
import { requestCredentials } from './requireCredentials';
import { principalKey } from '../services/principalKey';

export interface StreamableRouterOptions {
  server: McpServerConfig;
  factory: McpServerFactory;
  logger: LoggerService;
  maxRequestBytes: number;
  metrics: McpMetrics;
  inFlight: InFlightRequests;
}

/**
 * Streamable HTTP, stateless: every POST gets its own SDK server and
 * transport, so any replica can answer any request and no sticky sessions
 * are needed. Answers are plain JSON; nothing here needs a stream.
 */
export function createStreamableRouter(options: StreamableRouterOptions) {
  const { server, factory, logger, metrics } = options;
  const router = Router();

  router.post('/', parseJsonRpcBody(options.maxRequestBytes), async (req, res) => {
    const endSession = startSessionTimer(metrics, 'streamable-http', server.key);
    const body = classifyJsonRpcBody(req.body);
    if (body.kind === 'invalid') {
      sendJsonRpcError(res, 400, body.message, { code: ErrorCode.InvalidRequest });
      return;
    }
    const messages = messagesOf(body);
    const refusal = checkStreamableRequest(req.headers, messages);
    if (refusal) {
      sendJsonRpcError(res, refusal.status, refusal.message, { code: refusal.code });
      return;
    }
    const caller = { credentials: requestCredentials(res), request: req };
    const owner = principalKey(caller.credentials);
    options.inFlight.cancel(owner, messages);

    const transport = new StatelessJsonTransport(res);
    try {
      const { mcp, recorder } = await factory.connect({ server, transport, caller });
      // A cancellation arriving in another POST ends this one: the SDK
      // server aborts its handlers, and the client, which has given up on
      // the request, gets a bodiless 202 (a cancelled request is not
      // answered).
      const unregister = options.inFlight.register(owner, messages, () => {
        mcp.close().catch(() => {});
        if (!res.headersSent) {
          res.status(202).end();
        }
      });
      // Stateless: the request is the whole session.
      res.on('close', () => {
        unregister();
        mcp.close().catch(() => {});
        endSession(recorder.protocolVersion);
      });
      transport.receive(body.kind === 'batch' ? body.entries : body.message, {
        requestInfo: { headers: req.headers },
      });
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
