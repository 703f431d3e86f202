import type { McpActionsConfig } from '../../config/readMcpActionsConfig';
import type { SecretStore } from '../../stores/types';
import { ConfirmDestructiveGate } from './confirmDestructive';
import { SecretsGate } from './secrets';
import type { CallGate } from './types';

/**
 * The gates every tool call passes, in order: the confirmation of
 * destructive tools (when configured) first, so that secrets are not used
 * up by a call the user declines; then the secrets of actions that declare
 * them.
 */
export function createCallGates(options: {
  config: McpActionsConfig;
  secrets?: SecretStore;
  /** The plugin's external base URL, where the secrets page lives. */
  pluginBaseUrl: string;
}): CallGate[] {
  const { config, secrets, pluginBaseUrl } = options;
  return [
    ...(config.confirmDestructive
      ? [
          new ConfirmDestructiveGate({
            fallback: config.confirmDestructiveFallback,
          }),
        ]
      : []),
    new SecretsGate({
      store: secrets,
      pageUrl: id => `${pluginBaseUrl}/secrets/${encodeURIComponent(id)}`,
      requestTtlMs: config.secrets.requestTtlMs,
    }),
  ];
}
