/*
 * Tools whose actions declare secrets, up to the page: what each client is
 * told, and that the secrets never enter a tool's input schema. The page
 * and the full round trip are tested with the page itself.
 */
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { actionsServiceMock } from '@backstage/backend-test-utils/alpha';
import { ConfigReader } from '@backstage/config';
import { readMcpActionsConfig } from './config/readMcpActionsConfig';
import { requireKeyForSecrets } from './secrets/requireKeyForSecrets';
import { modernRequest, postRpc } from './__testUtils__/jsonRpc';
import {
  McpTestBackend,
  USER_ALICE,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

const ALICE = mockCredentials.user.header(USER_ALICE);
const KEY = 'a-test-key-that-is-long-enough-0123456789';

/** A plugin with one action that needs a token from its user. */
const vaultPlugin = createBackendPlugin({
  pluginId: 'vault',
  register(env) {
    env.registerInit({
      deps: { registry: actionsRegistryServiceRef },
      async init({ registry }) {
        registry.register({
          name: 'rotate-token',
          title: 'Rotate token',
          description: 'Rotates a token; needs the current one',
          attributes: {
            readOnly: false,
            destructive: false,
            idempotent: false,
          },
          schema: {
            input: z => z.object({ service: z.string() }),
            secrets: z =>
              z.object({
                currentToken: z.string().describe('The token in use now'),
              }),
            output: z => z.object({ rotated: z.boolean() }),
          },
          action: async () => ({ output: { rotated: true } }),
        });
      },
    });
  },
});

const sources = {
  backend: {
    actions: { pluginSources: ['test-actions', 'vault'] },
    listen: { host: '127.0.0.1' },
  },
};
const call = { name: 'vault.rotate-token', arguments: { service: 'ci' } };

describe('tools whose actions declare secrets', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      features: [vaultPlugin],
      config: { ...sources, mcpActions: { secrets: { encryptionKey: KEY } } },
    });
  });
  afterAll(() => mcp?.stop());

  const post = (
    request: { body: string; headers: Record<string, string> },
    version?: string,
  ) =>
    postRpc(mcp.url().toString(), request.body, {
      Authorization: ALICE,
      ...request.headers,
      ...(version ? { 'MCP-Protocol-Version': version } : {}),
    });
  const legacyCall = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: call,
  });
  const pageUrl = expect.stringMatching(
    new RegExp(`^${mcp_base()}/api/mcp-actions/secrets/[A-Za-z0-9_-]{32,}$`),
  );
  function mcp_base() {
    return 'http://localhost:\\d+';
  }

  it('keeps the secret out of the tool input schema', async () => {
    const client = await mcp.connectV2('modern');
    const { tools } = await client.listTools();
    const tool = tools.find(t => t.name === 'vault.rotate-token')!;
    expect(Object.keys(tool.inputSchema.properties ?? {})).toEqual(['service']);
    expect(JSON.stringify(tool)).not.toContain('currentToken');
  });

  it('sends a 2026-07-28 client that can open URLs to the page, and runs nothing', async () => {
    const res = await post(
      modernRequest('tools/call', {
        ...call,
        _meta: {
          'io.modelcontextprotocol/clientCapabilities': {
            elicitation: { url: {} },
          },
        },
      }),
    );
    expect(res.body.result).toMatchObject({
      resultType: 'input_required',
      inputRequests: {
        secrets: {
          method: 'elicitation/create',
          params: { mode: 'url', url: pageUrl },
        },
      },
      requestState: expect.any(String),
    });
    expect(res.body.result.inputRequests.secrets.params.message).toMatch(
      /not in this conversation/,
    );
  });

  it('tells a 2026-07-28 client without URL elicitation which capability it lacks (-32021)', async () => {
    const res = await post(modernRequest('tools/call', call));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      id: 1,
      error: {
        code: -32021,
        data: { requiredCapabilities: { elicitation: { url: {} } } },
      },
    });
  });

  it('answers a 2025-11-25 client with -32042 and the page', async () => {
    const res = await post({ body: legacyCall, headers: {} }, '2025-11-25');
    expect(res.body).toMatchObject({
      id: 1,
      error: {
        code: -32042,
        data: {
          elicitations: [
            { mode: 'url', url: pageUrl, elicitationId: expect.any(String) },
          ],
        },
      },
    });
  });

  it('answers an older 2025 client with an isError result naming the page', async () => {
    const res = await post({ body: legacyCall, headers: {} }, '2025-06-18');
    expect(res.body.result).toMatchObject({ isError: true });
    expect(res.body.result.content[0].text).toMatch(
      /needs secrets from the user, which never go through the model\. Ask the user to open http:\/\/localhost:\d+\/api\/mcp-actions\/secrets\/\S+ in a browser/,
    );
  });
});

describe('an action source that declares secrets, without a key', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      features: [vaultPlugin],
      config: sources,
    });
  });
  afterAll(() => mcp?.stop());

  it('answers the tool with isError naming the key, and runs nothing', async () => {
    const client = await mcp.connectV2('modern', '', ALICE, {
      elicitation: { url: {} },
    });
    await expect(client.callTool(call)).resolves.toMatchObject({
      isError: true,
      content: [
        {
          text: expect.stringMatching(
            /mcpActions\.secrets\.encryptionKey is not set/,
          ),
        },
      ],
    });
  });

  it('has a start-up check that names the key and the actions', async () => {
    const actions = actionsServiceMock.mock({
      list: async () => ({
        actions: [
          {
            id: 'vault:rotate-token',
            pluginId: 'vault',
            name: 'rotate-token',
            title: 'Rotate token',
            description: '',
            schema: {
              input: { type: 'object' },
              output: { type: 'object' },
              secrets: { type: 'object' },
            },
            attributes: {
              readOnly: false,
              destructive: false,
              idempotent: false,
            },
          },
        ],
      }),
    });
    const config = readMcpActionsConfig(new ConfigReader({}));
    await expect(
      requireKeyForSecrets({ config, actions, auth: mockServices.auth() }),
    ).rejects.toThrow(
      'Missing required config value at \'mcpActions.secrets.encryptionKey\': the actions "vault:rotate-token" declare secrets',
    );
    const keyed = readMcpActionsConfig(
      new ConfigReader({ mcpActions: { secrets: { encryptionKey: KEY } } }),
    );
    await expect(
      requireKeyForSecrets({
        config: keyed,
        actions,
        auth: mockServices.auth(),
      }),
    ).resolves.toBeUndefined();
  });
});
