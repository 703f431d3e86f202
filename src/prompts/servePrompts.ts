import type { Server } from '@modelcontextprotocol/server';
import { requireCaller } from '../mcpServer/caller';
import { refuseCursor } from '../resources/listCursor';
import type { McpServerConfig } from '../tools/readToolsConfig';
import type { PromptsOffer } from './readPromptsConfig';
import type { ServerPrompts } from './ServerPrompts';

/**
 * Answers `prompts/list` (one page: a portal has tens of templates, not
 * thousands) and `prompts/get` on one SDK server, as the caller of each
 * request may see and run them.
 */
export function servePrompts(
  mcp: Server,
  prompts: ServerPrompts,
  server: McpServerConfig,
  offer: PromptsOffer,
): void {
  mcp.setRequestHandler('prompts/list', async (request, ctx) => {
    refuseCursor(request.params?.cursor);
    return {
      prompts: await prompts.list(
        requireCaller(ctx).credentials,
        server,
        offer,
      ),
    };
  });

  mcp.setRequestHandler('prompts/get', async (request, ctx) =>
    prompts.get(
      requireCaller(ctx).credentials,
      server,
      offer,
      request.params.name,
      request.params.arguments ?? {},
    ),
  );
}
