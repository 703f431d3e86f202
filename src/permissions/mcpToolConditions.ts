import { createConditionExports } from '@backstage/plugin-permission-node';
import { mcpToolPermissionResourceRef } from './mcpToolPermissions';
import { mcpToolRules } from './mcpToolRules';

const exported = createConditionExports({
  resourceRef: mcpToolPermissionResourceRef,
  rules: mcpToolRules,
});

/**
 * Conditions on MCP tools for permission policies: `hasActionId`,
 * `isFromPlugin`, `hasAttribute` and `isOnServer`.
 *
 * @public
 */
export const mcpToolConditions = exported.conditions;

/**
 * Builds a conditional decision on `mcp.tool.invoke` for a policy.
 *
 * @public
 */
export const createMcpToolConditionalDecision =
  exported.createConditionalDecision;
