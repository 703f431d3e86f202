import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  isPermission,
  type PolicyDecision,
} from '@backstage/plugin-permission-common';
import type {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import {
  createMcpToolConditionalDecision,
  mcpToolConditions,
  mcpToolInvokePermission,
} from '../src';

/** Members of this group may use destructive tools through MCP. */
const PLATFORM_GROUP = 'group:default/platform';

/**
 * The example policy of `npm run start:trust`: agents acting for a user may
 * use destructive tools only when that user belongs to group:default/platform
 * (the guest user does not, so the guest sees read-only and other safe
 * tools); every other permission is allowed, as without a policy.
 */
class ExamplePolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (
      isPermission(request.permission, mcpToolInvokePermission) &&
      !user?.info.ownershipEntityRefs.includes(PLATFORM_GROUP)
    ) {
      return createMcpToolConditionalDecision(request.permission, {
        not: mcpToolConditions.hasAttribute({ attribute: 'destructive' }),
      });
    }
    return { result: AuthorizeResult.ALLOW };
  }
}

export const examplePolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'mcp-example-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new ExamplePolicy());
      },
    });
  },
});
