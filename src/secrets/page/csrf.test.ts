import { CsrfTokens } from './csrf';

const KEY = 'a-test-key-that-is-long-enough-0123456789';

describe('CsrfTokens', () => {
  const tokens = CsrfTokens.fromEncryptionKey(KEY);
  const token = tokens.issue('req-1', 'user:user:default/alice');

  it('verifies its own token for the same request and principal, on any replica with the key', () => {
    expect(tokens.verify(token, 'req-1', 'user:user:default/alice')).toBe(true);
    expect(
      CsrfTokens.fromEncryptionKey(KEY).verify(
        token,
        'req-1',
        'user:user:default/alice',
      ),
    ).toBe(true);
  });

  it.each([
    ['another request', token, 'req-2', 'user:user:default/alice'],
    ['another principal', token, 'req-1', 'user:user:default/bob'],
    [
      'a changed token',
      `${token.slice(0, -2)}AA`,
      'req-1',
      'user:user:default/alice',
    ],
    [
      'a truncated token',
      token.slice(0, 10),
      'req-1',
      'user:user:default/alice',
    ],
    ['no token', undefined, 'req-1', 'user:user:default/alice'],
    ['a token sent twice', [token, token], 'req-1', 'user:user:default/alice'],
  ])('refuses %s', (_label, given, requestId, principal) => {
    expect(tokens.verify(given, requestId, principal)).toBe(false);
  });

  it('refuses a token made with another key', () => {
    const other = CsrfTokens.fromEncryptionKey(`${KEY}-other`);
    expect(tokens.verify(other.issue('req-1', 'p'), 'req-1', 'p')).toBe(false);
  });
});
