import type { AuthService } from '@backstage/backend-plugin-api';
import type { ActionsService } from '@backstage/backend-plugin-api/alpha';
import type { McpActionsConfig } from '../config/readMcpActionsConfig';

/**
 * Throws, naming the key, when an action source declares secrets and no
 * `mcpActions.secrets.encryptionKey` is set: such tools could never run.
 * Meant for a start-up hook, when the action sources (which may be other
 * backends) can answer; it lists them as this plugin.
 */
export async function requireKeyForSecrets(options: {
  config: McpActionsConfig;
  actions: ActionsService;
  auth: AuthService;
}) {
  const { config, actions, auth } = options;
  if (config.secrets.encryptionKey) {
    return;
  }
  const credentials = await auth.getOwnServiceCredentials();
  const { actions: all } = await actions.list({ credentials });
  const needing = all.filter(a => a.schema?.secrets).map(a => a.id);
  if (needing.length > 0) {
    throw new Error(
      `Missing required config value at 'mcpActions.secrets.encryptionKey': the actions ${needing
        .map(id => `"${id}"`)
        .join(
          ', ',
        )} declare secrets, which users enter on a page of this plugin and which are kept encrypted with this key (at least 32 characters, the same on every replica)`,
    );
  }
}
