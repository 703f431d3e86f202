import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  ResourceNotFoundError,
  type ListResourcesResult,
  type Server,
} from '@modelcontextprotocol/server';
import type { AppResources } from '../apps/AppResources';
import { clientDeclaresUi } from '../apps/appsSession';
import { requireCaller } from '../mcpServer/caller';
import type { Toolset } from '../tools/ToolCatalog';
import type { EntityResources } from './EntityResources';
import { refuseCursor } from './listCursor';
import type { EntityListing } from './readResourcesConfig';

/** What one server offers as resources; at least one of the two. */
export interface ServedResources {
  /** Catalog entities, as `listing` offers them. */
  entities?: { resources: EntityResources; listing: EntityListing };
  /** The shipped MCP Apps, configured with the caller's tools on the server. */
  apps?: {
    resources: AppResources;
    toolsetFor(credentials: BackstageCredentials): Promise<Toolset>;
  };
}

/**
 * Answers `resources/templates/list`, `resources/list` and `resources/read`
 * on one SDK server, as the caller of each request sees them. The apps'
 * `ui://` resources head the first page, for clients that declared the MCP
 * Apps extension only: others list what they listed before apps existed.
 */
export function serveResources(mcp: Server, served: ServedResources): void {
  const { entities, apps } = served;

  mcp.setRequestHandler('resources/templates/list', async request => {
    refuseCursor(request.params?.cursor);
    return {
      resourceTemplates: entities
        ? entities.resources.templates(entities.listing)
        : [],
    };
  });

  mcp.setRequestHandler('resources/list', async (request, ctx) => {
    const cursor = request.params?.cursor;
    let page: ListResourcesResult;
    if (entities) {
      page = await entities.resources.list(
        requireCaller(ctx).credentials,
        entities.listing,
        cursor,
      );
    } else {
      refuseCursor(cursor);
      page = { resources: [] };
    }
    if (
      apps &&
      cursor === undefined &&
      clientDeclaresUi(ctx, mcp, requireCaller(ctx).request.headers)
    ) {
      return {
        ...page,
        resources: [...apps.resources.list(), ...page.resources],
      };
    }
    return page;
  });

  mcp.setRequestHandler('resources/read', async (request, ctx) => {
    const { uri } = request.params;
    const { credentials } = requireCaller(ctx);
    if (apps?.resources.has(uri)) {
      return apps.resources.read(uri, await apps.toolsetFor(credentials));
    }
    if (!entities) {
      throw new ResourceNotFoundError(uri);
    }
    return entities.resources.read(credentials, entities.listing, uri);
  });
}
