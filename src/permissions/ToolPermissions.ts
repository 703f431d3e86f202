import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  createConditionAuthorizer,
  type PermissionRuleset,
} from '@backstage/plugin-permission-node';
import type { ToolEntry } from '../tools/ToolCatalog';
import { ALLOW_ALL, type ToolDecision } from '../tools/toolDecision';
import { serverKeyOf } from '../telemetry/metrics';
import {
  mcpToolInvokePermission,
  type McpToolResource,
} from './mcpToolPermissions';

const DENY_ALL: ToolDecision = { key: 'deny', allows: () => false };

/**
 * Asks the permission framework which tools a caller may call
 * (`mcp.tool.invoke`): one request per MCP request, answered at once,
 * without a round trip, when permissions are off or the caller is a
 * service; conditions are applied here, in memory, to each tool.
 */
export class ToolPermissions {
  readonly #permissions: PermissionsService;
  readonly #isAuthorized: (
    decision: PolicyDecision,
    resource: McpToolResource | undefined,
  ) => boolean;

  constructor(
    permissions: PermissionsService,
    ruleset: PermissionRuleset<McpToolResource>,
  ) {
    this.#permissions = permissions;
    this.#isAuthorized = createConditionAuthorizer(ruleset);
  }

  async decide(credentials: BackstageCredentials): Promise<ToolDecision> {
    const [decision] = await this.#permissions.authorizeConditional(
      [{ permission: mcpToolInvokePermission }],
      { credentials },
    );
    switch (decision.result) {
      case AuthorizeResult.ALLOW:
        return ALLOW_ALL;
      case AuthorizeResult.DENY:
        return DENY_ALL;
      default:
        return {
          key: `conditions:${JSON.stringify(decision.conditions)}`,
          allows: (entry, serverKey) =>
            this.#isAuthorized(decision, toolResourceOf(entry, serverKey)),
        };
    }
  }
}

export function toolResourceOf(
  entry: ToolEntry,
  serverKey: string | undefined,
): McpToolResource {
  const { action } = entry;
  return {
    actionId: action.id,
    pluginId: action.pluginId,
    attributes: action.attributes,
    serverKey: serverKeyOf(serverKey),
  };
}
