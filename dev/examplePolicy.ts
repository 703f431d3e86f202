import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
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
 * tools), and other users do not see experimental entities in the catalog
 * (so the guest does not see component:default/billing-service, in tools,
 * resources and completions alike); every other permission is allowed, as
 * without a policy.
 */
class ExamplePolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const platform = user?.info.ownershipEntityRefs.includes(PLATFORM_GROUP);
    if (
      isPermission(request.permission, mcpToolInvokePermission) &&
      !platform
    ) {
      return createMcpToolConditionalDecision(request.permission, {
        not: mcpToolConditions.hasAttribute({ attribute: 'destructive' }),
      });
    }
    if (
      isPermission(request.permission, catalogEntityReadPermission) &&
      user &&
      !platform
    ) {
      return createCatalogConditionalDecision(request.permission, {
        not: catalogConditions.hasSpec({
          key: 'lifecycle',
          value: 'experimental',
        }),
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
