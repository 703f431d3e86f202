import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * The tools the conformance suite's `tasks-*` scenarios call, as ordinary
 * Backstage actions (served with bare names: `namespacedToolNames: false`),
 * so that the suite drives the plugin's own task machinery:
 *
 * - `greet`: answers at once; never a task;
 * - `slow_compute`: sleeps `seconds`, then answers; may become a task;
 * - `failing_job`: fails after a second (an `isError` result);
 * - `confirm_delete`: answers at once. The suite expects it to ask the user
 *   inside its task; the plugin asks nothing inside tasks, so here it only
 *   gives the suite a task to send `tasks/update` to.
 */
export const conformanceTaskFixtures = createBackendPlugin({
  pluginId: 'conformance',
  register(env) {
    env.registerInit({
      deps: { registry: actionsRegistryServiceRef },
      async init({ registry }) {
        registry.register({
          name: 'greet',
          title: 'Greet',
          description: 'Greets someone by name',
          attributes: { readOnly: true },
          schema: {
            input: z => z.object({ name: z.string() }),
            output: z => z.object({ greeting: z.string() }),
          },
          action: async ({ input }) => ({
            output: { greeting: `Hello, ${input.name}!` },
          }),
        });
        registry.register({
          name: 'slow_compute',
          title: 'Slow compute',
          description: 'Waits the given number of seconds, then answers',
          attributes: { readOnly: true },
          schema: {
            input: z =>
              z.object({
                seconds: z.number().min(0).max(120),
                label: z.string().optional(),
              }),
            output: z =>
              z.object({ seconds: z.number(), label: z.string().optional() }),
          },
          action: async ({ input }) => {
            await sleep(input.seconds * 1000);
            return { output: { seconds: input.seconds, label: input.label } };
          },
        });
        registry.register({
          name: 'failing_job',
          title: 'Failing job',
          description: 'Fails after a second',
          attributes: { readOnly: true },
          schema: {
            input: z => z.object({}),
            output: z => z.object({}),
          },
          action: async () => {
            await sleep(1000);
            throw new Error('the job failed, as it always does');
          },
        });
        registry.register({
          name: 'confirm_delete',
          title: 'Confirm delete',
          description: 'Pretends to delete a file',
          attributes: { readOnly: true },
          schema: {
            input: z => z.object({ filename: z.string() }),
            output: z => z.object({ filename: z.string() }),
          },
          action: async ({ input }) => ({
            output: { filename: input.filename },
          }),
        });
      },
    });
  },
});
