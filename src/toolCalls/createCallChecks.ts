import type { CallCheck } from './CallCheck';

/**
 * The checks every tool call passes before anything is asked or run, in
 * order: who may call the tool, then how often. None are configured yet;
 * this is where they join the pipeline, and tests add a refusing one here
 * to prove that every lane runs them (`everyLane.test.ts`).
 */
export function createCallChecks(): CallCheck[] {
  return [];
}
