import type { LoggerService } from '@backstage/backend-plugin-api';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import {
  ErrorCode,
  JSONRPCMessageSchema,
} from '@modelcontextprotocol/sdk/types.js';
import type { Request, Response } from 'express';
import Router from 'express-promise-router';
import type { McpServerConfig } from '../config';
import { authInfoFor, type McpServerFactory } from '../services/McpServerFactory';
import { startSessionTimer, type McpMetrics } from '../telemetry/metrics';
import { principalKey } from '../services/principalKey';
import { sendJsonRpcError } from './jsonRpcErrors';
import { parseJsonRpcBody } from './parseJsonRpcBody';
import { requestCredentials } from './requireCredentials';
import type { SseSession, SseSessions } from './SseSessions';

export interface SseRouterOptions {
  server: McpServerConfig;
  factory: McpServerFactory;
  sessions: SseSessions;
  logger: LoggerService;
  maxRequestBytes: number;
  idleTimeoutMs: number;
  keepAliveMs: number;
  metrics: McpMetrics;
}

/**
 * The legacy HTTP+SSE transport (protocol 2024-11-05), kept for clients that
 * do not speak Streamable HTTP yet. Deprecated: it holds a stream and a
 * session per client, which Streamable HTTP does not need.
 *
 *   GET  .../sse                       opens the stream; first event `endpoint`
 *   POST .../messages?sessionId=<id>   a client message for that stream
 */
export function createSseRouter(options: SseRouterOptions) {
  const { server, factory, sessions, logger } = options;
  const router = Router();

  router.get('/sse', markDeprecated, async (req, res) => {
    if (sessions.isFull) {
      sendJsonRpcError(
        res,
        503,
        'Service Unavailable: too many open SSE sessions; retry later or use Streamable HTTP',
        { headers: { 'Retry-After': '30' } },
      );
      return;
    }
    const credentials = requestCredentials(res);
    const transport = new SSEServerTransport(messagesPath(req), res);
    const endSession = startSessionTimer(options.metrics, 'sse', server.key);

    let idleTimer: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        logger.info(`Closing idle SSE session ${transport.sessionId}`);
        transport.close().catch(() => {});
      }, options.idleTimeoutMs);
    };
    const keepAlive = setInterval(() => {
      if (!res.writableEnded) {
        res.write(': keep-alive\n\n');
      }
    }, options.keepAliveMs);

    const session: SseSession = {
      id: transport.sessionId,
      server,
      transport,
      ownerKey: principalKey(credentials),
      touch,
    };
    let protocolVersion: () => string | undefined = () => undefined;
    let closeServer = () => {};
    let ended = false;
    const end = () => {
      if (ended) {
        return;
      }
      ended = true;
      clearInterval(keepAlive);
      clearTimeout(idleTimer);
      sessions.delete(session.id);
      closeServer();
      endSession(protocolVersion());
    };
    // Every way a session ends closes the response: the client hanging up,
    // the idle timer or shutdown closing the transport (which ends the
    // response), or a failed start.
    res.on('close', end);
    sessions.add(session);
    touch();
    const { mcp, recorder } = await factory.connect({
      server,
      transport,
      caller: { credentials, request: req },
    });
    protocolVersion = () => recorder.protocolVersion;
    closeServer = () => {
      mcp.close().catch(() => {});
    };
    if (ended) {
      closeServer();
    }
  });

  router.post('/messages', markDeprecated, async (req, res, next) => {
    const sessionId = req.query.sessionId;
    if (typeof sessionId !== 'string' || !sessionId) {
      sendJsonRpcError(res, 400, 'Bad Request: the sessionId query parameter is required');
      return;
    }
    const session = sessions.get(sessionId);
    if (!session || session.server !== server) {
      sendJsonRpcError(res, 404, `Session not found: "${sessionId}" is unknown or closed`);
      return;
    }
    if (principalKey(requestCredentials(res)) !== session.ownerKey) {
      sendJsonRpcError(res, 403, 'Forbidden: this session belongs to another principal');
      return;
    }
    next();
  });

  router.post(
    '/messages',
    parseJsonRpcBody(options.maxRequestBytes),
    async (req, res) => {
      const session = sessions.get(req.query.sessionId as string);
      if (!session) {
        sendJsonRpcError(res, 404, 'Session not found: it closed while the message was read');
        return;
      }
      const parsed = JSONRPCMessageSchema.safeParse(req.body);
      if (!parsed.success) {
        sendJsonRpcError(res, 400, 'Invalid Request: the body is not a JSON-RPC message', {
          code: ErrorCode.InvalidRequest,
        });
        return;
      }
      session.touch();
      await session.transport.handleMessage(parsed.data, {
        authInfo: authInfoFor({ credentials: requestCredentials(res), request: req }),
        requestInfo: { headers: req.headers },
      });
      res.status(202).end('Accepted');
    },
  );

  return router;
}

/** Tells clients and proxies that this transport is on its way out. */
function markDeprecated(req: Request, res: Response, next: () => void) {
  res.setHeader('Deprecation', 'true');
  const streamable = req.originalUrl.split('?')[0].replace(/\/(sse|messages)$/, '');
  res.setHeader('Link', `<${streamable}>; rel="successor-version"`);
  next();
}

/**
 * Where the client posts its messages: next to the stream's own URL, so it
 * is right under any mount path, plus a proxy's `X-Forwarded-Prefix`.
 */
function messagesPath(req: Request): string {
  const path = req.originalUrl.split('?')[0].replace(/\/sse$/, '/messages');
  const prefix = req.headers['x-forwarded-prefix'];
  if (typeof prefix === 'string' && /^\/[\w\-./]*$/.test(prefix)) {
    return `${prefix.replace(/\/+$/, '')}${path}`;
  }
  return path;
}
