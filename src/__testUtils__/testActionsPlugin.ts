import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  type ActionsRegistryService,
  actionsRegistryServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import { createHash } from 'node:crypto';

/** What `call-webhook` returns for a token: enough to compare, never the token. */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 12);
}

/**
 * A real plugin that registers actions through the Actions Registry, as any
 * Backstage plugin would; the integration tests expose these as tools.
 */
export function createTestActionsPlugin(
  pluginId = 'test-actions',
  options: {
    /** Also register `call-webhook`, which needs a secret from the user. */
    secretAction?: boolean;
  } = {},
) {
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
                z.object({
                  principal: z.string(),
                  note: z.string().optional(),
                }),
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
          if (options.secretAction) {
            registerCallWebhook(registry);
          }
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

/**
 * An action that declares a secret and returns only a fingerprint of it, so
 * tests can tell which secret it ran with without the secret ever coming
 * back.
 */
function registerCallWebhook(registry: ActionsRegistryService) {
  registry.register({
    name: 'call-webhook',
    title: 'Call webhook',
    description:
      'Calls an example webhook with a token the user enters in Backstage; returns only a fingerprint of the token',
    attributes: { readOnly: false, destructive: false, idempotent: true },
    schema: {
      input: z => z.object({ message: z.string() }),
      secrets: z =>
        z.object({
          apiToken: z
            .string()
            .min(8)
            .describe('Your personal token for the example webhook'),
          sandbox: z
            .boolean()
            .optional()
            .describe('Send to the sandbox instead of production'),
        }),
      output: z =>
        z.object({
          sent: z.string(),
          tokenFingerprint: z.string(),
          sandbox: z.boolean(),
        }),
    },
    action: async ({ input, secrets }) => ({
      output: {
        sent: input.message,
        tokenFingerprint: tokenFingerprint(secrets.apiToken),
        sandbox: secrets.sandbox ?? false,
      },
    }),
  });
}
