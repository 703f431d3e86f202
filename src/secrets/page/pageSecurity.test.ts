import type { Request } from 'express';
import { describePrincipal } from './pageAccess';
import { isSameOriginPost } from './pageSecurity';

const ORIGIN = 'https://backstage.example.com';
const post = (headers: Record<string, string>) =>
  ({ headers }) as unknown as Request;

describe('isSameOriginPost', () => {
  it.each<[string, Record<string, string>, boolean]>([
    [
      'Sec-Fetch-Site same-origin (with the Origin: null of a no-referrer page)',
      { 'sec-fetch-site': 'same-origin', origin: 'null' },
      true,
    ],
    [
      'Sec-Fetch-Site cross-site, even with our Origin',
      { 'sec-fetch-site': 'cross-site', origin: ORIGIN },
      false,
    ],
    [
      'Sec-Fetch-Site same-site (a sibling subdomain)',
      { 'sec-fetch-site': 'same-site' },
      false,
    ],
    ['our Origin without Sec-Fetch-Site', { origin: ORIGIN }, true],
    ['a foreign Origin', { origin: 'https://evil.example.com' }, false],
    ['Origin: null without Sec-Fetch-Site', { origin: 'null' }, false],
    ['neither header', {}, false],
  ])('%s: %s', (_label, headers, expected) => {
    expect(isSameOriginPost(post(headers), ORIGIN)).toBe(expected);
  });
});

describe('describePrincipal', () => {
  it.each([
    ['user:user:default/alice', 'user:default/alice'],
    [
      'service:external:mcp-clients:{"permissionNames":["catalog:read"]}',
      'the service external:mcp-clients',
    ],
    ['service:plugin:catalog:null', 'the service plugin:catalog'],
    ['none', 'none'],
  ])('%s reads as %s', (principal, shown) => {
    expect(describePrincipal(principal)).toBe(shown);
  });
});
