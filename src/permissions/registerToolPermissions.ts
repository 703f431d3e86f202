import type {
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  mcpActionsPermissions,
  mcpToolPermissionResourceRef,
} from './mcpToolPermissions';
import { mcpToolRules } from './mcpToolRules';
import { ToolPermissions } from './ToolPermissions';

/**
 * Registers the `mcp-tool` resource type, its permission and its rules
 * with Backstage's permission framework (so policies and the permission
 * backend know them), and returns what decides each caller's tools.
 */
export function registerToolPermissions(options: {
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
}): ToolPermissions {
  const { permissions, permissionsRegistry } = options;
  permissionsRegistry.addResourceType({
    resourceRef: mcpToolPermissionResourceRef,
    permissions: mcpActionsPermissions,
    rules: Object.values(mcpToolRules),
  });
  return new ToolPermissions(
    permissions,
    permissionsRegistry.getPermissionRuleset(mcpToolPermissionResourceRef),
  );
}
