import {
  createBackendPlugin,
  type BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';

/**
 * A plugin `limit-probe` with two actions that count their runs per user,
 * so a refused call is seen not to run: `count` (read-only) and `remove`
 * (destructive, as actions are unless marked read-only).
 */
export function createCountingActionsPlugin(runs: Map<string, number>) {
  const counted = (name: string, credentials: BackstageCredentials) => {
    const principal = (credentials.principal as { userEntityRef?: string })
      .userEntityRef;
    const key = `${name}:${principal}`;
    runs.set(key, (runs.get(key) ?? 0) + 1);
  };
  return createBackendPlugin({
    pluginId: 'limit-probe',
    register(env) {
      env.registerInit({
        deps: { registry: actionsRegistryServiceRef },
        async init({ registry }) {
          registry.register({
            name: 'count',
            title: 'Count',
            description: 'Counts a run; reads nothing',
            attributes: { readOnly: true },
            schema: {
              input: z => z.object({}),
              output: z => z.object({ ok: z.boolean() }),
            },
            action: async ({ credentials }) => {
              counted('count', credentials);
              return { output: { ok: true } };
            },
          });
          registry.register({
            name: 'remove',
            title: 'Remove',
            description: 'Counts a run; stands for a destructive action',
            schema: {
              input: z => z.object({}),
              output: z => z.object({ ok: z.boolean() }),
            },
            action: async ({ credentials }) => {
              counted('remove', credentials);
              return { output: { ok: true } };
            },
          });
        },
      });
    },
  });
}
