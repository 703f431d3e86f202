import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { CompleteResult, Server } from '@modelcontextprotocol/server';
import { requireCaller } from '../mcpServer/caller';
import type { PromptsOffer } from '../prompts/readPromptsConfig';
import type { ServerPrompts } from '../prompts/ServerPrompts';
import type { RateLimitRefusal } from '../rateLimits/RateLimitCheck';
import { ENTITY_URI_TEMPLATE } from '../resources/entityUri';
import type { EntityListing } from '../resources/readResourcesConfig';
import type { McpServerConfig } from '../tools/readToolsConfig';
import type { CatalogCompletions, CompletionScope } from './CatalogCompletions';
import type { CompletionSource } from './CompletionSource';

/** Where the variables of the entity resource template complete from. */
const URI_VARIABLES = new Map<string, CompletionSource>([
  ['kind', { from: 'kind' }],
  ['namespace', { from: 'namespace' }],
  ['name', { from: 'name' }],
]);

const NOTHING: CompleteResult = { completion: { values: [], hasMore: false } };

export interface ServeCompletionsOptions {
  completions: CatalogCompletions;
  server: McpServerConfig;
  /** The server's resource listing, for the template's variables. */
  listing?: EntityListing;
  /** The server's prompts, for their arguments. */
  prompts?: { prompts: ServerPrompts; offer: PromptsOffer };
  /** Counts the request against the caller's rate limit, if any. */
  limit?: (
    server: McpServerConfig,
    credentials: BackstageCredentials,
  ) => Promise<RateLimitRefusal | undefined>;
}

/**
 * Answers `completion/complete` for the arguments of the server's prompts
 * and the variables of its resource template. A reference the caller does
 * not know of (another prompt, another template, an argument that
 * completes from nothing) gets no values rather than an error: completion
 * only suggests, and an empty answer does not tell whether a prompt
 * exists that the caller may not see. Each request counts against the
 * caller's tool-call rate limit; over it, the answer is empty too, with
 * the reason in `_meta` as a refused tool call has it.
 */
export function serveCompletions(
  mcp: Server,
  options: ServeCompletionsOptions,
): void {
  const { completions, server, listing, prompts, limit } = options;
  mcp.setRequestHandler('completion/complete', async (request, ctx) => {
    const { credentials } = requireCaller(ctx);
    const refused = await limit?.(server, credentials);
    if (refused) {
      return { ...NOTHING, _meta: refused.meta };
    }
    const { ref, argument, context } = request.params;
    let source: CompletionSource | undefined;
    let scope: CompletionScope = { context: context?.arguments };
    if (ref.type === 'ref/resource') {
      if (listing && ref.uri === ENTITY_URI_TEMPLATE) {
        source = URI_VARIABLES.get(argument.name);
        scope = { ...scope, listing, forUri: true };
      }
    } else if (prompts) {
      source = await prompts.prompts.completionOf(
        credentials,
        server,
        prompts.offer,
        ref.name,
        argument.name,
      );
    }
    if (!source) {
      return NOTHING;
    }
    return {
      completion: await completions.complete(
        credentials,
        source,
        argument.value,
        scope,
      ),
    };
  });
}
