import { CustomErrorBase, InputError } from '@backstage/errors';
import {
  type KeyObject,
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  randomBytes,
  scryptSync,
} from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';
const MIN_PASSPHRASE_LENGTH = 16;

/*
 * Passphrases are stretched with scrypt, so a guessable one still costs an
 * attacker holding a database dump real work per guess. The salt is fixed
 * because every replica must derive the same key from the same config with
 * nothing stored; it only separates this use from any other of the phrase.
 */
const SCRYPT_SALT = '@backstage/plugin-mcp-actions-backend secrets v1';
const SCRYPT_OPTIONS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

/**
 * A sealed value that could not be opened. Deliberately says nothing about
 * the value, and carries no cause: this message may reach logs.
 */
export class SecretDecryptionError extends CustomErrorBase {
  name = 'SecretDecryptionError' as const;

  constructor() {
    super(
      'Stored secrets could not be decrypted: the encryption key changed, ' +
        'or the stored data was altered or belongs to another principal or action',
    );
  }
}

/**
 * AES-256-GCM for secrets at rest, so a database dump or backup alone
 * reveals nothing. The associated data is not stored with the value; the
 * caller supplies it again to open, which is what binds a sealed value to
 * its owner: a row copied under another principal fails authentication.
 *
 * Sealed format: `v1.<iv>.<ciphertext>.<tag>`, each part base64url, with a
 * fresh random 96-bit IV per value (never reused under one key).
 */
export class SecretCipher {
  readonly #key: KeyObject;

  /**
   * Builds the cipher from a config string, read as:
   *
   * - 64 hex digits: the 32-byte key itself;
   * - base64 or base64url of exactly 32 bytes (e.g. `openssl rand -base64 32`):
   *   the key itself;
   * - anything else, of at least 16 characters: a passphrase, from which
   *   the key is derived with scrypt (N=2^15, r=8, p=1, fixed salt).
   *
   * Surrounding whitespace is ignored (a trailing newline from a mounted
   * file is common). Every replica must be given the same string.
   */
  static fromConfigString(value: string): SecretCipher {
    return new SecretCipher(keyFromConfigString(value));
  }

  private constructor(key: Buffer) {
    this.#key = createSecretKey(key);
  }

  /** Encrypts `plaintext`, authenticating `associatedData` with it. */
  seal(plaintext: string, associatedData: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.#key, iv, {
      authTagLength: TAG_BYTES,
    });
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([
      cipher.update(plaintext, 'utf8'),
      cipher.final(),
    ]);
    return [VERSION, iv, ciphertext, cipher.getAuthTag()]
      .map(part =>
        typeof part === 'string' ? part : part.toString('base64url'),
      )
      .join('.');
  }

  /**
   * The plaintext of a value from `seal`, given the same associated data.
   * Throws `SecretDecryptionError` on any mismatch: wrong key, altered
   * value, other associated data, or not a sealed value at all.
   */
  open(sealed: string, associatedData: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 4 || parts[0] !== VERSION) {
      throw new SecretDecryptionError();
    }
    const [iv, ciphertext, tag] = parts
      .slice(1)
      .map(part => Buffer.from(part, 'base64url'));
    if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
      throw new SecretDecryptionError();
    }
    try {
      const decipher = createDecipheriv(ALGORITHM, this.#key, iv, {
        authTagLength: TAG_BYTES,
      });
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([
        decipher.update(ciphertext),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretDecryptionError();
    }
  }
}

function keyFromConfigString(value: string): Buffer {
  const trimmed = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) {
    return Buffer.from(trimmed, 'hex');
  }
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    // Node decodes both alphabets under 'base64'; 43 characters carry 32 bytes.
    const key = Buffer.from(trimmed, 'base64');
    if (key.length === KEY_BYTES) {
      return key;
    }
  }
  if (trimmed.length < MIN_PASSPHRASE_LENGTH) {
    // The value itself stays out of the message: it is a secret.
    throw new InputError(
      `The secrets encryption key must be 64 hex digits, base64 of 32 bytes, ` +
        `or a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`,
    );
  }
  return scryptSync(trimmed, SCRYPT_SALT, KEY_BYTES, SCRYPT_OPTIONS);
}
