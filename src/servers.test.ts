import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { McpError } from '@modelcontextprotocol/sdk/types.js';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { createTestActionsPlugin } from './__testUtils__/testActionsPlugin';
import {
  McpTestBackend,
  USER_ALICE,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';
import { PORTABLE_TOOL_NAME } from './tools/toolNames';

const LONG_NAME = `summarize-${'very-'.repeat(12)}long-report`;

/** A plugin whose action names are long, to test name shortening. */
const longNamesPlugin = createBackendPlugin({
  pluginId: 'reports',
  register(env) {
    env.registerInit({
      deps: { registry: actionsRegistryServiceRef },
      async init({ registry }) {
        registry.register({
          name: LONG_NAME,
          title: 'Summarize',
          description: 'Summarizes a report',
          attributes: { readOnly: true },
          schema: {
            input: z => z.object({}),
            output: z => z.object({ ok: z.boolean() }),
          },
          action: async () => ({ output: { ok: true } }),
        });
      },
    });
  },
});

const sources = ['test-actions', 'other-actions', 'reports'];
const features = [createTestActionsPlugin('other-actions'), longNamesPlugin];

function backendConfig(mcpActions: object) {
  return {
    backend: {
      actions: { pluginSources: sources },
      listen: { host: '127.0.0.1' },
    },
    mcpActions,
  };
}

describe('multiple servers and filters', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      features,
      config: backendConfig({
        servers: {
          widgets: {
            name: 'Widgets',
            description: 'Manage widgets',
            instructions: 'Careful with deletes.',
            filter: {
              include: [{ id: 'test-actions:*' }],
              exclude: [{ attributes: { destructive: true } }],
            },
          },
          'read-only': {
            name: 'Read only',
            filter: {
              include: [{ attributes: { readOnly: true, idempotent: true } }],
              exclude: [{ id: 'other-actions:*' }],
            },
          },
          getters: {
            name: 'Destructive ones',
            filter: { include: [{ id: '*:delete-*' }] },
          },
        },
      }),
    });
  });
  afterAll(() => mcp?.stop());

  const names = async (path: string) => {
    const client = await mcp.connect(path);
    return (await client.listTools()).tools.map(t => t.name).sort();
  };

  it('gives each server its own identity', async () => {
    const client = await mcp.connect('/widgets');
    expect(client.getServerVersion()).toMatchObject({
      name: 'Widgets',
      description: 'Manage widgets',
    });
    expect(client.getInstructions()).toBe('Careful with deletes.');
  });

  it('applies include globs, and exclude rules win', async () => {
    expect(await names('/widgets')).toEqual([
      'test-actions.crash',
      'test-actions.reject-input',
      'test-actions.sleep',
      'test-actions.whoami',
    ]);
  });

  it('matches every attribute a rule names', async () => {
    expect(await names('/read-only')).toEqual([
      'test-actions.sleep',
      'test-actions.whoami',
    ]);
  });

  it('matches globs across plugins', async () => {
    expect(await names('/getters')).toEqual([
      'other-actions.delete-widget',
      'test-actions.delete-widget',
    ]);
  });

  it('keeps serving everything at /v1 when servers are configured', async () => {
    expect(await names('')).toHaveLength(11);
  });

  it('refuses to call a tool outside the server filter', async () => {
    const client = await mcp.connect('/widgets');
    await expect(
      client.callTool({
        name: 'test-actions.delete-widget',
        arguments: { id: 'x' },
      }),
    ).rejects.toThrow(/Unknown tool "test-actions.delete-widget"/);
    const ok = await client.callTool({
      name: 'test-actions.whoami',
      arguments: {},
    });
    expect(ok.structuredContent).toEqual({ principal: USER_ALICE });
  });

  it('answers an unknown server key with 404 naming the configured ones', async () => {
    const res = await request(mcp.baseUrl)
      .post('/api/mcp-actions/v1/nope')
      .set('Authorization', mockCredentials.user.header(USER_ALICE))
      .set('Accept', 'application/json, text/event-stream')
      .send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      jsonrpc: '2.0',
      error: {
        code: -32000,
        message:
          'Unknown MCP server "nope"; configured servers: "widgets", "read-only", "getters"',
      },
    });
  });
});

describe('without the default server', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: backendConfig({
        defaultServer: false,
        servers: { widgets: { name: 'Widgets' } },
      }),
      features,
    });
  });
  afterAll(() => mcp?.stop());

  it('serves only the configured servers', async () => {
    const res = await request(mcp.baseUrl)
      .post('/api/mcp-actions/v1')
      .set('Authorization', mockCredentials.user.header(USER_ALICE))
      .set('Accept', 'application/json, text/event-stream')
      .send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(res.status).toBe(404);
    const client = await mcp.connect('/widgets');
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
  });
});

describe.each(['_', '__'])('with toolNameSeparator %j', separator => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: backendConfig({ toolNameSeparator: separator }),
      features,
    });
  });
  afterAll(() => mcp?.stop());

  it('gives every tool a name every client accepts', async () => {
    const client = await mcp.connect();
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(11);
    for (const tool of tools) {
      expect(tool.name).toMatch(PORTABLE_TOOL_NAME);
    }
    expect(tools.map(t => t.name)).toContain(`test-actions${separator}whoami`);
  });

  it('shortens a long name with a stable hash and still calls it', async () => {
    const client = await mcp.connect();
    const { tools } = await client.listTools();
    const long = tools.filter(t =>
      t.name.startsWith(`reports${separator}summarize`),
    );
    expect(long).toHaveLength(1);
    expect(long[0].name).toHaveLength(64);
    expect(long[0].name).toMatch(/_[0-9a-f]{8}$/);
    const result = await client.callTool({ name: long[0].name, arguments: {} });
    expect(result.structuredContent).toEqual({ ok: true });
  });

  it('still accepts the dotted names older clients cached', async () => {
    const client = await mcp.connect();
    const result = await client.callTool({
      name: 'test-actions.whoami',
      arguments: {},
    });
    expect(result.structuredContent).toEqual({ principal: USER_ALICE });
    const long = await client.callTool({
      name: `reports.${LONG_NAME}`,
      arguments: {},
    });
    expect(long.structuredContent).toEqual({ ok: true });
  });
});

describe('short tool names', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: backendConfig({ namespacedToolNames: false }),
      features,
    });
  });
  afterAll(() => mcp?.stop());

  it('uses bare names, and namespaced ones where two plugins collide', async () => {
    const client = await mcp.connect();
    const names = (await client.listTools()).tools.map(t => t.name).sort();
    expect(names).toEqual([
      'other-actions.crash',
      'other-actions.delete-widget',
      'other-actions.reject-input',
      'other-actions.sleep',
      'other-actions.whoami',
      LONG_NAME,
      'test-actions.crash',
      'test-actions.delete-widget',
      'test-actions.reject-input',
      'test-actions.sleep',
      'test-actions.whoami',
    ]);
    const result = await client.callTool({ name: LONG_NAME, arguments: {} });
    expect(result.structuredContent).toEqual({ ok: true });
  });

  it('calls each of two colliding actions under its own name', async () => {
    const client = await mcp.connect();
    const a = await client.callTool({
      name: 'test-actions.delete-widget',
      arguments: { id: 'a' },
    });
    const b = await client.callTool({
      name: 'other-actions.delete-widget',
      arguments: { id: 'b' },
    });
    expect([a.structuredContent, b.structuredContent]).toEqual([
      { deleted: 'a' },
      { deleted: 'b' },
    ]);
    await expect(
      client.callTool({ name: 'delete-widget', arguments: { id: 'c' } }),
    ).rejects.toBeInstanceOf(McpError);
  });
});
