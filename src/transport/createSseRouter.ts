import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  ProtocolErrorCode,
  parseJSONRPCMessage,
  type JSONRPCMessage,
} from '@modelcontextprotocol/server';
import type { Request, Response } from 'express';
import Router from 'express-promise-router';
import type { McpServerConfig } from '../tools/readToolsConfig';
import { authInfoFor } from '../mcpServer/caller';
import type { McpServerFactory } from '../mcpServer/McpServerFactory';
import { principalKey } from '../mcpServer/principalKey';
import {
  serverKeyOf,
  startSessionTimer,
  type McpMetrics,
} from '../telemetry/metrics';
import { OperationRecorder } from '../telemetry/OperationRecorder';
import { sendJsonRpcError } from './jsonRpcErrors';
import { parseJsonRpcBody } from './parseJsonRpcBody';
import { requestCredentials } from './requireCredentials';
import { SseServerTransport } from './SseServerTransport';
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
    const credentials = requestCredentials(res);
    const ownerKey = principalKey(credentials);
    const refusal = sessions.refusalFor(ownerKey);
    if (refusal) {
      sendJsonRpcError(
        res,
        503,
        refusal === 'principal-full'
          ? 'Service Unavailable: this caller has too many open SSE sessions; close one, retry later or use Streamable HTTP'
          : 'Service Unavailable: too many open SSE sessions; retry later or use Streamable HTTP',
        { headers: { 'Retry-After': '30' } },
      );
      return;
    }
    const recorder = new OperationRecorder(
      options.metrics,
      serverKeyOf(server.key),
    );
    const transport = new SseServerTransport(messagesPath(req), res, message =>
      recordAnswer(recorder, message),
    );
    const endSession = startSessionTimer(options.metrics, 'sse', server.key);
    const log = logger.child({
      component: 'sse',
      sessionId: transport.sessionId,
    });

    let idleTimer: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(idleTimer);
      idleTimer = setTimeout(() => {
        log.info('Closing idle SSE session');
        transport.close().catch(() => {});
      }, options.idleTimeoutMs);
    };
    const keepAlive = setInterval(
      () => transport.keepAlive(),
      options.keepAliveMs,
    );

    const session: SseSession = {
      id: transport.sessionId,
      server,
      transport,
      ownerKey,
      touch,
      received: message => recorder.received(message),
      hooks: {
        annotate: (id, details) => recorder.annotate(id, details),
        // A cancellation on a session reaches its request through the SDK.
        isCancelledBeforeStart: () => false,
      },
    };
    // The session is built before its `initialize` says whether the
    // client renders apps, so it can serve them; lists show them only to
    // a client that declared the extension.
    const mcp = factory.build(server, { sessionOnly: true, forApps: true });
    let ended = false;
    const end = () => {
      if (ended) {
        return;
      }
      ended = true;
      clearInterval(keepAlive);
      clearTimeout(idleTimer);
      sessions.delete(session.id);
      recorder.answerAll({ cancelled: true });
      mcp.close().catch(() => {});
      endSession(recorder.protocolVersion);
    };
    // Every way a session ends closes the response: the client hanging up,
    // the idle timer or shutdown closing the transport, or a failed start.
    res.on('close', end);
    sessions.add(session);
    touch();
    await mcp.connect(transport);
    if (ended) {
      mcp.close().catch(() => {});
    }
  });

  router.post('/messages', markDeprecated, async (req, res, next) => {
    const sessionId = req.query.sessionId;
    if (typeof sessionId !== 'string' || !sessionId) {
      sendJsonRpcError(
        res,
        400,
        'Bad Request: the sessionId query parameter is required',
      );
      return;
    }
    const session = sessions.get(sessionId);
    if (!session || session.server !== server) {
      sendJsonRpcError(
        res,
        404,
        `Session not found: "${sessionId}" is unknown or closed`,
      );
      return;
    }
    if (principalKey(requestCredentials(res)) !== session.ownerKey) {
      sendJsonRpcError(
        res,
        403,
        'Forbidden: this session belongs to another principal',
      );
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
        sendJsonRpcError(
          res,
          404,
          'Session not found: it closed while the message was read',
        );
        return;
      }
      let message: JSONRPCMessage;
      try {
        message = parseJSONRPCMessage(req.body);
      } catch {
        sendJsonRpcError(
          res,
          400,
          'Invalid Request: the body is not a JSON-RPC message',
          {
            code: ProtocolErrorCode.InvalidRequest,
          },
        );
        return;
      }
      session.touch();
      session.received(message);
      // Each message runs with the credentials of the POST that carried it.
      session.transport.receive(message, {
        authInfo: authInfoFor({
          credentials: requestCredentials(res),
          request: req,
          exchange: session.hooks,
        }),
      });
      res.status(202).end('Accepted');
    },
  );

  return router;
}

/** Ends the request a message answers, in the session's metrics. */
function recordAnswer(recorder: OperationRecorder, message: JSONRPCMessage) {
  if ('result' in message && message.id !== undefined) {
    const result = message.result as {
      isError?: unknown;
      protocolVersion?: unknown;
    };
    if (typeof result.protocolVersion === 'string') {
      recorder.protocolVersion = result.protocolVersion;
    }
    recorder.answered(message.id, { toolError: result.isError === true });
  } else if ('error' in message && message.id !== undefined) {
    recorder.answered(message.id, { errorCode: message.error.code });
  }
}

/** Tells clients and proxies that this transport is on its way out. */
function markDeprecated(req: Request, res: Response, next: () => void) {
  res.setHeader('Deprecation', 'true');
  const streamable = req.originalUrl
    .split('?')[0]
    .replace(/\/(sse|messages)$/, '');
  res.setHeader('Link', `<${streamable}>; rel="successor-version"`);
  next();
}

/**
 * Where the client posts its messages: next to the stream's own URL, so it
 * is right under any mount path, plus a proxy's `X-Forwarded-Prefix` when
 * that is a plain path (segments of letters, digits, `-`, `_` and `.`).
 */
function messagesPath(req: Request): string {
  const path = req.originalUrl.split('?')[0].replace(/\/sse$/, '/messages');
  const prefix = req.headers['x-forwarded-prefix'];
  // A path only, every segment non-empty: a prefix such as
  // `//evil.example` would make the endpoint a URL on another host, where
  // the client would post its messages and its token.
  if (typeof prefix === 'string' && /^(\/[\w\-.]+)+\/?$/.test(prefix)) {
    return `${prefix.replace(/\/+$/, '')}${path}`;
  }
  return path;
}
