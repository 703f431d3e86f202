/**
 * A Backstage backend plugin that serves the actions of the Actions Registry
 * as MCP tools, over Streamable HTTP and the legacy SSE transport.
 *
 * @packageDocumentation
 */
export { mcpActionsPlugin as default } from './plugin';
export {
  MCP_TOOL_RESOURCE_TYPE,
  mcpToolInvokePermission,
  type McpToolResource,
} from './permissions/mcpToolPermissions';
export {
  createMcpToolConditionalDecision,
  mcpToolConditions,
} from './permissions/mcpToolConditions';
