import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { InputError } from '@backstage/errors';
import { createHash } from 'node:crypto';

/**
 * A small plugin of the dev backend that registers example actions: one
 * read-only, one destructive, one that needs a secret from the user, and one
 * that fails with an InputError.
 */
export const localActionsPlugin = createBackendPlugin({
  pluginId: 'local',
  register(env) {
    env.registerInit({
      deps: { registry: actionsRegistryServiceRef },
      async init({ registry }) {
        registry.register({
          name: 'greet-user',
          title: 'Greet user',
          description: 'Greets a person by name and says who is calling',
          attributes: { readOnly: true, idempotent: true },
          schema: {
            input: z => z.object({ name: z.string().describe('Who to greet') }),
            output: z => z.object({ greeting: z.string(), caller: z.string() }),
          },
          action: async ({ input, credentials }) => {
            const principal = credentials.principal as {
              userEntityRef?: string;
              subject?: string;
            };
            return {
              output: {
                greeting: `Hello, ${input.name}!`,
                caller:
                  principal.userEntityRef ?? principal.subject ?? 'unknown',
              },
            };
          },
        });
        const notes = new Map<string, string>();
        registry.register({
          name: 'delete-note',
          title: 'Delete note',
          description: 'Deletes a scratch note by key (a destructive example)',
          schema: {
            input: z => z.object({ key: z.string().min(1) }),
            output: z => z.object({ deleted: z.boolean() }),
          },
          action: async ({ input }) => ({
            output: { deleted: notes.delete(input.key) },
          }),
        });
        registry.register({
          name: 'post-to-webhook',
          title: 'Post to webhook',
          description:
            'Posts a message to an example webhook. Needs an API token, which the user enters in Backstage (never in the chat)',
          attributes: {
            readOnly: false,
            destructive: false,
            idempotent: false,
          },
          schema: {
            input: z =>
              z.object({ message: z.string().describe('What to post') }),
            secrets: z =>
              z.object({
                apiToken: z
                  .string()
                  .min(8)
                  .describe('Your personal token for the example webhook'),
              }),
            output: z =>
              z.object({
                posted: z.string(),
                tokenFingerprint: z
                  .string()
                  .describe(
                    'The first characters of the token hash, never the token',
                  ),
              }),
          },
          action: async ({ input, secrets }) => ({
            output: {
              posted: input.message,
              tokenFingerprint: createHash('sha256')
                .update(secrets.apiToken)
                .digest('hex')
                .slice(0, 8),
            },
          }),
        });
        registry.register({
          name: 'validate-service-name',
          title: 'Validate service name',
          description:
            'Checks that a service name is lowercase kebab-case; fails with an InputError otherwise',
          attributes: { readOnly: true, idempotent: true },
          schema: {
            input: z => z.object({ name: z.string() }),
            output: z => z.object({ valid: z.boolean() }),
          },
          action: async ({ input }) => {
            if (!/^[a-z][a-z0-9-]*$/.test(input.name)) {
              throw new InputError(
                `"${input.name}" is not lowercase kebab-case (e.g. "my-service")`,
              );
            }
            return { output: { valid: true } };
          },
        });
      },
    });
  },
});
