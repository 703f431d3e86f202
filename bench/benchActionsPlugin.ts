import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import {
  BENCH_PLUGIN_ID,
  actionDescription,
  actionName,
  actionTitle,
  inputSchema,
  outputSchema,
  runAction,
} from './actions';

/** A plugin registering `count` read-only actions in the Actions Registry. */
export function createBenchActionsPlugin(count: number) {
  return createBackendPlugin({
    pluginId: BENCH_PLUGIN_ID,
    register(env) {
      env.registerInit({
        deps: { registry: actionsRegistryServiceRef },
        async init({ registry }) {
          for (let index = 0; index < count; index++) {
            registry.register({
              name: actionName(index),
              title: actionTitle(index),
              description: actionDescription(index),
              attributes: { readOnly: true, idempotent: true },
              schema: { input: inputSchema, output: outputSchema },
              action: async ({ input }) => ({
                output: runAction(index, input),
              }),
            });
          }
        },
      });
    },
  });
}
