import authPlugin from '@backstage/plugin-auth-backend';
import guestProviderModule from '@backstage/plugin-auth-backend-module-guest-provider';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModelModule from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import permissionPlugin from '@backstage/plugin-permission-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import mcpActionsPlugin from '../src';
import { examplePolicyModule } from './examplePolicy';
import { createLocalPublishing } from './localPublishing';
import { localActionsPlugin } from './localActionsPlugin';
import { oauthConsentPage } from './oauthConsentPage';
import { createPortalActionsPlugins } from './portalActions';

/**
 * What the dev backend runs, shared with the tests that start it in-process:
 * the auth backend with guest sign-in (so a browser can sign in to the
 * secrets page, and MCP clients can get user tokens) with a page where a
 * person approves an OAuth client (used when `app.baseUrl` points at this
 * backend, as `npm run start:oauth` does), the catalog (which
 * learns the Template kind from the entity model module), the scaffolder
 * with a local stand-in for a git host, the `local` example plugin, and
 * this plugin; with `portal`, also the plugins of the realistic portal
 * (dev/portalActions, `npm run start:portal`); with `trust`, the permission
 * backend with the example policy (`npm run start:trust`). Imported
 * statically, since Jest can't follow a dynamic import().
 */
export function devBackendFeatures(
  options: { portal?: boolean; trust?: boolean } = {},
) {
  return [
    authPlugin,
    guestProviderModule,
    oauthConsentPage,
    catalogPlugin,
    scaffolderEntityModelModule,
    scaffolderPlugin,
    ...createLocalPublishing(),
    localActionsPlugin,
    mcpActionsPlugin,
    ...(options.portal ? createPortalActionsPlugins() : []),
    ...(options.trust ? [permissionPlugin, examplePolicyModule] : []),
  ];
}
