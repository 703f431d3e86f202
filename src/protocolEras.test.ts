/*
 * Both protocol eras from one endpoint, with real SDK clients over HTTP:
 * the v2 client pinned to 2026-07-28, negotiating (auto) and on the 2025
 * handshake; the v1 client over Streamable HTTP and legacy SSE.
 */
import { metricsServiceFactory } from '@backstage/backend-defaults/alpha';
import { mockCredentials } from '@backstage/backend-test-utils';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { modernRequest, postRpc } from './__testUtils__/jsonRpc';
import { countPoints, installTestMeter } from './__testUtils__/otel';
import {
  McpTestBackend,
  USER_ALICE,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

const meter = installTestMeter();
const execFileAsync = promisify(execFile);
const ALICE = mockCredentials.user.header(USER_ALICE);
const TOOL_NAMES = [
  'test-actions.crash',
  'test-actions.delete-widget',
  'test-actions.reject-input',
  'test-actions.sleep',
  'test-actions.whoami',
];

/** The same checks for every client: what each era must serve alike. */
interface AnyClient {
  listTools(): Promise<{ tools: Array<{ name: string }> }>;
  callTool(params: {
    name: string;
    arguments?: Record<string, unknown>;
  }): Promise<any>;
}

describe('both protocol eras', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      features: [metricsServiceFactory],
      config: { mcpActions: { cache: { ttl: 45_000 } } },
    });
  });
  afterAll(async () => {
    await mcp?.stop();
    meter.uninstall();
  });

  it.each([
    [
      'SDK v2 pinned to 2026-07-28',
      '2026-07-28',
      () => mcp.connectV2('modern'),
    ],
    ['SDK v2 negotiating', '2026-07-28', () => mcp.connectV2('auto')],
    [
      'SDK v2 on the 2025 handshake',
      '2025-11-25',
      () => mcp.connectV2('legacy'),
    ],
  ] as const)(
    '%s connects on %s and lists, calls, reports errors',
    async (_, era, connect) => {
      const client = await connect();
      expect(client.getNegotiatedProtocolVersion()).toBe(era);
      await expectTheSameTools(client);
    },
  );

  // The assertions are in expectTheSameTools, shared by every client.
  // eslint-disable-next-line jest/expect-expect
  it.each([
    ['SDK v1 over Streamable HTTP', () => mcp.connect()],
    ['SDK v1 over legacy SSE', () => mcp.connectSse()],
  ] as const)('%s lists, calls, reports errors', async (_, connect) => {
    await expectTheSameTools(await connect());
  });

  async function expectTheSameTools(client: AnyClient) {
    const { tools } = await client.listTools();
    // In name order, whatever order the actions were registered in.
    expect(tools.map(t => t.name)).toEqual(TOOL_NAMES);

    const ok = await client.callTool({
      name: 'test-actions.whoami',
      arguments: {},
    });
    expect(ok.structuredContent).toEqual({ principal: USER_ALICE });

    const failed = await client.callTool({
      name: 'test-actions.reject-input',
      arguments: {},
    });
    expect(failed).toMatchObject({
      isError: true,
      content: [
        { type: 'text', text: 'InputError: the widget name must be lowercase' },
      ],
    });

    const invalid = await client.callTool({
      name: 'test-actions.sleep',
      arguments: { ms: 'soon' },
    });
    expect(invalid.isError).toBe(true);
    expect(invalid.content[0].text).toMatch(/^InputError: .*"ms"/s);

    await expect(
      client.callTool({ name: 'test-actions.nope', arguments: {} }),
    ).rejects.toThrow(/Unknown tool "test-actions.nope"/);
  }

  it('answers server/discover with the revision, the capabilities and the server', async () => {
    const r = modernRequest('server/discover');
    const res = await postRpc(mcp.url().toString(), r.body, {
      Authorization: ALICE,
      ...r.headers,
    });
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({
      supportedVersions: ['2026-07-28'],
      capabilities: { tools: {} },
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'backstage' } },
    });
  });

  it('marks tools/list as privately cacheable for as long as the list cache keeps it', async () => {
    const r = modernRequest('tools/list');
    const first = await postRpc(mcp.url().toString(), r.body, {
      Authorization: ALICE,
      ...r.headers,
    });
    expect(first.body.result).toMatchObject({
      ttlMs: 45_000,
      cacheScope: 'private',
    });
    const second = await postRpc(mcp.url().toString(), r.body, {
      Authorization: ALICE,
      ...r.headers,
    });
    expect(second.body.result.tools).toEqual(first.body.result.tools);
  });

  it('records the era of each operation in mcp.protocol.version', async () => {
    const modern = await mcp.connectV2('modern');
    await modern.listTools();
    const legacy = await mcp.connect();
    await legacy.listTools();
    const points = await meter.histogram('mcp.server.operation.duration');
    expect(
      countPoints(points, {
        'mcp.method.name': 'tools/list',
        'mcp.protocol.version': '2026-07-28',
      }),
    ).toBeGreaterThan(0);
    expect(
      countPoints(points, {
        'mcp.method.name': 'tools/list',
        'mcp.protocol.version': '2025-11-25',
      }),
    ).toBeGreaterThan(0);
  });

  it('keeps a legacy SSE session on the 2025 era: server/discover is not a method there', async () => {
    const client = await mcp.connectSse();
    await expect(
      client.request(
        { method: 'server/discover', params: {} } as any,
        {} as any,
      ),
    ).rejects.toThrow();
    expect(client.getServerVersion()?.name).toBe('backstage');
  });
});

describe('a negotiating client outside the MCP SDK', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend();
  });
  afterAll(() => mcp?.stop());

  it('@ai-sdk/mcp probes server/discover and ends up on 2026-07-28', async () => {
    const { stdout } = await execFileAsync(
      process.execPath,
      [
        path.join(__dirname, '__testUtils__', 'aiSdkProbe.mjs'),
        mcp.url().toString(),
        ALICE,
        'test-actions.whoami',
        '{}',
      ],
      { env: { ...process.env, NODE_OPTIONS: '' } },
    );
    const probe = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(probe).toMatchObject({
      protocolVersion: '2026-07-28',
      tools: TOOL_NAMES,
      result: { structuredContent: { principal: USER_ALICE } },
    });
  });
});
