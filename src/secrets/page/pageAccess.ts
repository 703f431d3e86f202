import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { Request } from 'express';
import { principalKey } from '../../mcpServer/principalKey';
import type { SecretRequest, SecretStore } from '../../stores/types';

/** Request ids are 256 random bits in base64url; anything else is unknown. */
const REQUEST_ID = /^[A-Za-z0-9_-]{16,128}$/;

/** Who may see and complete a secrets request, decided per HTTP request. */
export type PageAccess =
  /** Unknown or expired: the client must call the tool again. */
  | { kind: 'not-found' }
  /** A user's request, and no user is signed in to this plugin. */
  | { kind: 'sign-in' }
  /** A user's request, and another user is signed in. */
  | { kind: 'forbidden' }
  | { kind: 'allowed'; request: SecretRequest };

/**
 * The rule of the secrets page:
 *
 * - A request made by a user (`user:...`) is for that user only: the page
 *   wants them signed in to this plugin (Backstage's user cookie, or a user
 *   token), and anyone else gets `forbidden`.
 * - A request made by a service (a static token) has no browser identity to
 *   match: the link itself is the capability. It is unguessable (256 bits),
 *   handed only to the caller that made the call, valid for
 *   `secrets.requestTtl`, completes once, and plants secrets only for that
 *   caller and that action.
 */
export async function resolvePageAccess(
  req: Request,
  options: { store: SecretStore; httpAuth: HttpAuthService },
): Promise<PageAccess> {
  const { requestId } = req.params;
  if (!REQUEST_ID.test(requestId ?? '')) {
    return { kind: 'not-found' };
  }
  const request = await options.store.getRequest(requestId);
  if (!request) {
    return { kind: 'not-found' };
  }
  if (!request.principal.startsWith('user:')) {
    return { kind: 'allowed', request };
  }
  let viewer: string | undefined;
  try {
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user', 'service', 'none'],
      allowLimitedAccess: true,
    });
    viewer =
      credentials.principal.type === 'user'
        ? principalKey(credentials)
        : undefined;
  } catch {
    viewer = undefined; // an expired or foreign cookie: sign in again
  }
  if (!viewer) {
    return { kind: 'sign-in' };
  }
  return viewer === request.principal
    ? { kind: 'allowed', request }
    : { kind: 'forbidden' };
}

/** A principal key as the page shows it: the user's ref, or the service. */
export function describePrincipal(principal: string): string {
  if (principal.startsWith('user:')) {
    return principal.slice('user:'.length);
  }
  const service = /^service:(.*?):(?:null|[[{].*)$/s.exec(principal);
  return service ? `the service ${service[1]}` : principal;
}
