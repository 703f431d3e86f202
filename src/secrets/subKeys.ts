import { hkdfSync } from 'node:crypto';

/**
 * What a key derived from `mcpActions.secrets.encryptionKey` is for. Each
 * use gets its own key, so a token minted for one can never pass as another.
 */
export type SubKeyPurpose = 'secrets-page-csrf' | 'tool-call-request-state';

const SALT = '@backstage/plugin-mcp-actions-backend sub-keys';

/**
 * A 32-byte key for `purpose`, derived with HKDF-SHA256 from the configured
 * encryption key: every replica given the same config derives the same
 * keys with nothing stored. The encryption of secrets at rest keeps its own
 * scrypt derivation (`secretCipher.ts`), which also stretches passphrases.
 */
export function deriveSubKey(
  encryptionKey: string,
  purpose: SubKeyPurpose,
): Buffer {
  return Buffer.from(hkdfSync('sha256', encryptionKey, SALT, purpose, 32));
}
