import type { LoggerService } from '@backstage/backend-plugin-api';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import Router from 'express-promise-router';
import type { McpServerConfig } from '../config';
import type { McpServerFactory } from '../services/McpServerFactory';
import { requestCredentials } from './requireCredentials';
import { sendInternalError, sendMethodNotAllowed } from './jsonRpcErrors';

export interface StreamableRouterOptions {
  server: McpServerConfig;
  factory: McpServerFactory;
  logger: LoggerService;
  maxRequestBytes: number;
}

/**
 * Streamable HTTP, stateless: every POST gets its own SDK server and
 * transport, so any replica can answer any request and no sticky sessions
 * are needed. The transport reads the body itself (no JSON parser may run
 * before it), which lets it refuse an oversized body without buffering it.
 */
export function createStreamableRouter(options: StreamableRouterOptions) {
  const { server, factory, logger, maxRequestBytes } = options;
  const router = Router();

  router.post('/', async (req, res) => {
    const mcp = factory.create(server, requestCredentials(res));
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      // Plain JSON answers: nothing here streams, and JSON is cheaper to
      // produce and parse than a one-event stream.
      enableJsonResponse: true,
      maxRequestBodySize: maxRequestBytes,
    });
    res.on('close', () => {
      transport.close().catch(() => {});
      mcp.close().catch(() => {});
    });
    try {
      await mcp.connect(transport);
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
