import type { RateLimitCheck } from '../rateLimits/RateLimitCheck';
import type { CallCheck } from './CallCheck';

/**
 * The checks every tool call passes, after its tool was resolved for the
 * caller (which applies the permission policy) and before anything is
 * asked or run: today the rate limits, when configured (built by the
 * plugin, which counts completions with the same limiter). Tests add a
 * refusing one here to prove that every lane runs them
 * (`everyLane.test.ts`).
 */
export function createCallChecks(options: {
  rateLimits?: RateLimitCheck;
}): CallCheck[] {
  return options.rateLimits ? [options.rateLimits] : [];
}
