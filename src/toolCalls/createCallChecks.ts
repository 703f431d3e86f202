import type { RateLimitConfig } from '../rateLimits/readRateLimitConfig';
import {
  RateLimitCheck,
  type LimiterFactory,
} from '../rateLimits/RateLimitCheck';
import type { CallCheck } from './CallCheck';

/**
 * The checks every tool call passes, after its tool was resolved for the
 * caller (which applies the permission policy) and before anything is
 * asked or run: today the rate limits, when configured. Tests add a
 * refusing one here to prove that every lane runs them
 * (`everyLane.test.ts`).
 */
export function createCallChecks(options: {
  rateLimit: RateLimitConfig;
  createLimiter: LimiterFactory;
}): CallCheck[] {
  const rateLimits = RateLimitCheck.create(
    options.rateLimit,
    options.createLimiter,
  );
  return rateLimits ? [rateLimits] : [];
}
