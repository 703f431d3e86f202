import { mockCredentials } from '@backstage/backend-test-utils';
import {
  CallToolResultSchema,
  ErrorCode,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import request from 'supertest';
import {
  McpTestBackend,
  USER_ALICE,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';
import { packageVersion } from './packageVersion';

describe('mcp-actions over Streamable HTTP', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: {
        mcpActions: {
          name: 'Test Portal',
          description: 'Widgets and who you are',
          instructions: 'Use whoami first.',
        },
      },
    });
  });
  afterAll(() => mcp?.stop());

  it('reports the configured identity on initialize', async () => {
    const client = await mcp.connect();
    expect(client.getServerVersion()).toEqual({
      name: 'Test Portal',
      version: packageVersion,
      description: 'Widgets and who you are',
    });
    expect(client.getInstructions()).toBe('Use whoami first.');
    // The default server offers catalog resources and prompts unless told
    // otherwise; without a catalog they are empty (catalogFeatures.test.ts).
    expect(client.getServerCapabilities()).toEqual({
      tools: { listChanged: false },
      resources: { subscribe: false, listChanged: false },
      prompts: { listChanged: false },
      completions: {},
    });
  });

  it('lists every action as a tool with schema and annotations', async () => {
    const client = await mcp.connect();
    const { tools } = await client.listTools();
    expect(tools.map(t => t.name).sort()).toEqual([
      'test-actions.crash',
      'test-actions.delete-widget',
      'test-actions.reject-input',
      'test-actions.sleep',
      'test-actions.whoami',
    ]);
    const whoami = tools.find(t => t.name === 'test-actions.whoami')!;
    expect(whoami).toMatchObject({
      title: 'Who am I',
      description: 'Returns the principal the action runs as',
      inputSchema: {
        type: 'object',
        properties: { note: { type: 'string' } },
      },
      outputSchema: {
        type: 'object',
        properties: { principal: { type: 'string' } },
        required: ['principal'],
      },
      // The client reads the top-level title (2025-06-18 and later), and
      // MCP's defaults go unsaid.
      annotations: {
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    });
    expect(whoami.annotations).not.toHaveProperty('title');
    expect(whoami.inputSchema).not.toHaveProperty('$schema');
    const del = tools.find(t => t.name === 'test-actions.delete-widget')!;
    // Not read-only, destructive, not idempotent: the defaults.
    expect(del.annotations).toEqual({ openWorldHint: false });
  });

  it('calls a tool as the caller and returns text and structured content', async () => {
    const client = await mcp.connect();
    const result = await client.callTool({
      name: 'test-actions.whoami',
      arguments: { note: 'hi' },
    });
    const expected = { principal: USER_ALICE, note: 'hi' };
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(expected);
    expect(result.content).toEqual([
      { type: 'text', text: JSON.stringify(expected) },
    ]);
  });

  it('runs the action as whichever principal calls', async () => {
    const client = await mcp.connect(
      '',
      mockCredentials.user.header('user:default/bob'),
    );
    const result = await client.callTool({ name: 'test-actions.whoami' });
    expect(result.structuredContent).toEqual({ principal: 'user:default/bob' });
  });

  it.each([
    ['missing', 'NotFoundError: Widget "missing" does not exist'],
    ['locked', 'NotAllowedError: Widget "locked" is locked'],
  ])('maps a %s widget to an isError result', async (id, text) => {
    const client = await mcp.connect();
    const result = await client.callTool({
      name: 'test-actions.delete-widget',
      arguments: { id },
    });
    expect(result).toEqual({
      isError: true,
      content: [{ type: 'text', text }],
    });
  });

  it.each([
    [
      'test-actions.reject-input',
      'InputError: the widget name must be lowercase',
    ],
    ['test-actions.crash', 'Error: the widget factory exploded'],
  ])('maps the failure of %s to an isError result', async (name, text) => {
    const client = await mcp.connect();
    const result = await client.callTool({ name, arguments: {} });
    expect(result).toEqual({
      isError: true,
      content: [{ type: 'text', text }],
    });
    expect(JSON.stringify(result)).not.toMatch(/\s+at\s+\S+\s+\(/); // no stack
  });

  it('names the field when arguments fail the schema', async () => {
    const client = await mcp.connect();
    const result = CallToolResultSchema.parse(
      await client.callTool({
        name: 'test-actions.delete-widget',
        arguments: { id: 42 },
      }),
    );
    expect(result.isError).toBe(true);
    const text = (result.content[0] as { text: string }).text;
    expect(text).toMatch(/^InputError: /);
    expect(text).toContain('id');
  });

  it('answers an unknown tool with an error naming it', async () => {
    const client = await mcp.connect();
    const call = client.callTool({ name: 'test-actions.nope', arguments: {} });
    await expect(call).rejects.toBeInstanceOf(McpError);
    await expect(call).rejects.toMatchObject({
      code: ErrorCode.InvalidParams,
      message: expect.stringContaining('Unknown tool "test-actions.nope"'),
    });
  });

  it('answers 401 with a challenge and a JSON-RPC body without credentials', async () => {
    const res = await request(mcp.baseUrl)
      .post('/api/mcp-actions/v1')
      .set('Accept', 'application/json, text/event-stream')
      .send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.body).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 } });
  });

  it('answers 401 for a token it cannot verify', async () => {
    const res = await request(mcp.baseUrl)
      .post('/api/mcp-actions/v1')
      .set('Authorization', 'Bearer not-a-real-token')
      .set('Accept', 'application/json, text/event-stream')
      .send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it.each(['get', 'delete'] as const)(
    'answers %s with 405 and Allow: POST',
    async method => {
      const res = await request(mcp.baseUrl)
        [method]('/api/mcp-actions/v1')
        .set('Authorization', mockCredentials.user.header(USER_ALICE));
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('POST');
      expect(res.body).toMatchObject({
        jsonrpc: '2.0',
        error: { code: -32000 },
      });
    },
  );
});
