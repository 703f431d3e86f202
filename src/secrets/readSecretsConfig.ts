import type { Config } from '@backstage/config';
import { readMilliseconds } from '../config/readValues';

export interface SecretsConfig {
  /** Encrypts stored secrets and signs multi round-trip state. */
  encryptionKey?: string;
  /** How long submitted secrets are kept for their call. */
  ttlMs: number;
  /** How long a request for secrets (its page and link) stays valid. */
  requestTtlMs: number;
  /** How the secrets page signs a user in; see `readSignIn`. */
  signIn: SecretsPageSignIn;
}

export interface SecretsPageSignIn {
  /** Auth providers whose refresh endpoints the page tries, in order. */
  providers: string[];
  /** The auth backend's environment (`auth.environment`), for the refresh URLs. */
  environment: string;
  /** The Backstage app, where a user without a session signs in. */
  appUrl?: string;
}

const DEFAULTS = {
  ttlMs: 10 * 60_000,
  requestTtlMs: 10 * 60_000,
};

/** The shortest `mcpActions.secrets.encryptionKey` accepted. */
const MIN_KEY_LENGTH = 32;

/**
 * Reads `mcpActions.secrets` (`config`) and the auth and app keys the
 * secrets page signs users in with (`rootConfig`).
 */
export function readSecretsConfig(
  config: Config,
  rootConfig: Config,
): SecretsConfig {
  const encryptionKey = config.getOptionalString('secrets.encryptionKey');
  if (encryptionKey !== undefined && encryptionKey.length < MIN_KEY_LENGTH) {
    throw new Error(
      `Invalid config at 'mcpActions.secrets.encryptionKey': use at least ${MIN_KEY_LENGTH} characters (e.g. the output of "openssl rand -base64 32")`,
    );
  }
  return {
    encryptionKey,
    ttlMs: readMilliseconds(config, 'secrets.ttl', DEFAULTS.ttlMs, {
      positive: true,
    }),
    requestTtlMs: readMilliseconds(
      config,
      'secrets.requestTtl',
      DEFAULTS.requestTtlMs,
      { positive: true },
    ),
    signIn: readSignIn(config, rootConfig),
  };
}

/**
 * The secrets page signs users in with a session they already have at the
 * auth backend: by default through every configured provider, in config
 * order.
 */
function readSignIn(config: Config, rootConfig: Config): SecretsPageSignIn {
  const configured =
    rootConfig.getOptionalConfig('auth.providers')?.keys() ?? [];
  const providers =
    config.getOptionalStringArray('secrets.signInProviders') ?? configured;
  for (const [index, provider] of providers.entries()) {
    if (!/^[A-Za-z0-9_-]+$/.test(provider)) {
      throw new Error(
        `Invalid config at 'mcpActions.secrets.signInProviders[${index}]': "${provider}" is not a provider id (letters, digits, '-' and '_')`,
      );
    }
  }
  return {
    providers,
    environment:
      rootConfig.getOptionalString('auth.environment') ?? 'development',
    appUrl: rootConfig.getOptionalString('app.baseUrl'),
  };
}
