import { InputError } from '@backstage/errors';
import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { SecretCipher, SecretDecryptionError } from './secretCipher';

const HEX_KEY = randomBytes(32).toString('hex');
const PLAINTEXT = JSON.stringify({ apiToken: 'tok-7f3a-very-secret' });
const AAD = JSON.stringify(['user:default/alice', 'jira:create-issue']);

/** Flips one bit of one base64url part of a sealed value. */
function tamper(sealed: string, part: 1 | 2 | 3): string {
  const parts = sealed.split('.');
  const bytes = Buffer.from(parts[part], 'base64url');
  bytes[0] ^= 0x01;
  parts[part] = bytes.toString('base64url');
  return parts.join('.');
}

/**
 * What `open` threw; the test asserts it is a SecretDecryptionError. Whatever
 * it is, it must not carry the plaintext or a cause that might.
 */
function failureOf(open: () => string): unknown {
  try {
    open();
  } catch (error) {
    const { message, stack, cause } = error as SecretDecryptionError;
    if (`${message}${stack}`.includes('tok-7f3a') || cause !== undefined) {
      throw new Error('the decryption error reveals more than it should');
    }
    return error;
  }
  throw new Error('open succeeded');
}

describe('SecretCipher', () => {
  const cipher = SecretCipher.fromConfigString(HEX_KEY);

  it('round-trips, with a fresh IV for every value', () => {
    const first = cipher.seal(PLAINTEXT, AAD);
    const second = cipher.seal(PLAINTEXT, AAD);
    expect(cipher.open(first, AAD)).toBe(PLAINTEXT);
    expect(cipher.open(second, AAD)).toBe(PLAINTEXT);
    expect(first.split('.')[1]).not.toBe(second.split('.')[1]);
    expect(first).not.toBe(second);
  });

  it('writes v1.<iv>.<ciphertext>.<tag> with a 96-bit IV and no plaintext', () => {
    const sealed = cipher.seal(PLAINTEXT, AAD);
    const [version, iv, ciphertext, tag] = sealed.split('.');
    expect(version).toBe('v1');
    expect(Buffer.from(iv, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag, 'base64url')).toHaveLength(16);
    expect(Buffer.from(ciphertext, 'base64url')).toHaveLength(
      Buffer.byteLength(PLAINTEXT),
    );
    expect(sealed).not.toContain('tok-7f3a');
    expect(Buffer.from(ciphertext, 'base64url').toString()).not.toContain(
      'tok-7f3a',
    );
  });

  it('round-trips empty and non-ASCII plaintext', () => {
    for (const text of ['', 'pässwörd ✓ 秘密']) {
      expect(cipher.open(cipher.seal(text, AAD), AAD)).toBe(text);
    }
  });

  it.each([
    ['IV', 1],
    ['ciphertext', 2],
    ['tag', 3],
  ] as const)('detects a tampered %s', (_, part) => {
    const sealed = cipher.seal(PLAINTEXT, AAD);
    expect(
      failureOf(() => cipher.open(tamper(sealed, part), AAD)),
    ).toBeInstanceOf(SecretDecryptionError);
  });

  it('refuses a wrong key', () => {
    const sealed = cipher.seal(PLAINTEXT, AAD);
    const other = SecretCipher.fromConfigString(
      randomBytes(32).toString('hex'),
    );
    expect(failureOf(() => other.open(sealed, AAD))).toBeInstanceOf(
      SecretDecryptionError,
    );
  });

  it('refuses other associated data, e.g. another principal', () => {
    const sealed = cipher.seal(PLAINTEXT, AAD);
    const bob = JSON.stringify(['user:default/bob', 'jira:create-issue']);
    expect(failureOf(() => cipher.open(sealed, bob))).toBeInstanceOf(
      SecretDecryptionError,
    );
    expect(failureOf(() => cipher.open(sealed, ''))).toBeInstanceOf(
      SecretDecryptionError,
    );
  });

  it.each([
    ['empty', ''],
    ['plaintext', PLAINTEXT],
    ['unknown version', 'v2.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['missing part', 'v1.AAAAAAAAAAAAAAAA.AAAA'],
    ['short IV', 'v1.AAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['short tag', 'v1.AAAAAAAAAAAAAAAA.AAAA.AAAA'],
  ])('refuses a malformed value (%s)', (_, sealed) => {
    expect(failureOf(() => cipher.open(sealed, AAD))).toBeInstanceOf(
      SecretDecryptionError,
    );
  });

  describe('fromConfigString', () => {
    const key = randomBytes(32);

    it.each([
      ['hex', key.toString('hex')],
      ['upper-case hex', key.toString('hex').toUpperCase()],
      ['base64', key.toString('base64')],
      ['base64url', key.toString('base64url')],
      ['hex with a trailing newline', `${key.toString('hex')}\n`],
    ])('takes a 32-byte key as %s', (_, value) => {
      // All spellings of one key open each other's values.
      const reference = SecretCipher.fromConfigString(key.toString('hex'));
      const sealed = SecretCipher.fromConfigString(value).seal(PLAINTEXT, AAD);
      expect(reference.open(sealed, AAD)).toBe(PLAINTEXT);
    });

    it('derives the same key from the same passphrase on every replica', () => {
      const phrase = 'correct horse battery staple';
      const replicaA = SecretCipher.fromConfigString(phrase);
      const replicaB = SecretCipher.fromConfigString(phrase);
      expect(replicaB.open(replicaA.seal(PLAINTEXT, AAD), AAD)).toBe(PLAINTEXT);
      const otherPhrase = SecretCipher.fromConfigString(`${phrase}!`);
      const sealed = replicaA.seal(PLAINTEXT, AAD);
      expect(failureOf(() => otherPhrase.open(sealed, AAD))).toBeInstanceOf(
        SecretDecryptionError,
      );
    });

    it('refuses a short passphrase without echoing it', () => {
      expect(() => SecretCipher.fromConfigString('hunter2-secret')).toThrow(
        InputError,
      );
      expect(() => SecretCipher.fromConfigString('hunter2-secret')).not.toThrow(
        /hunter2/,
      );
    });

    it('keeps the key out of inspection and serialization', () => {
      const hex = key.toString('hex');
      const c = SecretCipher.fromConfigString(hex);
      expect(JSON.stringify(c)).not.toContain(hex);
      expect(inspect(c, { depth: 5 })).not.toContain(hex);
    });
  });
});
