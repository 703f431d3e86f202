import type { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * Who a request comes from, as a string: users by entity ref, services by
 * subject and the access restrictions of their token (two static tokens
 * with different restrictions are different callers). Keys the action-list
 * cache, SSE session ownership, stored secrets and tasks.
 */
export function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    type: string;
    userEntityRef?: string;
    subject?: string;
    accessRestrictions?: unknown;
  };
  switch (principal.type) {
    case 'user':
      return `user:${principal.userEntityRef}`;
    case 'service':
      return `service:${principal.subject}:${JSON.stringify(
        principal.accessRestrictions ?? null,
      )}`;
    default:
      return principal.type;
  }
}
