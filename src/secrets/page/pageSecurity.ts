import type { Request, Response } from 'express';

/**
 * The policy of every response of the secrets page: nothing loads but our
 * own stylesheet and script, no inline code runs, forms post only to us,
 * nobody frames the page, and nothing is cached or leaks through a Referer.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function setPageHeaders(
  res: Response,
  options: { connectSrc?: string[] } = {},
) {
  // The sign-in page alone fetches: from the auth backend and our cookie endpoint.
  const csp = options.connectSrc?.length
    ? `${PAGE_CSP}; connect-src ${options.connectSrc.join(' ')}`
    : PAGE_CSP;
  res.setHeader('Content-Security-Policy', csp);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/**
 * Whether a form POST comes from a page of our own origin. Browsers send
 * `Sec-Fetch-Site` to secure origins (https, and localhost); where it is
 * missing, `Origin` must be ours. A page served with `no-referrer` makes the
 * browser send `Origin: null` on its form posts, so behind plain http on
 * another host than localhost a browser's POST is refused: serve Backstage
 * over https.
 */
export function isSameOriginPost(req: Request, ownOrigin: string): boolean {
  const site = req.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    return site === 'same-origin';
  }
  return req.headers.origin === ownOrigin;
}
