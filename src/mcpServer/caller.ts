import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ProtocolError,
  ProtocolErrorCode,
  type AuthInfo,
  type RequestId,
  type ServerContext,
} from '@modelcontextprotocol/server';
import type { Request } from 'express';
import { principalKey } from './principalKey';

/**
 * What the HTTP exchange that carried a message lets its handlers know
 * beyond the credentials: set by the router, read by the tool handlers.
 */
export interface ExchangeHooks {
  /** Records what the handler learnt of a request, for its metric. */
  annotate(
    id: RequestId,
    details: { toolName?: string; toolError?: boolean },
  ): void;
  /**
   * True for a request whose `notifications/cancelled` came in the same
   * batch: it is answered at once and the action never runs.
   */
  isCancelledBeforeStart(id: RequestId): boolean;
}

/** Who sent a message, and over which HTTP request. */
export interface Caller {
  credentials: BackstageCredentials;
  /** The HTTP request that delivered the message (audit actor, trace parent). */
  request: Request;
  exchange?: ExchangeHooks;
}

const CALLER = 'backstageCaller';

/**
 * The `authInfo` a router hands the MCP SDK with each message: the bearer
 * token the request carried (none for cookie-authenticated users), the
 * principal as client id, and the verified Backstage caller. The SDK passes
 * it through untouched to the handlers (`ctx.http.authInfo`).
 */
export function authInfoFor(caller: Caller): AuthInfo {
  const header = caller.request.headers.authorization;
  const token = header?.match(/^Bearer\s+(.+)$/i)?.[1] ?? '';
  return {
    token,
    clientId: principalKey(caller.credentials),
    scopes: [],
    extra: { [CALLER]: caller },
  };
}

/** The caller a router attached with `authInfoFor`, if any. */
export function callerOf(authInfo: AuthInfo | undefined): Caller | undefined {
  return authInfo?.extra?.[CALLER] as Caller | undefined;
}

/** The caller the router attached to this message's `authInfo`. */
export function requireCaller(ctx: ServerContext): Caller {
  const caller = callerOf(ctx.http?.authInfo);
  if (!caller) {
    // Every route authenticates before a message reaches a server.
    throw new ProtocolError(
      ProtocolErrorCode.InternalError,
      'The request reached the MCP server without credentials',
    );
  }
  return caller;
}
