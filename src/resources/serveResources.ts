import type { Server } from '@modelcontextprotocol/server';
import { requireCaller } from '../mcpServer/caller';
import type { EntityResources } from './EntityResources';
import { refuseCursor } from './listCursor';
import type { EntityListing } from './readResourcesConfig';

/**
 * Answers `resources/templates/list`, `resources/list` and `resources/read`
 * on one SDK server with the entities `listing` offers, as the caller of
 * each request sees them.
 */
export function serveResources(
  mcp: Server,
  resources: EntityResources,
  listing: EntityListing,
): void {
  mcp.setRequestHandler('resources/templates/list', async request => {
    refuseCursor(request.params?.cursor);
    return { resourceTemplates: resources.templates(listing) };
  });

  mcp.setRequestHandler('resources/list', async (request, ctx) =>
    resources.list(
      requireCaller(ctx).credentials,
      listing,
      request.params?.cursor,
    ),
  );

  mcp.setRequestHandler('resources/read', async (request, ctx) =>
    resources.read(requireCaller(ctx).credentials, listing, request.params.uri),
  );
}
