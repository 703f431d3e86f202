/*
 * The shipped MCP Apps in a real browser (Debian's Chromium, driven by
 * playwright-core), against the dev backend with the real catalog and
 * scaffolder. The page is a minimal host built on the ext-apps host side
 * (apps/src/testHost: AppBridge, a sandboxed srcdoc iframe); every call an
 * app makes through the host is made by a real MCP client in this process
 * (SDK v2, 2026-07-28, declaring the extension), with the dev token. The
 * apps are read from the server as `ui://` resources, as a host reads them.
 *
 * Screenshots go to $TMPDIR/mcp-actions-apps-screens; with UPDATE_SCREENSHOTS=1 they
 * replace the README's, in docs/images.
 */
import {
  Client,
  StreamableHTTPClientTransport,
  type CallToolResult,
} from '@modelcontextprotocol/client';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type FrameLocator,
  type Page,
} from 'playwright-core';
import { DEV_MCP_TOKEN } from '../dev/devToken';
import { APP_MIME_TYPE, UI_EXTENSION_ID } from './apps/uiExtension';
import { DevBackend, startDevBackend } from './__testUtils__/startDevBackend';

jest.setTimeout(180_000);

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '..');
const HOST_SCRIPT = path.join(ROOT, 'apps/.build/test-host.js');
const SCREENSHOTS =
  process.env.UPDATE_SCREENSHOTS === '1'
    ? path.join(ROOT, 'docs/images')
    : path.join(os.tmpdir(), 'mcp-actions-apps-screens');
const HOSTILE = '<img src=x onerror="window.__pwned=1"><b>bold</b>';

interface ListedTool {
  name: string;
  title?: string;
  inputSchema: object;
  _meta?: { ui?: { resourceUri?: string } };
}

describe('the MCP Apps in Chromium, on the dev backend', () => {
  let dev: DevBackend;
  let client: Client;
  let browser: Browser;
  let page: Page;
  let tools: Map<string, ListedTool>;
  let fixtureDir: string;
  /** Every call an app made through the host, in order. */
  const hostCalls: Array<{ method: string; params: any }> = [];

  async function call(name: string, args: Record<string, unknown>) {
    return (await client.callTool({
      name,
      arguments: args,
    })) as CallToolResult;
  }

  /** Calls until the tool succeeds: the catalog ingests in the background. */
  async function callWhenReady(name: string, args: Record<string, unknown>) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const result = await call(name, args);
      if (!result.isError || Date.now() > deadline) {
        return result;
      }
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }

  /** Mounts the app of `toolName` as a host does after the model's call. */
  async function mount(
    toolName: string,
    input: Record<string, unknown>,
    result?: CallToolResult,
  ): Promise<FrameLocator> {
    const tool = tools.get(toolName)!;
    const uri = tool._meta!.ui!.resourceUri!;
    const { contents } = await client.readResource({ uri });
    const app = contents[0] as { mimeType: string; text: string };
    expect(app.mimeType).toBe(APP_MIME_TYPE);
    hostCalls.length = 0;
    await page.evaluate(
      opts => (window as any).mountApp(opts),
      JSON.parse(JSON.stringify({ html: app.text, tool, input, result })),
    );
    return page.frameLocator('[data-testid="app-frame"]');
  }

  async function screenshot(name: string) {
    await page
      .locator('[data-testid="app-frame"]')
      .screenshot({ path: path.join(SCREENSHOTS, `app-${name}.png`) });
  }

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`,
      );
    }
    if (!fs.existsSync(HOST_SCRIPT)) {
      throw new Error(`${HOST_SCRIPT} is missing: run npm run build:apps`);
    }
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-apps-catalog-'));
    const fixture = path.join(fixtureDir, 'hostile.yaml');
    fs.writeFileSync(
      fixture,
      JSON.stringify({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'hostile-widget', description: HOSTILE },
        spec: { type: 'service', lifecycle: 'experimental', owner: 'alice' },
      }),
    );
    dev = await startDevBackend({
      config: {
        catalog: {
          locations: [
            { type: 'file', target: './dev/catalog.yaml' },
            { type: 'file', target: './dev/templates/*/template.yaml' },
            { type: 'file', target: fixture },
          ],
        },
      },
    });
    client = new Client(
      { name: 'apps-browser-test', version: '1.0.0' },
      {
        versionNegotiation: { mode: { pin: '2026-07-28' } },
        capabilities: {
          extensions: { [UI_EXTENSION_ID]: { mimeTypes: [APP_MIME_TYPE] } },
        },
      },
    );
    await client.connect(
      new StreamableHTTPClientTransport(new URL(dev.mcpUrl), {
        requestInit: {
          headers: { Authorization: `Bearer ${DEV_MCP_TOKEN}` },
        },
      }),
    );
    tools = new Map(
      ((await client.listTools()).tools as ListedTool[]).map(t => [t.name, t]),
    );

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox'],
    });
    page = await browser.newPage({ viewport: { width: 760, height: 900 } });
    await page.exposeFunction(
      '__hostCall',
      async (method: string, params: any) => {
        hostCalls.push({ method, params });
        if (method === 'tools/call') {
          return client.callTool(params);
        }
        if (method === 'resources/read') {
          return client.readResource(params);
        }
        throw new Error(`The test host does not forward ${method}`);
      },
    );
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: fs.readFileSync(HOST_SCRIPT, 'utf8') });
  });

  afterAll(async () => {
    await browser?.close();
    await client?.close();
    await dev?.stop();
    if (fixtureDir) {
      fs.rmSync(fixtureDir, { recursive: true, force: true });
    }
  });

  it('the entity card shows the owner and follows a relation', async () => {
    const input = { kind: 'Component', name: 'portal-backend' };
    const result = await callWhenReady('catalog.get-catalog-entity', input);
    expect(result.isError).toBeFalsy();
    const app = await mount('catalog.get-catalog-entity', input, result);

    await expect(
      app.getByTestId('entity-title').textContent(),
    ).resolves.toContain('portal-backend');
    await expect(
      app.getByTestId('entity-owner').textContent(),
    ).resolves.toContain('platform-team');
    await expect(
      app.getByTestId('entity-system').textContent(),
    ).resolves.toContain('developer-portal');
    await expect(
      app.getByTestId('entity-description').textContent(),
    ).resolves.toBe('Backend of the developer portal');
    await screenshot('entity-card');

    // The owner is a relation: following it calls the tool again.
    await app
      .getByTestId('relation-link')
      .filter({ hasText: 'group:default/platform-team' })
      .first()
      .click();
    await app
      .getByTestId('entity-title')
      .filter({ hasText: 'platform-team' })
      .waitFor({ timeout: 20_000 });
    expect(hostCalls).toContainEqual({
      method: 'tools/call',
      params: expect.objectContaining({
        name: 'catalog.get-catalog-entity',
        arguments: {
          kind: 'group',
          namespace: 'default',
          name: 'platform-team',
        },
      }),
    });
    await expect(app.getByTestId('back').count()).resolves.toBe(1);
  });

  it('the entity card renders a hostile description as text', async () => {
    const input = { kind: 'Component', name: 'hostile-widget' };
    const result = await callWhenReady('catalog.get-catalog-entity', input);
    expect(result.isError).toBeFalsy();
    const app = await mount('catalog.get-catalog-entity', input, result);
    const description = app.getByTestId('entity-description');
    await expect(description.textContent()).resolves.toBe(HOSTILE);
    await expect(description.locator('img, b').count()).resolves.toBe(0);
    await expect(app.locator('img').count()).resolves.toBe(0);
    // The handler never ran: no script of the description's.
    await expect(
      app.locator('body').evaluate(() => (window as any).__pwned),
    ).resolves.toBeUndefined();
  });

  it('the template form renders the fields, refuses an invalid value, submits, and shows the run finishing', async () => {
    const templateRef = 'template:default/log-and-wait';
    // The model called the template without the values it needs.
    const input = { templateRef, values: { message: 'hello from the form' } };
    const firstTry = await call('scaffolder.execute-template', input);
    const app = await mount('scaffolder.execute-template', input, firstTry);

    const message = app.getByTestId('field-message');
    const seconds = app.getByTestId('field-seconds');
    await message.waitFor({ timeout: 20_000 });
    await expect(message.inputValue()).resolves.toBe('hello from the form');
    await expect(
      app.getByTestId('form-step').first().textContent(),
    ).resolves.toContain('What to do');

    await seconds.fill('99');
    hostCalls.length = 0;
    await app.getByTestId('submit').click();
    await expect(
      app.getByTestId('error-seconds').textContent(),
    ).resolves.toMatch(/60/);
    // Nothing was run while the form was invalid.
    expect(hostCalls.filter(c => c.method === 'tools/call')).toEqual([]);
    await screenshot('template-form');

    await seconds.fill('1');
    await app.getByTestId('submit').click();
    const status = app.getByTestId('task-status');
    await status.filter({ hasText: /completed/ }).waitFor({ timeout: 60_000 });
    expect(hostCalls[0]).toEqual({
      method: 'tools/call',
      params: expect.objectContaining({
        name: 'scaffolder.execute-template',
        arguments: {
          templateRef,
          values: { message: 'hello from the form', seconds: 1 },
        },
      }),
    });
    await expect(
      app.getByTestId('log-line').allTextContents(),
    ).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('hello from the form')]),
    );
  });

  it('the task view follows a running task to its end', async () => {
    const run = await call('scaffolder.execute-template', {
      templateRef: 'template:default/log-and-wait',
      values: { message: 'watched by the task view', seconds: 2 },
    });
    expect(run.isError).toBeFalsy();
    const { taskId } = run.structuredContent as { taskId: string };
    const input = { taskId };
    const logs = await call('scaffolder.get-scaffolder-task-logs', input);
    const app = await mount('scaffolder.get-scaffolder-task-logs', input, logs);

    await expect(app.getByTestId('task-id').textContent()).resolves.toContain(
      taskId,
    );
    await app
      .getByTestId('task-status')
      .filter({ hasText: /completed/ })
      .waitFor({ timeout: 60_000 });
    const steps = await app.getByTestId('task-step').allTextContents();
    expect(steps.join('\n')).toMatch(/hello|wait|done/);
    await expect(
      app.getByTestId('log-line').allTextContents(),
    ).resolves.toEqual(
      expect.arrayContaining([
        expect.stringContaining('watched by the task view'),
      ]),
    );
    await screenshot('task-view');
  });

  it('the generic view shows any action output as a table', async () => {
    const input = {};
    const result = await call('scaffolder.list-scaffolder-tasks', input);
    expect(result.isError).toBeFalsy();
    const tool = tools.get('scaffolder.list-scaffolder-tasks')!;
    expect(tool._meta?.ui?.resourceUri).toBe('ui://backstage/output-view');
    const app = await mount('scaffolder.list-scaffolder-tasks', input, result);
    // The tasks are a table of their own, beside the plain fields.
    await app
      .getByTestId('output-table')
      .filter({ hasText: 'completed' })
      .waitFor({ timeout: 20_000 });
    await expect(
      app.getByTestId('output-table').first().textContent(),
    ).resolves.toMatch(/totalTasks/);
    await screenshot('output-view');
  });
});
