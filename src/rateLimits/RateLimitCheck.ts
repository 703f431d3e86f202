import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CallToolResult } from '@modelcontextprotocol/server';
import { createHash } from 'node:crypto';
import {
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { CallCheck, CheckedCall } from '../toolCalls/CallCheck';
import { principalKey } from '../mcpServer/principalKey';
import type { McpServerConfig } from '../tools/readToolsConfig';
import type {
  RateLimit,
  RateLimitConfig,
  RateLimitKind,
  RateLimits,
} from './readRateLimitConfig';

/** One configured limit and the limiter that counts it. */
export interface CountedLimit {
  kind: RateLimitKind;
  limit: RateLimit;
  limiter: RateLimiterAbstract;
}

/** Builds the limiter of one limit; `scope` tells apart where it applies. */
export type LimiterFactory = (
  limit: RateLimit,
  keyPrefix: string,
) => RateLimiterAbstract;

/**
 * Refuses a tool call over the caller's rate limit before anything runs or
 * is asked: an `isError` result that names the limit and when to retry, so
 * the model can wait rather than loop. Counted per principal (a user, or a
 * service token with its access restrictions), in the shared store, so
 * every replica enforces one limit. A refused call counts too: an agent
 * that retries at once gains nothing.
 */
export class RateLimitCheck implements CallCheck {
  readonly name = 'rate-limit';
  readonly #shared: CountedLimit[];
  readonly #byServer: Map<string, CountedLimit[]>;

  /** The check, or undefined when no limit is configured anywhere. */
  static create(
    config: RateLimitConfig,
    createLimiter: LimiterFactory,
  ): RateLimitCheck | undefined {
    const counted = (limits: RateLimits, scope: string) =>
      (Object.keys(limits) as RateLimitKind[]).map(kind => ({
        kind,
        limit: limits[kind]!,
        limiter: createLimiter(limits[kind]!, `mcp-actions:${kind}:${scope}`),
      }));
    const shared = counted(config.shared, '*');
    const byServer = new Map<string, CountedLimit[]>();
    for (const [key, limits] of config.servers) {
      // The server's own limits, and the shared ones of the kinds it
      // leaves out.
      const own = counted(limits, `server:${key}`);
      byServer.set(key, [
        ...own,
        ...shared.filter(s => !own.some(o => o.kind === s.kind)),
      ]);
    }
    if (shared.length === 0 && byServer.size === 0) {
      return undefined;
    }
    return new RateLimitCheck(shared, byServer);
  }

  private constructor(
    shared: CountedLimit[],
    byServer: Map<string, CountedLimit[]>,
  ) {
    this.#shared = shared;
    this.#byServer = byServer;
  }

  async check(call: CheckedCall): Promise<CallToolResult | undefined> {
    const over = await this.#consume(
      call.server,
      call.caller.credentials,
      call.entry.action.attributes.readOnly,
    );
    if (!over) {
      return undefined;
    }
    const { text, meta } = refusal(over);
    return {
      content: [{ type: 'text', text }],
      isError: true,
      _meta: meta,
    };
  }

  /**
   * Counts a request that is not a tool call (a completion, which reads the
   * catalog) as one read-only tool call of `server` by the caller: the
   * same counts, so typing cannot get around the limit. The refusal's text
   * and `_meta`, or undefined when the request may go on.
   */
  async checkRequest(
    server: McpServerConfig,
    credentials: BackstageCredentials,
  ): Promise<RateLimitRefusal | undefined> {
    const over = await this.#consume(server, credentials, true);
    return over ? refusal(over) : undefined;
  }

  async #consume(
    server: McpServerConfig,
    credentials: BackstageCredentials,
    readOnly: boolean,
  ): Promise<Overrun | undefined> {
    const limits =
      (server.key !== undefined && this.#byServer.get(server.key)) ||
      this.#shared;
    const key = callerKey(principalKey(credentials));
    for (const { kind, limit, limiter } of limits) {
      if (kind === 'destructiveToolCalls' && readOnly) {
        continue;
      }
      try {
        await limiter.consume(key);
      } catch (outcome) {
        if (outcome instanceof RateLimiterRes) {
          return { kind, limit, msBeforeNext: outcome.msBeforeNext };
        }
        throw outcome;
      }
    }
    return undefined;
  }
}

/** A limit a request went over, and when the next one may go. */
interface Overrun {
  kind: RateLimitKind;
  limit: RateLimit;
  msBeforeNext: number;
}

/** Why a request was refused, for the model and for the client. */
export interface RateLimitRefusal {
  text: string;
  meta: Record<string, unknown>;
}

/**
 * Keys are bounded (the store's key column is 255 characters) and carry
 * no token details: a hash of the principal.
 */
function callerKey(principal: string): string {
  return createHash('sha256').update(principal).digest('base64url');
}

function refusal({ kind, limit, msBeforeNext }: Overrun): RateLimitRefusal {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  const what =
    kind === 'toolCalls'
      ? 'tool calls'
      : 'calls of tools that are not read-only';
  return {
    text: `Rate limit reached: at most ${limit.limit} ${what} per ${limit.windowMs / 1000} s for each caller. The call did not run. Try again in ${retryAfterSeconds} s.`,
    meta: {
      'backstage.io/rateLimit': {
        kind,
        limit: limit.limit,
        windowSeconds: limit.windowMs / 1000,
        retryAfterSeconds,
      },
    },
  };
}
