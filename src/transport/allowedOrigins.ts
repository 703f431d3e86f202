import type { Config } from '@backstage/config';
import { Minimatch } from 'minimatch';

/** Whether a browser origin may reach the MCP endpoints. */
export type OriginMatcher = (origin: string) => boolean;

/**
 * Browsers send `Origin`; a page on another origin must not reach the MCP
 * endpoints (DNS rebinding). Allowed: the backend's and the app's own origins
 * and whatever `backend.cors.origin` allows (globs, as Backstage reads them).
 */
export function readAllowedOrigins(rootConfig: Config): OriginMatcher {
  const exact = new Set<string>();
  for (const key of ['backend.baseUrl', 'app.baseUrl']) {
    const url = rootConfig.getOptionalString(key);
    if (url) {
      try {
        for (const origin of withLoopbackAliases(new URL(url))) {
          exact.add(origin);
        }
      } catch {
        // Backstage itself reports a malformed base URL.
      }
    }
  }
  const cors = rootConfig.getOptional('backend.cors.origin');
  const globs = [cors]
    .flat()
    .filter((p): p is string => typeof p === 'string')
    .map(p => new Minimatch(p, { nocase: true, noglobstar: true }));
  return origin => exact.has(origin) || globs.some(glob => glob.match(origin));
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * A base URL on a loopback name stands for all of them: a page served from
 * http://127.0.0.1:7007 is the same machine and port as localhost:7007. (A
 * rebinding attack comes from a foreign name, never from these.)
 */
function withLoopbackAliases(url: URL): string[] {
  if (!LOOPBACK_HOSTS.includes(url.hostname)) {
    return [url.origin];
  }
  const port = url.port ? `:${url.port}` : '';
  return LOOPBACK_HOSTS.map(host => `${url.protocol}//${host}${port}`);
}
