import type {
  BackstageCredentials,
  DiscoveryService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { NextFunction, Request, Response } from 'express';
import { sendJsonRpcError } from './jsonRpcErrors';
import {
  endpointPathOf,
  resourceMetadataUrl,
  resourceUrl,
} from './endpointUrls';

const CREDENTIALS = Symbol('mcp-actions credentials');

export interface RequireCredentialsOptions {
  httpAuth: HttpAuthService;
  discovery: DiscoveryService;
  pluginId: string;
  /** Whether to point clients at the protected resource metadata. */
  oauthEnabled: boolean;
}

/**
 * Mounted at `/v1`. Lets only users and services through, and answers everyone else the way an
 * MCP client expects: 401 with a JSON-RPC body and a `WWW-Authenticate`
 * challenge that, with OAuth on, names the resource metadata. (Backstage's
 * own barrier answers 401 without a challenge, so these routes are opened to
 * unauthenticated requests in the plugin and guarded here instead.)
 */
export function requireCredentials(options: RequireCredentialsOptions) {
  const { httpAuth, discovery, pluginId, oauthEnabled } = options;
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      // Only who the caller is can be checked, not whom a user token was
      // issued to: the auth backend gives OAuth clients the same token as
      // the app's own sign-in (`aud: "backstage"`, no client or resource
      // claim), so both pass here. README, "What a token proves".
      const credentials = await httpAuth.credentials(req, {
        allow: ['user', 'service'],
      });
      res.locals[CREDENTIALS as any] = credentials;
      next();
    } catch (error) {
      if (error instanceof NotAllowedError) {
        sendJsonRpcError(res, 403, `Forbidden: ${error.message}`);
        return;
      }
      let challenge = 'Bearer';
      if (oauthEnabled) {
        const base = await discovery.getExternalBaseUrl(pluginId);
        const resource = resourceUrl(base, endpointPathOf(req.path));
        challenge = `Bearer resource_metadata="${resourceMetadataUrl(resource)}"`;
      }
      sendJsonRpcError(
        res,
        401,
        'Unauthorized: send valid Backstage credentials as "Authorization: Bearer <token>"',
        { headers: { 'WWW-Authenticate': challenge } },
      );
    }
  };
}

/** The credentials `requireCredentials` accepted for this request. */
export function requestCredentials(res: Response): BackstageCredentials {
  const credentials = res.locals[CREDENTIALS as any];
  if (!credentials) {
    throw new Error('requireCredentials must run before MCP routes');
  }
  return credentials;
}
