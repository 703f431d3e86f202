import { createPermission } from '@backstage/plugin-permission-common';
import { createPermissionResourceRef } from '@backstage/plugin-permission-node';
import type { ActionsServiceAction } from '@backstage/backend-plugin-api/alpha';
import { PLUGIN_ID } from '../pluginId';

/**
 * The resource type of MCP tools in Backstage's permission framework.
 *
 * @public
 */
export const MCP_TOOL_RESOURCE_TYPE = 'mcp-tool';

/**
 * What a policy's conditions are applied to: one tool as one server shows
 * it. Tools are actions, so they are described by their action.
 *
 * @public
 */
export interface McpToolResource {
  /** The action's id, `<pluginId>:<name>`. */
  actionId: string;
  /** The plugin that registered the action. */
  pluginId: string;
  attributes: ActionsServiceAction['attributes'];
  /** The key of the MCP server the tool is called through; `default` for the default server. */
  serverKey: string;
}

/**
 * Calling a tool through MCP (and seeing it in `tools/list`). A resource
 * permission: a policy may answer it with conditions on the tool, which
 * the plugin applies to every tool it would list or call.
 *
 * @public
 */
export const mcpToolInvokePermission = createPermission({
  name: 'mcp.tool.invoke',
  attributes: {},
  resourceType: MCP_TOOL_RESOURCE_TYPE,
});

/** Every permission this plugin registers. */
export const mcpActionsPermissions = [mcpToolInvokePermission];

/** Binds the resource type, its resource and this plugin together. */
export const mcpToolPermissionResourceRef = createPermissionResourceRef<
  McpToolResource,
  never
>().with({ pluginId: PLUGIN_ID, resourceType: MCP_TOOL_RESOURCE_TYPE });
