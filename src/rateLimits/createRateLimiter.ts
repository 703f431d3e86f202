import type { LoggerService } from '@backstage/backend-plugin-api';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterSQLite,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import type { Knex } from '../stores/knex';
import type { RateLimit } from './readRateLimitConfig';

/** Created by the plugin's migrations, in the shape the limiter expects. */
export const RATE_LIMIT_TABLE = 'mcp_actions_rate_limits';

/**
 * A limiter of `limit` calls per window, counted in the plugin's database
 * so that every replica enforces one limit rather than one each. Postgres
 * and SQLite are supported through the backend's own knex client; on any
 * other database the count is kept per process (and a warning says so).
 *
 * Should the database fail mid-count, the call is counted in this process
 * instead (the limiter's "insurance"), so an outage of the store neither
 * lets calls through unlimited nor refuses them all.
 */
export function createRateLimiter(options: {
  knex: Knex;
  limit: RateLimit;
  /** Tells apart the counts of different limits in the one table. */
  keyPrefix: string;
  logger: LoggerService;
}): RateLimiterAbstract {
  const { knex, limit, keyPrefix } = options;
  const counting = {
    points: limit.limit,
    duration: limit.windowMs / 1000,
    keyPrefix,
  };
  const insuranceLimiter = new RateLimiterMemory(counting);
  const stored = {
    ...counting,
    storeClient: knex,
    storeType: 'knex',
    tableName: RATE_LIMIT_TABLE,
    tableCreated: true,
    // Expired rows are removed by the plugin's scheduled purge, on one
    // replica at a time, rather than by a timer in every process.
    clearExpiredByTimeout: false,
    insuranceLimiter,
  };
  const client = String(knex.client.config.client);
  if (client === 'pg') {
    return new RateLimiterPostgres(stored);
  }
  if (client === 'better-sqlite3' || client === 'sqlite3') {
    return new RateLimiterSQLite(stored);
  }
  options.logger.warn(
    `Rate limits are counted per process: the "${client}" database client is not supported as a shared store (use Postgres or SQLite)`,
    { component: 'rate-limits' },
  );
  return insuranceLimiter;
}

/** Removes counts whose window has passed; returns how many. */
export async function purgeExpiredRateLimits(
  knex: Knex,
  now = Date.now(),
): Promise<number> {
  return knex(RATE_LIMIT_TABLE).where('expire', '<', now).delete();
}
