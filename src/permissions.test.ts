import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
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
import permissionPlugin from '@backstage/plugin-permission-backend';
import { createCountingActionsPlugin } from './__testUtils__/countingActionsPlugin';
import { delegatingMockAuthFactory } from './__testUtils__/delegatingMockAuth';
import {
  startMcpBackend,
  type McpTestBackend,
} from './__testUtils__/startMcpBackend';
import {
  createMcpToolConditionalDecision,
  mcpToolConditions,
  mcpToolInvokePermission,
} from './index';

const user = (name: string) => `user:default/${name}`;

/**
 * An operator's policy, as one would write it: everyone may use every
 * tool, but mallory no destructive ones, eve none at all, oscar only those
 * of the `ops` server, and ivan the `whoami` action and the `limit-probe`
 * plugin's tools.
 */
class TestPolicy implements PermissionPolicy {
  async handle(
    request: PolicyQuery,
    caller?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (!isPermission(request.permission, mcpToolInvokePermission)) {
      return { result: AuthorizeResult.ALLOW };
    }
    switch (caller?.info.userEntityRef) {
      case user('mallory'):
        return createMcpToolConditionalDecision(request.permission, {
          not: mcpToolConditions.hasAttribute({ attribute: 'destructive' }),
        });
      case user('eve'):
        return { result: AuthorizeResult.DENY };
      case user('oscar'):
        return createMcpToolConditionalDecision(
          request.permission,
          mcpToolConditions.isOnServer({ serverKey: 'ops' }),
        );
      case user('ivan'):
        return createMcpToolConditionalDecision(request.permission, {
          anyOf: [
            mcpToolConditions.hasActionId({ actionId: 'test-actions:who*' }),
            mcpToolConditions.isFromPlugin({ pluginId: 'limit-probe' }),
          ],
        });
      default:
        return { result: AuthorizeResult.ALLOW };
    }
  }
}

const testPolicyModule = createBackendModule({
  pluginId: 'permission',
  moduleId: 'mcp-test-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy(new TestPolicy());
      },
    });
  },
});

type ListedTools = { tools: Array<{ name: string }> };

const namesOf = (listed: ListedTools) => listed.tools.map(t => t.name).sort();

describe.each([
  ['with the fast lane', true],
  ['without the fast lane', false],
])('the mcp.tool.invoke permission, %s', (_label, fastLane) => {
  const runs = new Map<string, number>();
  const auditor = mockServices.auditor.mock();
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: {
        backend: {
          actions: { pluginSources: ['test-actions', 'limit-probe'] },
          listen: { host: '127.0.0.1' },
        },
        permission: { enabled: true },
        mcpActions: { fastLane, servers: { ops: { name: 'Ops' } } },
      },
      features: [
        permissionPlugin,
        testPolicyModule,
        delegatingMockAuthFactory,
        createCountingActionsPlugin(runs),
        auditor.factory,
      ],
    });
  });

  afterAll(async () => {
    await mcp?.stop();
  });

  it('hides destructive tools from a user the policy denies them, on both eras, while others keep them', async () => {
    const allTools = [
      'limit-probe.count',
      'limit-probe.remove',
      'test-actions.crash',
      'test-actions.delete-widget',
      'test-actions.reject-input',
      'test-actions.sleep',
      'test-actions.whoami',
    ];
    const readOnlyTools = allTools.filter(
      name =>
        !['limit-probe.remove', 'test-actions.delete-widget'].includes(name),
    );
    // Alternate callers on the same lanes: a list kept for one must never
    // be served to the other.
    for (const mode of ['modern', 'legacy'] as const) {
      const alice = await mcp.connectV2(
        mode,
        '',
        mockCredentials.user.header(user('alice')),
      );
      const mallory = await mcp.connectV2(
        mode,
        '',
        mockCredentials.user.header(user('mallory')),
      );
      expect(namesOf(await alice.listTools())).toEqual(allTools);
      expect(namesOf(await mallory.listTools())).toEqual(readOnlyTools);
      expect(namesOf(await alice.listTools())).toEqual(allTools);
      expect(namesOf(await mallory.listTools())).toEqual(readOnlyTools);
    }
  });

  it('refuses a denied call as an unknown tool, runs nothing, and audits the denial', async () => {
    const mallory = await mcp.connectV2(
      'modern',
      '',
      mockCredentials.user.header(user('mallory')),
    );
    await expect(
      mallory.callTool({ name: 'limit-probe.remove', arguments: {} }),
    ).rejects.toThrow(/Unknown tool "limit-probe\.remove"/);
    expect(runs.get(`remove:${user('mallory')}`)).toBeUndefined();
    // What the policy allows still runs.
    const counted = await mallory.callTool({
      name: 'limit-probe.count',
      arguments: {},
    });
    expect(counted.isError).toBeFalsy();
    expect(runs.get(`count:${user('mallory')}`)).toBe(1);

    const alice = await mcp.connectV2(
      'modern',
      '',
      mockCredentials.user.header(user('alice')),
    );
    const removed = await alice.callTool({
      name: 'limit-probe.remove',
      arguments: {},
    });
    expect(removed.isError).toBeFalsy();
    expect(runs.get(`remove:${user('alice')}`)).toBe(1);

    const denials = auditor.createEvent.mock.calls.filter(
      ([event]) =>
        event.eventId === 'tool-execution' &&
        event.meta?.refusedBy === 'permission',
    );
    expect(denials.map(([event]) => event.meta?.tool)).toEqual([
      'limit-probe.remove',
    ]);
  });

  it('shows nothing to a user denied every tool, and an unknown tool reads the same as a denied one', async () => {
    const eve = await mcp.connectV2(
      'modern',
      '',
      mockCredentials.user.header(user('eve')),
    );
    expect((await eve.listTools()).tools).toEqual([]);
    const denied = await eve
      .callTool({ name: 'test-actions.whoami', arguments: {} })
      .catch((error: Error) => error.message);
    const unknown = await eve
      .callTool({ name: 'test-actions.nothing-here', arguments: {} })
      .catch((error: Error) => error.message);
    expect(denied).toMatch(/Unknown tool "test-actions\.whoami"/);
    expect(unknown).toMatch(/Unknown tool "test-actions\.nothing-here"/);
    expect(String(denied).replace('whoami', 'X')).toBe(
      String(unknown).replace('nothing-here', 'X'),
    );
  });

  it('applies conditions on the server, the action id and the plugin', async () => {
    const oscar = mockCredentials.user.header(user('oscar'));
    const onDefault = await mcp.connectV2('modern', '', oscar);
    const onOps = await mcp.connectV2('modern', '/ops', oscar);
    expect((await onDefault.listTools()).tools).toEqual([]);
    expect(namesOf(await onOps.listTools())).toContain('test-actions.whoami');

    const ivan = await mcp.connectV2(
      'modern',
      '',
      mockCredentials.user.header(user('ivan')),
    );
    expect(namesOf(await ivan.listTools())).toEqual([
      'limit-probe.count',
      'limit-probe.remove',
      'test-actions.whoami',
    ]);
  });

  it('lets a service principal call what its token allows, as Backstage does for service calls', async () => {
    const service = await mcp.connectV2(
      'modern',
      '',
      mockCredentials.service.header(),
    );
    expect(namesOf(await service.listTools())).toContain('limit-probe.remove');
  });
});

describe('the mcp.tool.invoke permission for static tokens', () => {
  const ALLOWED = 'static-token-allowed-123';
  const RESTRICTED = 'static-token-restricted-123';
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      realAuth: true,
      features: [authServiceFactory, httpAuthServiceFactory],
      config: {
        backend: {
          actions: { pluginSources: ['test-actions'] },
          listen: { host: '127.0.0.1' },
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: ALLOWED, subject: 'allowed' },
                accessRestrictions: [
                  { plugin: 'mcp-actions', permission: 'mcp.tool.invoke' },
                  { plugin: 'test-actions' },
                ],
              },
              {
                type: 'static',
                options: { token: RESTRICTED, subject: 'restricted' },
                accessRestrictions: [
                  { plugin: 'mcp-actions', permission: 'catalog.entity.read' },
                  { plugin: 'test-actions' },
                ],
              },
            ],
          },
        },
      },
    });
  });

  afterAll(async () => {
    await mcp?.stop();
  });

  it('gives a token whose restrictions name the permission its tools, and one whose restrictions leave it out none', async () => {
    const allowed = await mcp.connectV2('modern', '', `Bearer ${ALLOWED}`);
    expect(namesOf(await allowed.listTools())).toContain('test-actions.whoami');
    const restricted = await mcp.connectV2(
      'modern',
      '',
      `Bearer ${RESTRICTED}`,
    );
    expect((await restricted.listTools()).tools).toEqual([]);
    await expect(
      restricted.callTool({ name: 'test-actions.whoami', arguments: {} }),
    ).rejects.toThrow(/Unknown tool "test-actions\.whoami"/);
  });
});
