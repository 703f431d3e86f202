import { Config, ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readMilliseconds } from '../config/readValues';
import { serverSections } from '../config/serverSections';

/** At most `limit` calls per `windowMs`, counted per caller. */
export interface RateLimit {
  limit: number;
  /** Whole seconds, as the limiter counts them. */
  windowMs: number;
}

/** The limits of one scope: every tool call, and destructive ones apart. */
export interface RateLimits {
  toolCalls?: RateLimit;
  /** Calls of tools not marked read-only. */
  destructiveToolCalls?: RateLimit;
}

export interface RateLimitConfig {
  /** `mcpActions.rateLimit`: for every server without limits of its own. */
  shared: RateLimits;
  /** `mcpActions.servers.<key>.rateLimit`, by server key. */
  servers: Map<string, RateLimits>;
}

export const RATE_LIMIT_KINDS = ['toolCalls', 'destructiveToolCalls'] as const;
export type RateLimitKind = (typeof RATE_LIMIT_KINDS)[number];

/**
 * Reads `mcpActions.rateLimit` and each `mcpActions.servers.<key>.rateLimit`.
 * Nothing is limited unless configured. A server's own limit of a kind
 * replaces the shared one for that server (and is counted apart); a kind
 * the server leaves out falls back to the shared limit.
 */
export function readRateLimitConfig(config: Config): RateLimitConfig {
  const servers = new Map<string, RateLimits>();
  for (const section of serverSections(config)) {
    const limits = readLimits(section.config, `${section.path}.rateLimit`);
    if (limits) {
      servers.set(section.key, limits);
    }
  }
  return {
    shared: readLimits(config, 'mcpActions.rateLimit') ?? {},
    servers,
  };
}

function readLimits(config: Config, path: string): RateLimits | undefined {
  const section = config.getOptional('rateLimit');
  if (section === undefined) {
    return undefined;
  }
  if (
    section === null ||
    typeof section !== 'object' ||
    Array.isArray(section)
  ) {
    throw new Error(`Invalid config at '${path}': expected an object`);
  }
  const limits: RateLimits = {};
  for (const key of Object.keys(section)) {
    if (!(RATE_LIMIT_KINDS as readonly string[]).includes(key)) {
      throw new Error(
        `Invalid config at '${path}.${key}': unknown limit; use ${RATE_LIMIT_KINDS.join(' or ')}`,
      );
    }
    limits[key as RateLimitKind] = readLimit(
      (section as JsonObject)[key],
      `${path}.${key}`,
    );
  }
  return limits;
}

function readLimit(raw: unknown, path: string): RateLimit {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(
      `Invalid config at '${path}': expected an object such as { limit: 120, window: 1m }`,
    );
  }
  const config = new ConfigReader(
    raw as JsonObject,
    'app-config',
    undefined,
    path,
  );
  const limit = config.getOptional('limit');
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit <= 0) {
    throw new Error(
      `Invalid config at '${path}.limit': expected a whole number of calls greater than zero, got ${JSON.stringify(limit)}`,
    );
  }
  if (!config.has('window')) {
    throw new Error(`Missing required config value at '${path}.window'`);
  }
  // The limiter counts in whole seconds.
  const windowMs = readMilliseconds(config, 'window', 0, {
    positive: true,
    path: `${path}.window`,
  });
  if (windowMs % 1000 !== 0) {
    throw new Error(
      `Invalid duration at '${path}.window': must be a whole number of seconds, got ${windowMs} ms`,
    );
  }
  return { limit, windowMs };
}
