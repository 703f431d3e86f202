/**
 * A Backstage backend plugin that serves the actions of the Actions Registry
 * as MCP tools, over Streamable HTTP and the legacy SSE transport.
 *
 * @packageDocumentation
 */
export { mcpActionsPlugin as default } from './plugin';
