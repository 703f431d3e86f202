import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../bench/childProcesses';
import { DEV_MCP_TOKEN } from '../dev/devToken';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '..');

/**
 * The README's first command, end to end: the dev backend (dev/index.ts with
 * app-config.yaml, the real catalog and the local example plugin) started as
 * its own process, then used by the MCP SDK client with the printed token.
 */
describe('the dev backend', () => {
  let child: ChildProcess;
  let output = '';
  let url: string;

  beforeAll(async () => {
    const port = await freePort();
    child = spawn(
      process.execPath,
      [
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        'dev/index.ts',
        '--config',
        'app-config.yaml',
      ],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          APP_CONFIG_backend_listen_port: String(port),
          APP_CONFIG_backend_baseUrl: `http://localhost:${port}`,
          MCP_TOKEN: '',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout!.on('data', chunk => (output += chunk));
    child.stderr!.on('data', chunk => (output += chunk));
    const started = Date.now();
    while (!output.includes('Client config to paste')) {
      if (child.exitCode !== null || Date.now() - started > 90_000) {
        throw new Error(`dev backend did not start:\n${output}`);
      }
      await new Promise(r => setTimeout(r, 200));
    }
    url = `http://127.0.0.1:${port}/api/mcp-actions/v1`;
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise(r => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('prints the MCP URLs and a client config with the development token', () => {
    expect(output).toContain('MCP server (Streamable HTTP): http://localhost:');
    expect(output).toContain(`"Authorization": "Bearer ${DEV_MCP_TOKEN}"`);
  });

  it("serves the catalog's and the example plugin's tools to the printed config", async () => {
    const client = new Client({ name: 'dev-smoke', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { Authorization: `Bearer ${DEV_MCP_TOKEN}` } },
      }),
    );
    try {
      const names = (await client.listTools()).tools.map(t => t.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'catalog.get-catalog-entity',
          'catalog.query-catalog-entities',
          'local.greet-user',
          'local.delete-note',
          'local.validate-service-name',
        ]),
      );

      const greeting = await client.callTool({
        name: 'local.greet-user',
        arguments: { name: 'Ada' },
      });
      expect(greeting.structuredContent).toMatchObject({
        greeting: 'Hello, Ada!',
      });

      const invalid = await client.callTool({
        name: 'local.validate-service-name',
        arguments: { name: 'Not Kebab' },
      });
      expect(invalid.isError).toBe(true);

      // The catalog reads dev/catalog.yaml in the background; wait for it.
      let entity: unknown;
      for (let i = 0; i < 60 && !entity; i++) {
        const result = await client.callTool({
          name: 'catalog.get-catalog-entity',
          arguments: { kind: 'Component', name: 'portal-backend' },
        });
        entity = result.isError ? undefined : result.structuredContent;
        if (!entity) {
          await new Promise(r => setTimeout(r, 500));
        }
      }
      expect(entity).toMatchObject({ metadata: { name: 'portal-backend' } });
    } finally {
      await client.close();
    }
  });

  it('shows the dev catalog as resources and its templates as prompts, and completes an owner', async () => {
    const client = new Client({ name: 'dev-smoke', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { Authorization: `Bearer ${DEV_MCP_TOKEN}` } },
      }),
    );
    try {
      // The templates are read a moment after dev/catalog.yaml.
      let prompts: string[] = [];
      for (let i = 0; i < 60 && prompts.length < 3; i++) {
        prompts = (await client.listPrompts()).prompts.map(p => p.name);
        if (prompts.length < 3) {
          await new Promise(r => setTimeout(r, 500));
        }
      }
      expect(prompts).toEqual([
        'example-service',
        'explain-entity',
        'log-and-wait',
      ]);
      const { resources } = await client.listResources();
      expect(resources.map(r => r.name)).toContain(
        'component:default/portal-backend',
      );
      const { contents } = await client.readResource({
        uri: 'backstage://catalog/component/default/portal-backend',
      });
      expect(contents[0]).toMatchObject({
        text: expect.stringContaining(
          '- **Owner:** group:default/platform-team',
        ),
      });
      const prompt = await client.getPrompt({
        name: 'example-service',
        arguments: { name: 'orders-service' },
      });
      expect(prompt.messages[0].content).toMatchObject({
        text: expect.stringContaining('`scaffolder.execute-template`'),
      });
      const { completion } = await client.complete({
        ref: { type: 'ref/prompt', name: 'example-service' },
        argument: { name: 'owner', value: 'plat' },
      });
      expect(completion.values).toEqual(['group:default/platform-team']);
    } finally {
      await client.close();
    }
  });

  it('signs a browser in as the guest on the secrets page of local.post-to-webhook', async () => {
    const base = new URL(url).origin;
    const refreshed = await fetch(
      `${base}/api/auth/guest/refresh?env=development`,
    );
    expect(refreshed.status).toBe(200);
    const guest = `Bearer ${(await refreshed.json()).backstageIdentity.token}`;

    const client = new Client({ name: 'dev-smoke', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), {
        requestInit: { headers: { Authorization: guest } },
      }),
    );
    try {
      const error: any = await client
        .callTool({
          name: 'local.post-to-webhook',
          arguments: { message: 'hi' },
        })
        .catch(e => e);
      expect(error).toMatchObject({ code: -32042 });
      const page = new URL(error.data.elicitations[0].url);
      const pageUrl = `${base}${page.pathname}`;

      const signIn = await fetch(pageUrl);
      expect(signIn.status).toBe(401);
      expect(await signIn.text()).toContain(
        '/api/auth/guest/refresh?env=development',
      );

      const cookieResponse = await fetch(
        `${base}/api/mcp-actions/.backstage/auth/v1/cookie`,
        {
          headers: { Authorization: guest },
        },
      );
      expect(cookieResponse.status).toBe(200);
      const cookie = cookieResponse.headers.getSetCookie()[0].split(';')[0];
      const form = await fetch(pageUrl, { headers: { Cookie: cookie } });
      expect(form.status).toBe(200);
      expect(await form.text()).toContain('Secrets for Post to webhook');
    } finally {
      await client.close();
    }
  });
});
