import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';

/**
 * A real plugin that registers actions through the Actions Registry, as any
 * Backstage plugin would; the integration tests expose these as tools.
 */
export function createTestActionsPlugin(pluginId = 'test-actions') {
  return createBackendPlugin({
    pluginId,
    register(env) {
      env.registerInit({
        deps: { registry: actionsRegistryServiceRef },
        async init({ registry }) {
          registry.register({
            name: 'whoami',
            title: 'Who am I',
            description: 'Returns the principal the action runs as',
            attributes: { readOnly: true, idempotent: true },
            schema: {
              input: z => z.object({ note: z.string().optional() }),
              output: z =>
                z.object({ principal: z.string(), note: z.string().optional() }),
            },
            action: async ({ input, credentials }) => {
              const p = credentials.principal as {
                type: string;
                userEntityRef?: string;
                subject?: string;
              };
              return {
                output: {
                  principal:
                    p.type === 'user'
                      ? p.userEntityRef!
                      : `${p.type}:${p.subject ?? ''}`,
                  ...(input.note ? { note: input.note } : {}),
                },
              };
            },
          });
          registry.register({
            name: 'delete-widget',
            title: 'Delete widget',
            description: 'Deletes a widget by id',
            schema: {
              input: z => z.object({ id: z.string().min(1) }),
              output: z => z.object({ deleted: z.string() }),
            },
            action: async ({ input }) => {
              if (input.id === 'missing') {
                throw new NotFoundError(`Widget "${input.id}" does not exist`);
              }
              if (input.id === 'locked') {
                throw new NotAllowedError(`Widget "${input.id}" is locked`);
              }
              return { output: { deleted: input.id } };
            },
          });
          registry.register({
            name: 'reject-input',
            title: 'Reject input',
            description: 'Always fails with an InputError',
            attributes: { readOnly: true },
            schema: {
              input: z => z.object({}),
              output: z => z.object({}),
            },
            action: async () => {
              throw new InputError('the widget name must be lowercase');
            },
          });
          registry.register({
            name: 'crash',
            title: 'Crash',
            description: 'Always fails with a plain Error',
            attributes: { readOnly: true },
            schema: {
              input: z => z.object({}),
              output: z => z.object({}),
            },
            action: async () => {
              throw new Error('the widget factory exploded');
            },
          });
          registry.register({
            name: 'sleep',
            title: 'Sleep',
            description: 'Waits for the given number of milliseconds',
            attributes: { readOnly: true, idempotent: true },
            schema: {
              input: z => z.object({ ms: z.number().int().min(0).max(60_000) }),
              output: z => z.object({ slept: z.number() }),
            },
            action: async ({ input }) => {
              await new Promise(resolve => setTimeout(resolve, input.ms));
              return { output: { slept: input.ms } };
            },
          });
        },
      });
    },
  });
}
