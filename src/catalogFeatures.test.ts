import {
  Client as ClientV2,
  StreamableHTTPClientTransport as StreamableHTTPClientTransportV2,
} from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { DEV_MCP_TOKEN } from '../dev/devToken';
import { DevBackend, startDevBackend } from './__testUtils__/startDevBackend';
import { modernRpc } from './__testUtils__/taskClients';

jest.setTimeout(90_000);

const AUTHORIZATION = `Bearer ${DEV_MCP_TOKEN}`;

/** What the dev catalog (dev/catalog.yaml, dev/templates) lists, by name. */
const DEV_ENTITIES = [
  'user:default/alice',
  'component:default/billing-service',
  'system:default/developer-portal',
  'template:default/example-service',
  'template:default/log-and-wait',
  'group:default/platform-team',
  'component:default/portal-backend',
  'component:default/portal-frontend',
];

interface Listed {
  resources: Array<{ uri: string; name: string; title?: string }>;
  nextCursor?: string;
}

/** What the tests use of either SDK's client; both have these methods. */
interface ContextClient {
  listResources(params?: { cursor?: string }): Promise<Listed>;
  listResourceTemplates(): Promise<{
    resourceTemplates: Array<{ uriTemplate: string; name: string }>;
  }>;
  readResource(params: { uri: string }): Promise<{
    contents: Array<{ uri: string; mimeType?: string; text?: string }>;
  }>;
  listPrompts(): Promise<{
    prompts: Array<{
      name: string;
      description?: string;
      arguments?: Array<{
        name: string;
        description?: string;
        required?: boolean;
      }>;
    }>;
  }>;
  getPrompt(params: {
    name: string;
    arguments?: Record<string, string>;
  }): Promise<{
    messages: Array<{ role: string; content: { type: string; text?: string } }>;
  }>;
  complete(params: {
    ref:
      | { type: 'ref/prompt'; name: string }
      | { type: 'ref/resource'; uri: string };
    argument: { name: string; value: string };
    context?: { arguments?: Record<string, string> };
  }): Promise<{ completion: { values: string[]; hasMore?: boolean } }>;
  getServerCapabilities(): Record<string, unknown> | undefined;
  close(): Promise<void>;
}

const CLIENTS = {
  'the SDK v1 client (2025-11-25)': async (url: string) => {
    const client = new Client({ name: 'catalog-features', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { Authorization: AUTHORIZATION } },
      }),
    );
    return client;
  },
  'the SDK v1 client over legacy SSE': async (url: string) => {
    const client = new Client({ name: 'catalog-features', version: '1.0.0' });
    const headers = { Authorization: AUTHORIZATION };
    await client.connect(
      new SSEClientTransport(new URL(`${url}/sse`), {
        requestInit: { headers },
        eventSourceInit: {
          fetch: (input, init) =>
            fetch(input, {
              ...init,
              headers: { ...init?.headers, ...headers },
            }),
        },
      }),
    );
    return client;
  },
  'the SDK v2 client (2025 handshake)': async (url: string) => {
    const client = new ClientV2({ name: 'catalog-features', version: '2.0.0' });
    await client.connect(
      new StreamableHTTPClientTransportV2(new URL(url), {
        requestInit: { headers: { Authorization: AUTHORIZATION } },
      }),
    );
    return client;
  },
  'the SDK v2 client (2026-07-28)': async (url: string) => {
    const client = new ClientV2(
      { name: 'catalog-features', version: '2.0.0' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } } },
    );
    await client.connect(
      new StreamableHTTPClientTransportV2(new URL(url), {
        requestInit: { headers: { Authorization: AUTHORIZATION } },
      }),
    );
    return client;
  },
};

/** Every listed resource, page by page, with each page's size. */
async function walk(client: ContextClient) {
  const names: string[] = [];
  const pages: number[] = [];
  let cursor: string | undefined;
  do {
    const page: Listed = await client.listResources(
      cursor === undefined ? {} : { cursor },
    );
    names.push(...page.resources.map(r => r.name));
    pages.push(page.resources.length);
    cursor = page.nextCursor;
  } while (cursor !== undefined && pages.length < 20);
  return { names, pages };
}

/** The catalog reads its locations in the background after start. */
async function waitForDevCatalog(client: ContextClient) {
  const until = Date.now() + 30_000;
  while ((await walk(client)).names.length < DEV_ENTITIES.length) {
    if (Date.now() > until) {
      throw new Error('The dev catalog did not read its locations in 30 s');
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

/**
 * Catalog entities as resources, scaffolder templates as prompts, and
 * completions, on the dev backend (the real catalog with dev/catalog.yaml
 * and the two templates, the real scaffolder), through the real SDK
 * clients of both protocol eras and legacy SSE.
 */
describe('resources, prompts and completions on the dev backend', () => {
  let dev: DevBackend;
  /** The cursor of the second page, as the SDK v1 client was given it. */
  let secondPage: string;

  beforeAll(async () => {
    dev = await startDevBackend({
      // Small pages, so that listing walks several.
      config: { mcpActions: { resources: { pageSize: 3 } } },
    });
    const client = (await dev.connect()) as unknown as ContextClient;
    await waitForDevCatalog(client);
    secondPage = (await client.listResources({})).nextCursor!;
  });
  afterAll(() => dev?.stop());

  describe.each(Object.keys(CLIENTS) as Array<keyof typeof CLIENTS>)(
    'with %s',
    kind => {
      let client: ContextClient;

      beforeAll(async () => {
        client = (await CLIENTS[kind](dev.mcpUrl)) as unknown as ContextClient;
      });
      afterAll(() => client?.close());

      it('declares resources, prompts and completions', () => {
        expect(client.getServerCapabilities()).toMatchObject({
          tools: {},
          resources: {},
          prompts: {},
          completions: {},
        });
      });

      it('lists the entity resource template', async () => {
        const { resourceTemplates } = await client.listResourceTemplates();
        expect(resourceTemplates).toEqual([
          expect.objectContaining({
            uriTemplate: 'backstage://catalog/{kind}/{namespace}/{name}',
            name: 'catalog-entity',
          }),
        ]);
      });

      it('lists every entity of the dev catalog in pages, in a stable order', async () => {
        const { names, pages } = await walk(client);
        expect(names).toEqual(DEV_ENTITIES);
        // The SDK v2 client follows nextCursor itself.
        expect(pages).toEqual(kind.includes('v2') ? [8] : [3, 3, 2]);
        // A cursor means the same page whoever sends it, in either era.
        const second = await client.listResources({ cursor: secondPage });
        expect(second.resources.map(r => r.name)).toEqual(
          DEV_ENTITIES.slice(3, 6),
        );
        const third = await client.listResources({
          cursor: second.nextCursor,
        });
        expect(third.nextCursor).toBeUndefined();
        expect(third.resources[0]).toEqual({
          uri: 'backstage://catalog/component/default/portal-backend',
          name: 'component:default/portal-backend',
          title: 'Component portal-backend',
          description: 'Backend of the developer portal',
        });
      });

      it('refuses a cursor it did not hand out with -32602', async () => {
        await expect(
          client.listResources({ cursor: 'not-a-cursor' }),
        ).rejects.toMatchObject({ code: -32602 });
        await expect(
          client.listResources({
            cursor: Buffer.from('{"s":"other","o":3}').toString('base64url'),
          }),
        ).rejects.toMatchObject({ code: -32602 });
      });

      it('reads an entity as a Markdown summary and as JSON', async () => {
        const uri = 'backstage://catalog/component/default/portal-backend';
        const { contents } = await client.readResource({ uri });
        expect(contents.map(c => [c.uri, c.mimeType])).toEqual([
          [uri, 'text/markdown'],
          [uri, 'application/json'],
        ]);
        const summary = contents[0].text!;
        expect(summary).toContain('`component:default/portal-backend`');
        expect(summary).toContain('- **Owner:** group:default/platform-team');
        expect(summary).toContain(
          '- **System:** system:default/developer-portal',
        );
        expect(summary).toContain('- **Lifecycle:** production');
        expect(summary).toContain('- partOf: system:default/developer-portal');
        expect(JSON.parse(contents[1].text!)).toMatchObject({
          kind: 'Component',
          metadata: { name: 'portal-backend', namespace: 'default' },
          spec: { owner: 'platform-team', lifecycle: 'production' },
        });
      });

      it('answers an unknown or unlisted entity with -32602 and its URI', async () => {
        for (const uri of [
          'backstage://catalog/component/default/no-such-service',
          'backstage://catalog/component/default',
          'test://nonexistent',
        ]) {
          await expect(client.readResource({ uri })).rejects.toMatchObject({
            code: -32602,
            data: { uri },
          });
        }
      });

      it('lists one prompt per dev template, with its parameters as arguments', async () => {
        const { prompts } = await client.listPrompts();
        // With the operator's prompt of app-config.yaml.
        expect(prompts.map(p => p.name)).toEqual([
          'example-service',
          'explain-entity',
          'log-and-wait',
        ]);
        expect(prompts[0]).toMatchObject({
          description: expect.stringContaining('Creates a small Node.js'),
          arguments: [
            {
              name: 'name',
              description: 'Lowercase kebab-case, e.g. orders-service',
              required: true,
            },
            {
              name: 'description',
              description:
                'Description Default: Created from the example-service template.',
              required: false,
            },
            {
              name: 'owner',
              description:
                'Entity reference of the owning group or user Default: group:default/platform-team.',
              required: false,
            },
          ],
        });
        expect(prompts[2].arguments).toEqual([
          { name: 'message', description: 'Message', required: true },
          {
            name: 'seconds',
            description:
              'Seconds to wait A whole number, at least 0 and at most 60.',
            required: true,
          },
        ]);
      });

      it('gets a prompt that has the model run the template through the scaffolder tools', async () => {
        const { messages } = await client.getPrompt({
          name: 'log-and-wait',
          arguments: { message: 'hello', seconds: '2' },
        });
        expect(messages).toHaveLength(1);
        expect(messages[0].role).toBe('user');
        const text = messages[0].content.text!;
        expect(text).toContain('`scaffolder.execute-template`');
        expect(text).toContain('`scaffolder.get-scaffolder-task-logs`');
        const call = JSON.parse(text.split('```json\n')[1].split('\n```')[0]);
        expect(call).toEqual({
          templateRef: 'template:default/log-and-wait',
          values: { message: 'hello', seconds: 2 },
        });
      });

      it("gets the operator's prompt with the argument put in", async () => {
        const { messages } = await client.getPrompt({
          name: 'explain-entity',
          arguments: { entity: 'component:default/portal-backend' },
        });
        expect(messages).toEqual([
          {
            role: 'user',
            content: {
              type: 'text',
              text: expect.stringMatching(
                /^Look up component:default\/portal-backend in the Backstage catalog/,
              ),
            },
          },
        ]);
        const { completion } = await client.complete({
          ref: { type: 'ref/prompt', name: 'explain-entity' },
          argument: { name: 'entity', value: 'portal' },
        });
        // Names that start with what was typed come first.
        expect(completion.values).toEqual([
          'component:default/portal-backend',
          'component:default/portal-frontend',
          'system:default/developer-portal',
        ]);
      });

      it('refuses a prompt without its required arguments, or an unknown one', async () => {
        await expect(
          client.getPrompt({
            name: 'log-and-wait',
            arguments: { message: 'x' },
          }),
        ).rejects.toMatchObject({ code: -32602 });
        await expect(
          client.getPrompt({
            name: 'log-and-wait',
            arguments: { message: 'x', seconds: 'soon' },
          }),
        ).rejects.toMatchObject({ code: -32602 });
        await expect(
          client.getPrompt({ name: 'no-such-template' }),
        ).rejects.toMatchObject({ code: -32602 });
      });

      it("completes a template's owner argument from the catalog's groups and users", async () => {
        const complete = (value: string) =>
          client.complete({
            ref: { type: 'ref/prompt', name: 'example-service' },
            argument: { name: 'owner', value },
          });
        expect((await complete('plat')).completion).toEqual(
          expect.objectContaining({
            values: ['group:default/platform-team'],
            hasMore: false,
          }),
        );
        expect((await complete('')).completion.values).toEqual([
          'user:default/alice',
          'group:default/platform-team',
        ]);
        expect((await complete('user:')).completion.values).toEqual([
          'user:default/alice',
        ]);
        expect((await complete('component:')).completion.values).toEqual([]);
      });

      it('completes the resource template from kind to namespace to name', async () => {
        const complete = (
          name: string,
          value: string,
          chosen?: Record<string, string>,
        ) =>
          client.complete({
            ref: {
              type: 'ref/resource',
              uri: 'backstage://catalog/{kind}/{namespace}/{name}',
            },
            argument: { name, value },
            ...(chosen ? { context: { arguments: chosen } } : {}),
          });
        expect((await complete('kind', '')).completion.values).toEqual([
          'component',
          'group',
          'system',
          'template',
          'user',
        ]);
        expect((await complete('kind', 'te')).completion.values).toEqual([
          'template',
          'system',
        ]);
        expect(
          (await complete('namespace', '', { kind: 'component' })).completion
            .values,
        ).toEqual(['default']);
        expect(
          (await complete('name', 'portal', { kind: 'component' })).completion
            .values,
        ).toEqual(['portal-backend', 'portal-frontend']);
        // Location entities are not offered, so neither are their names.
        expect(
          (await complete('name', '', { kind: 'location' })).completion.values,
        ).toEqual([]);
      });
    },
  );

  it('marks the lists and reads as private and as fresh as the tool list (2026-07-28)', async () => {
    const rpc = (method: string, params: Record<string, unknown> = {}) =>
      modernRpc(dev.mcpUrl, method, params, {
        authorization: AUTHORIZATION,
        capabilities: {},
      });
    const hints = async (method: string, params?: Record<string, unknown>) => {
      const { result, error } = await rpc(method, params);
      expect(error).toBeUndefined();
      return [result.ttlMs, result.cacheScope];
    };
    expect(await hints('resources/list')).toEqual([30_000, 'private']);
    expect(await hints('prompts/list')).toEqual([30_000, 'private']);
    expect(
      await hints('resources/read', {
        uri: 'backstage://catalog/group/default/platform-team',
      }),
    ).toEqual([30_000, 'private']);
    // The same for every caller until a deployment.
    expect(await hints('resources/templates/list')).toEqual([
      300_000,
      'public',
    ]);
    const { result } = await rpc('server/discover');
    expect(result.capabilities).toMatchObject({
      resources: { subscribe: false, listChanged: false },
      prompts: { listChanged: false },
      completions: {},
    });
  });
});

/**
 * `npm run start:trust`: the example policy hides experimental entities
 * from users outside group:default/platform, such as the guest. The
 * catalog applies it to every read this plugin makes for the guest.
 */
describe('resources and completions under the permission policy', () => {
  let dev: DevBackend;
  let guest: ContextClient;
  let service: ContextClient;

  beforeAll(async () => {
    dev = await startDevBackend({ trust: true });
    const refreshed = await fetch(
      `${new URL(dev.mcpUrl).origin}/api/auth/guest/refresh?env=development`,
    );
    const { token } = (await refreshed.json()).backstageIdentity;
    guest = new ClientV2(
      { name: 'catalog-features-guest', version: '2.0.0' },
      { versionNegotiation: { mode: { pin: '2026-07-28' } } },
    ) as unknown as ContextClient;
    await (guest as unknown as ClientV2).connect(
      new StreamableHTTPClientTransportV2(new URL(dev.mcpUrl), {
        requestInit: { headers: { Authorization: `Bearer ${token}` } },
      }),
    );
    service = (await dev.connect()) as unknown as ContextClient;
    await waitForDevCatalog(service);
  });
  afterAll(async () => {
    await guest?.close();
    await dev?.stop();
  });

  it('does not list, read or complete an entity the caller may not see', async () => {
    const hidden = 'component:default/billing-service';
    const uri = 'backstage://catalog/component/default/billing-service';
    expect((await walk(guest)).names).toEqual(
      DEV_ENTITIES.filter(name => name !== hidden),
    );
    expect((await walk(service)).names).toContain(hidden);

    await expect(guest.readResource({ uri })).rejects.toMatchObject({
      code: -32602,
      data: { uri },
    });
    expect((await service.readResource({ uri })).contents).toHaveLength(2);

    const names = (client: ContextClient) =>
      client.complete({
        ref: {
          type: 'ref/resource',
          uri: 'backstage://catalog/{kind}/{namespace}/{name}',
        },
        argument: { name: 'name', value: 'bill' },
        context: { arguments: { kind: 'component' } },
      });
    expect((await names(guest)).completion.values).toEqual([]);
    expect((await names(service)).completion.values).toEqual([
      'billing-service',
    ]);
  });
});
