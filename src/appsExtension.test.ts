/*
 * The MCP Apps extension on the dev backend (the real catalog and
 * scaffolder): who sees `_meta.ui.resourceUri` and the `ui://` resources,
 * and that everyone else gets the tool list they got before apps existed,
 * byte for byte, on every lane.
 */
import {
  Client as ClientV2,
  StreamableHTTPClientTransport as StreamableHTTPClientTransportV2,
} from '@modelcontextprotocol/client';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import fs from 'node:fs';
import path from 'node:path';
import { DEV_MCP_TOKEN } from '../dev/devToken';
import { APP_MIME_TYPE, UI_EXTENSION_ID } from './apps/uiExtension';
import { DevBackend, startDevBackend } from './__testUtils__/startDevBackend';
import { modernRpc } from './__testUtils__/taskClients';
import { postRpc } from './__testUtils__/jsonRpc';

jest.setTimeout(120_000);

const AUTHORIZATION = `Bearer ${DEV_MCP_TOKEN}`;
const UI_CAPABILITIES = {
  extensions: { [UI_EXTENSION_ID]: { mimeTypes: [APP_MIME_TYPE] } },
};
const APP_URIS = [
  'ui://backstage/entity-card',
  'ui://backstage/template-form',
  'ui://backstage/task-view',
  'ui://backstage/output-view',
];

interface ListedTool {
  name: string;
  _meta?: { ui?: { resourceUri?: string } };
}

async function modernClient(url: string, capabilities?: object) {
  const client = new ClientV2(
    { name: 'apps-test', version: '1.0.0' },
    {
      versionNegotiation: { mode: { pin: '2026-07-28' } },
      ...(capabilities ? { capabilities } : {}),
    },
  );
  await client.connect(
    new StreamableHTTPClientTransportV2(new URL(url), {
      requestInit: { headers: { Authorization: AUTHORIZATION } },
    }),
  );
  return client;
}

async function sseClient(url: string, capabilities?: object) {
  const client = new Client(
    { name: 'apps-test', version: '1.0.0' },
    capabilities ? { capabilities } : undefined,
  );
  const headers = { Authorization: AUTHORIZATION };
  await client.connect(
    new SSEClientTransport(new URL(`${url}/sse`), {
      requestInit: { headers },
      eventSourceInit: {
        fetch: (input, init) =>
          fetch(input, { ...init, headers: { ...init?.headers, ...headers } }),
      },
    }),
  );
  return client;
}

/** A 2025-11-25 `tools/list` as raw text of its result, without a session. */
async function legacyListText(url: string): Promise<string> {
  const answer = await postRpc(
    url,
    JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    { Authorization: AUTHORIZATION, 'MCP-Protocol-Version': '2025-11-25' },
  );
  return JSON.stringify(answer.body.result);
}

/** A 2026-07-28 `tools/list`'s tools, sent raw (the fast lane takes it). */
async function rawModernTools(url: string, capabilities: object) {
  const { result } = await modernRpc(
    url,
    'tools/list',
    {},
    { authorization: AUTHORIZATION, capabilities },
  );
  return result.tools as ListedTool[];
}

function byName(tools: ListedTool[]) {
  return new Map(tools.map(t => [t.name, t]));
}

describe('MCP Apps on the dev backend', () => {
  let dev: DevBackend;
  let appsOff: DevBackend;

  beforeAll(async () => {
    const built = path.resolve(__dirname, '../dist-apps/entity-card.html');
    if (!fs.existsSync(built)) {
      throw new Error(`${built} is missing: run npm run build:apps first`);
    }
    [dev, appsOff] = await Promise.all([
      startDevBackend(),
      startDevBackend({ config: { mcpActions: { apps: false } } }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([dev?.stop(), appsOff?.stop()]);
  });

  describe('a 2026-07-28 client that declares the extension', () => {
    let client: ClientV2;
    let tools: Map<string, ListedTool>;

    beforeAll(async () => {
      client = await modernClient(dev.mcpUrl, UI_CAPABILITIES);
      tools = byName((await client.listTools()).tools as ListedTool[]);
    });
    afterAll(() => client?.close());

    it('sees each tool with an app point at it', () => {
      const uriOf = (name: string) => tools.get(name)?._meta?.ui?.resourceUri;
      expect(uriOf('scaffolder.execute-template')).toBe(
        'ui://backstage/template-form',
      );
      expect(uriOf('scaffolder.get-scaffolder-task-logs')).toBe(
        'ui://backstage/task-view',
      );
      expect(uriOf('catalog.get-catalog-entity')).toBe(
        'ui://backstage/entity-card',
      );
      // Any other action with an object output gets the generic view.
      expect(uriOf('scaffolder.list-scaffolder-tasks')).toBe(
        'ui://backstage/output-view',
      );
      const pointing = [...tools.values()].filter(t => t._meta?.ui);
      expect(pointing.length).toBeGreaterThanOrEqual(4);
      for (const tool of pointing) {
        expect(APP_URIS).toContain(tool._meta!.ui!.resourceUri);
      }
    });

    it('is told the server speaks the extension', () => {
      expect(client.getServerCapabilities()).toMatchObject({
        resources: {},
        extensions: { [UI_EXTENSION_ID]: {} },
      });
    });

    it('lists the apps first among the resources, as MCP Apps', async () => {
      const { resources } = await client.listResources();
      expect(resources.slice(0, 4).map(r => r.uri)).toEqual(APP_URIS);
      for (const app of resources.slice(0, 4)) {
        expect(app).toMatchObject({ mimeType: APP_MIME_TYPE });
        expect(app.title).toEqual(expect.any(String));
      }
      // The catalog's entities follow, as before.
      for (const entity of resources.slice(4)) {
        expect(entity.uri).toMatch(/^backstage:\/\/catalog\//);
      }
    });

    it.each(APP_URIS)(
      'reads %s as self-contained HTML that reaches no origin',
      async uri => {
        const { contents } = await client.readResource({ uri });
        expect(contents).toHaveLength(1);
        const [app] = contents as Array<{
          uri: string;
          mimeType: string;
          text: string;
          _meta: { ui: { csp: Record<string, string[]> } };
        }>;
        expect(app.uri).toBe(uri);
        expect(app.mimeType).toBe(APP_MIME_TYPE);
        expect(app._meta.ui.csp).toEqual({
          connectDomains: [],
          resourceDomains: [],
        });
        expect(app._meta.ui).not.toHaveProperty('permissions');
        expect(app.text).toMatch(/^<!doctype html>/i);
        // Nothing loaded from anywhere: no src or href to a URL.
        expect(app.text).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
        // The names the app calls its tools by, as this server has them.
        const config =
          /<script type="application\/json" id="backstage-mcp-config">(.*?)<\/script>/s.exec(
            app.text,
          );
        expect(JSON.parse(config![1])).toEqual({
          tools: {
            getEntity: 'catalog.get-catalog-entity',
            executeTemplate: 'scaffolder.execute-template',
            getTaskLogs: 'scaffolder.get-scaffolder-task-logs',
          },
        });
      },
    );

    it('gets the same list on the fast lane as through the SDK client', async () => {
      const raw = await rawModernTools(dev.mcpUrl, UI_CAPABILITIES);
      expect(raw).toEqual([...tools.values()]);
    });
  });

  describe('clients without the extension', () => {
    it('get byte for byte the list a server without apps gives, in both eras', async () => {
      expect(await legacyListText(dev.mcpUrl)).toBe(
        await legacyListText(appsOff.mcpUrl),
      );
      const [withApps, without] = await Promise.all([
        modernRpc(
          dev.mcpUrl,
          'tools/list',
          {},
          {
            authorization: AUTHORIZATION,
            capabilities: {},
          },
        ),
        modernRpc(
          appsOff.mcpUrl,
          'tools/list',
          {},
          {
            authorization: AUTHORIZATION,
            capabilities: {},
          },
        ),
      ]);
      expect(JSON.stringify(withApps.result.tools)).toBe(
        JSON.stringify(without.result.tools),
      );
      expect(withApps.answer.text).not.toContain('resourceUri');
    });

    it('get the same list and capabilities from the SDK client, and no apps among the resources', async () => {
      const client = await modernClient(dev.mcpUrl);
      const reference = await modernClient(appsOff.mcpUrl);
      try {
        // The same capabilities as from a server without apps.
        expect(client.getServerCapabilities()).toEqual(
          reference.getServerCapabilities(),
        );
        const { tools } = await client.listTools();
        expect(tools.filter(t => t._meta?.ui)).toEqual([]);
        const { resources } = await client.listResources();
        expect(resources.filter(r => r.uri.startsWith('ui://'))).toEqual([]);
      } finally {
        await Promise.all([client.close(), reference.close()]);
      }
    });

    it('count a declaration without our MIME type as none', async () => {
      const tools = await rawModernTools(dev.mcpUrl, {
        extensions: { [UI_EXTENSION_ID]: { mimeTypes: ['text/uri-list'] } },
      });
      expect(tools.filter(t => t._meta?.ui)).toEqual([]);
    });
  });

  it('a legacy SSE session that declared the extension at initialize sees the apps', async () => {
    const [declared, plain] = await Promise.all([
      sseClient(dev.mcpUrl, UI_CAPABILITIES),
      sseClient(dev.mcpUrl),
    ]);
    try {
      const withUi = (await declared.listTools()).tools as ListedTool[];
      expect(
        byName(withUi).get('catalog.get-catalog-entity')?._meta?.ui,
      ).toEqual({ resourceUri: 'ui://backstage/entity-card' });
      const withoutUi = (await plain.listTools()).tools as ListedTool[];
      expect(withoutUi.filter(t => t._meta?.ui)).toEqual([]);
    } finally {
      await Promise.all([declared.close(), plain.close()]);
    }
  });

  it('a 2025-era Streamable HTTP client that declared the extension at initialize sees the apps, through its session id', async () => {
    const connect = async (capabilities?: object) => {
      const client = new Client(
        { name: 'apps-test', version: '1.0.0' },
        capabilities ? { capabilities } : undefined,
      );
      const transport = new StreamableHTTPClientTransport(new URL(dev.mcpUrl), {
        requestInit: { headers: { Authorization: AUTHORIZATION } },
      });
      await client.connect(transport);
      return { client, transport };
    };
    const [declared, plain] = await Promise.all([
      connect(UI_CAPABILITIES),
      connect(),
    ]);
    try {
      expect(declared.transport.sessionId).toMatch(/^mcp-apps-[0-9a-f-]{36}$/);
      expect(plain.transport.sessionId).toBeUndefined();
      const withUi = (await declared.client.listTools()).tools as ListedTool[];
      expect(
        byName(withUi).get('scaffolder.execute-template')?._meta?.ui,
      ).toEqual({ resourceUri: 'ui://backstage/template-form' });
      const { resources } = await declared.client.listResources();
      expect(resources.slice(0, 4).map(r => r.uri)).toEqual(APP_URIS);
      const { contents } = await declared.client.readResource({
        uri: 'ui://backstage/task-view',
      });
      expect(contents[0].mimeType).toBe(APP_MIME_TYPE);
      // The undeclared client's list is the one a server without apps gives.
      const withoutUi = await plain.client.listTools();
      expect(JSON.stringify(withoutUi)).toBe(
        JSON.stringify(await appsOffList()),
      );
    } finally {
      await Promise.all([declared.client.close(), plain.client.close()]);
    }
  });

  async function appsOffList() {
    const client = new Client({ name: 'apps-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(appsOff.mcpUrl), {
        requestInit: { headers: { Authorization: AUTHORIZATION } },
      }),
    );
    try {
      return await client.listTools();
    } finally {
      await client.close();
    }
  }

  it('a server with apps: false shows no apps to a client that declares them', async () => {
    const tools = await rawModernTools(appsOff.mcpUrl, UI_CAPABILITIES);
    expect(tools.filter(t => t._meta?.ui)).toEqual([]);
    const client = await modernClient(appsOff.mcpUrl, UI_CAPABILITIES);
    try {
      const { resources } = await client.listResources();
      expect(resources.filter(r => r.uri.startsWith('ui://'))).toEqual([]);
      expect(
        client.getServerCapabilities()?.extensions?.[UI_EXTENSION_ID],
      ).toBeUndefined();
    } finally {
      await client.close();
    }
  });
});
