import type { z as zod } from 'zod';

/**
 * The N actions every benchmark target serves: the Backstage targets get them
 * from a plugin registering them in the Actions Registry, the bare SDK server
 * from the same definitions turned into JSON Schema.
 */

/** Plugin id of the plugin registering the bench actions. */
export const BENCH_PLUGIN_ID = 'bench';

/**
 * Plugin id of the bench-only plugin whose routes give the limits under
 * `tools/list` and `tools/call` in the same backend.
 */
export const LIMITS_PLUGIN_ID = 'bench-limits';

/** The cheap read-only action that `tools/call` invokes. */
export const CALLED_ACTION = 'action-0';

/** Arguments of the measured `tools/call`. */
export const CALL_ARGUMENTS = { name: 'bench' };

export function actionName(index: number): string {
  return `action-${index}`;
}

export function actionTitle(index: number): string {
  return `Bench action ${index}`;
}

export function actionDescription(index: number): string {
  return `Benchmark action number ${index}: looks up a widget by name and returns a greeting with the index of the action. Read-only and idempotent.`;
}

export function inputSchema(z: typeof zod) {
  return z.object({
    name: z.string().describe('Name of the widget to look up'),
    limit: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe('How many results to return at most'),
    tags: z
      .array(z.string())
      .optional()
      .describe('Only widgets with these tags'),
  });
}

export function outputSchema(z: typeof zod) {
  return z.object({
    greeting: z.string(),
    index: z.number(),
  });
}

export function runAction(
  index: number,
  input: { name: string },
): { greeting: string; index: number } {
  return { greeting: `Hello, ${input.name}!`, index };
}
