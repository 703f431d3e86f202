import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveSubKey } from '../subKeys';

/**
 * CSRF tokens of the secrets page: an HMAC over the request id and the
 * principal the request belongs to, with a key derived (HKDF) from
 * `mcpActions.secrets.encryptionKey` (so any replica verifies a token any
 * other minted). A foreign site can neither read one from our page nor
 * compute one; the request being single-use and short-lived bounds a token's
 * life without storing anything.
 */
export class CsrfTokens {
  readonly #key: Buffer;

  static fromEncryptionKey(encryptionKey: string): CsrfTokens {
    return new CsrfTokens(deriveSubKey(encryptionKey, 'secrets-page-csrf'));
  }

  private constructor(key: Buffer) {
    this.#key = key;
  }

  issue(requestId: string, principal: string): string {
    return this.#mac(requestId, principal).toString('base64url');
  }

  verify(token: unknown, requestId: string, principal: string): boolean {
    if (typeof token !== 'string') {
      return false;
    }
    const expected = this.#mac(requestId, principal);
    const given = Buffer.from(token, 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  #mac(requestId: string, principal: string): Buffer {
    return createHmac('sha256', this.#key)
      .update(`${requestId}\u0000${principal}`)
      .digest();
  }
}
