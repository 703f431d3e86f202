import {
  McpTestBackend,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

const TEMPLATE = 'backstage://catalog/{kind}/{namespace}/{name}';

/** An operator's prompt, as `mcpActions.prompts.custom` holds it. */
const SUMMARIZE = {
  name: 'summarize',
  title: 'Summarize an entity',
  description: 'Has the model summarize a catalog entity',
  arguments: [
    {
      name: 'entity',
      description: 'Entity ref',
      required: true,
      complete: 'entityRef',
    },
    { name: 'tone', description: 'How to sound' },
  ],
  messages: [
    { text: 'Summarize {{ entity }} in a {{tone}} tone.' },
    { role: 'assistant', text: 'Reading {{entity}} first.' },
  ],
};

/**
 * Which servers offer resources, prompts and completions, and what they
 * offer without a catalog: the test backend runs no catalog plugin (its
 * routes answer 404), as most backends in these tests do.
 */
describe('resources, prompts and completions per server, without a catalog', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: {
        mcpActions: {
          prompts: { custom: [SUMMARIZE] },
          servers: {
            tools: { name: 'Tools only' },
            context: {
              name: 'Context',
              resources: { kinds: ['Component', 'API'], pageSize: 10 },
              prompts: { templates: false },
            },
            limited: {
              name: 'Limited',
              prompts: true,
              rateLimit: { toolCalls: { limit: 2, window: '1m' } },
            },
          },
        },
      },
    });
  });
  afterAll(() => mcp?.stop());

  it('offers empty resources and only the operator prompts on the default server', async () => {
    const client = await mcp.connectV2('modern');
    expect(client.getServerCapabilities()).toMatchObject({
      resources: {},
      prompts: {},
      completions: {},
    });
    expect((await client.listResources()).resources).toEqual([]);
    expect((await client.listResourceTemplates()).resourceTemplates).toEqual([
      expect.objectContaining({ uriTemplate: TEMPLATE }),
    ]);
    expect((await client.listPrompts()).prompts).toEqual([
      {
        name: 'summarize',
        title: 'Summarize an entity',
        description: 'Has the model summarize a catalog entity',
        arguments: [
          { name: 'entity', description: 'Entity ref', required: true },
          { name: 'tone', description: 'How to sound', required: false },
        ],
      },
    ]);
    const uri = 'backstage://catalog/component/default/anything';
    await expect(client.readResource({ uri })).rejects.toMatchObject({
      code: -32602,
      data: { uri },
    });
    const { completion } = await client.complete({
      ref: { type: 'ref/prompt', name: 'summarize' },
      argument: { name: 'entity', value: 'a' },
    });
    expect(completion.values).toEqual([]);
  });

  it("gets an operator's prompt with its placeholders filled in", async () => {
    const client = await mcp.connect();
    const { messages } = await client.getPrompt({
      name: 'summarize',
      arguments: { entity: 'component:default/x', tone: 'dry' },
    });
    expect(messages).toEqual([
      {
        role: 'user',
        content: {
          type: 'text',
          text: 'Summarize component:default/x in a dry tone.',
        },
      },
      {
        role: 'assistant',
        content: { type: 'text', text: 'Reading component:default/x first.' },
      },
    ]);
    await expect(
      client.getPrompt({ name: 'summarize', arguments: { tone: 'dry' } }),
    ).rejects.toMatchObject({ code: -32602 });
    await expect(
      client.getPrompt({
        name: 'summarize',
        arguments: { entity: 'x', colour: 'red' },
      }),
    ).rejects.toMatchObject({ code: -32602 });
    await expect(client.getPrompt({ name: 'nope' })).rejects.toMatchObject({
      code: -32602,
    });
  });

  it('refuses cursors of lists served in one page', async () => {
    const client = await mcp.connect();
    await expect(
      client.listPrompts({ cursor: 'anything' }),
    ).rejects.toMatchObject({ code: -32602 });
    await expect(
      client.listResourceTemplates({ cursor: 'anything' }),
    ).rejects.toMatchObject({ code: -32602 });
  });

  it('offers nothing but tools on a server that does not ask for more', async () => {
    const client = await mcp.connect('/tools');
    expect(client.getServerCapabilities()).toEqual({
      tools: { listChanged: false },
    });
    await expect(client.listResources()).rejects.toMatchObject({
      code: -32601,
    });
    await expect(client.listPrompts()).rejects.toMatchObject({
      code: -32601,
    });
  });

  it("offers a server's own listing and the shared prompts where it asks for them", async () => {
    const client = await mcp.connectV2('legacy', '/context');
    expect(client.getServerCapabilities()).toMatchObject({
      resources: {},
      prompts: {},
      completions: {},
    });
    const [template] = (await client.listResourceTemplates()).resourceTemplates;
    expect(template.description).toContain('Kinds offered: component, api.');
    expect((await client.listPrompts()).prompts.map(p => p.name)).toEqual([
      'summarize',
    ]);
    // A kind outside the listing is not found, whether or not it exists.
    const uri = 'backstage://catalog/group/default/platform-team';
    await expect(client.readResource({ uri })).rejects.toMatchObject({
      code: -32602,
    });
  });

  it('counts completions against the tool-call rate limit, and answers none past it', async () => {
    const client = await mcp.connect('/limited');
    const complete = () =>
      client.complete({
        ref: { type: 'ref/prompt', name: 'summarize' },
        argument: { name: 'entity', value: '' },
      });
    expect((await complete())._meta).toBeUndefined();
    const call = await client.callTool({
      name: 'test-actions.whoami',
      arguments: {},
    });
    expect(call.isError).toBeFalsy();
    const refused = await complete();
    expect(refused.completion).toEqual({ values: [], hasMore: false });
    expect(refused._meta).toEqual({
      'backstage.io/rateLimit': {
        kind: 'toolCalls',
        limit: 2,
        windowSeconds: 60,
        retryAfterSeconds: expect.any(Number),
      },
    });
    const late = await client.callTool({
      name: 'test-actions.whoami',
      arguments: {},
    });
    expect(late.isError).toBe(true);
  });

  it('completes no variable of a template it does not offer', async () => {
    const client = await mcp.connect('/context');
    const { completion } = await client.complete({
      ref: { type: 'ref/resource', uri: 'test://other/{id}' },
      argument: { name: 'id', value: '' },
    });
    expect(completion).toEqual({ values: [], hasMore: false });
  });
});
