import { deriveSubKey } from './subKeys';

const KEY = 'a passphrase every replica is given';

describe('deriveSubKey', () => {
  it('derives the same 32-byte key from the same config on every replica', () => {
    const first = deriveSubKey(KEY, 'secrets-page-csrf');
    expect(first).toHaveLength(32);
    expect(deriveSubKey(KEY, 'secrets-page-csrf').equals(first)).toBe(true);
  });

  it('gives each purpose and each configured key a key of its own', () => {
    const csrf = deriveSubKey(KEY, 'secrets-page-csrf');
    const state = deriveSubKey(KEY, 'tool-call-request-state');
    const otherConfig = deriveSubKey(`${KEY}!`, 'secrets-page-csrf');
    expect(csrf.equals(state)).toBe(false);
    expect(csrf.equals(otherConfig)).toBe(false);
    // Neither is the configured key itself.
    expect(csrf.equals(Buffer.from(KEY).subarray(0, 32))).toBe(false);
  });
});
