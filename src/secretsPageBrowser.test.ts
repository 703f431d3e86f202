/*
 * The secrets page in a real browser: Debian's Chromium, driven by
 * playwright-core, against a backend with the real auth services and the
 * auth backend's guest provider. The MCP call is made with the guest's own
 * token; the browser arrives without a cookie, signs in through the page's
 * script, fills in the form and gets the done page, and the client's retry
 * runs with the secret.
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProviderModule from '@backstage/plugin-auth-backend-module-guest-provider';
import fs from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { postRpc } from './__testUtils__/jsonRpc';
import {
  McpTestBackend,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';
import { tokenFingerprint } from './__testUtils__/testActionsPlugin';

const CHROMIUM = '/usr/bin/chromium';
const KEY = 'a-test-key-that-is-long-enough-0123456789';
const SECRET = 'sk-browser-93b2e1f7c5';
const SCREENSHOT = '/tmp/mcp-actions-secrets-page.png';
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
const INLINE_PROBE = '<script>window.__inlineScriptRan = true;</script>';

jest.setTimeout(90_000);

describe('the secrets page in Chromium', () => {
  let mcp: McpTestBackend;
  let browser: Browser;

  beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(
        `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`,
      );
    }
    mcp = await startMcpBackend({
      secretAction: true,
      realAuth: true,
      features: [
        authServiceFactory,
        httpAuthServiceFactory,
        authPlugin,
        guestProviderModule,
      ],
      config: {
        app: { baseUrl: 'http://localhost:3000' },
        backend: {
          actions: { pluginSources: ['test-actions'] },
          listen: { host: '127.0.0.1' },
        },
        auth: {
          providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
        },
        mcpActions: { secrets: { encryptionKey: KEY } },
      },
    });
    browser = await chromium.launch({ executablePath: CHROMIUM });
  });
  afterAll(async () => {
    await browser?.close();
    await mcp?.stop();
  });

  /** The guest user's token, as the app would get it after guest sign-in. */
  async function guestToken(): Promise<string> {
    const res = await fetch(
      `${mcp.baseUrl}/api/auth/guest/refresh?env=development`,
    );
    expect(res.status).toBe(200);
    return (await res.json()).backstageIdentity.token;
  }

  /**
   * Opens the link in a fresh browser context (no cookie), with an inline
   * script slipped into every HTML page the plugin serves, so the test can
   * tell whether the CSP lets inline code run.
   */
  async function openInBrowser(url: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on('console', message => {
      if (message.type() === 'error') {
        consoleErrors.push(message.text());
      }
    });
    await page.route('**/api/mcp-actions/secrets/*', async route => {
      // Only pages: a form POST goes out as the browser sends it.
      if (route.request().method() !== 'GET') {
        await route.continue();
        return;
      }
      const response = await route.fetch();
      const html = (await response.text()).replace(
        '</main>',
        `${INLINE_PROBE}</main>`,
      );
      await route.fulfill({ response, body: html });
    });
    const first = await page.goto(url);
    return { context, page, first: first!, consoleErrors };
  }

  async function inlineScriptRan(page: Page) {
    return page.evaluate(() => (window as any).__inlineScriptRan === true);
  }

  it('signs the guest in, shows an accessible form, takes the secret and says done; the retry runs with it', async () => {
    const token = await guestToken();
    const client = await mcp.connectV2('modern', '', `Bearer ${token}`, {
      elicitation: { url: {} },
    });
    const seen: Record<string, unknown> = {};

    client.setRequestHandler('elicitation/create', async (request: any) => {
      const { context, page, first, consoleErrors } = await openInBrowser(
        request.params.url,
      );
      try {
        // Without a cookie: the sign-in page, whose script signs in and reloads.
        expect(first.status()).toBe(401);
        expect(first.headers()['content-security-policy']).toBe(
          `${CSP}; connect-src 'self' ${mcp.externalBaseUrl}`,
        );
        const form = page.locator('form[data-secrets-form]');
        await form.waitFor({ timeout: 15_000 });

        const response = await page.reload();
        const headers = response!.headers();
        seen.csp = headers['content-security-policy'];
        seen.nosniff = headers['x-content-type-options'];
        seen.referrer = headers['referrer-policy'];
        seen.cache = headers['cache-control'];
        seen.ownScript = await page.evaluate(
          () => document.documentElement.dataset.script,
        );
        seen.inlineScriptRan = await inlineScriptRan(page);
        seen.heading = await page.locator('h1').textContent();
        seen.requester = await page.locator('main strong').textContent();

        const token_ = page.getByLabel(/apiToken/);
        seen.tokenType = await token_.getAttribute('type');
        seen.tokenRequired = await token_.evaluate(
          e => (e as HTMLInputElement).required,
        );
        seen.tokenDescription = await token_.evaluate(
          e =>
            document.getElementById(e.getAttribute('aria-describedby')!)
              ?.textContent,
        );
        seen.sandboxType = await page
          .getByLabel('sandbox')
          .getAttribute('type');
        seen.rememberType = await page
          .getByLabel('Remember for this session')
          .getAttribute('type');

        await token_.fill(SECRET);
        await page.screenshot({ path: SCREENSHOT, fullPage: true });
        await page.getByRole('button', { name: 'Submit secrets' }).click();
        await page.locator('h1', { hasText: 'Done' }).waitFor();
        seen.done = await page.locator('h1').textContent();
        seen.doneHasSecret = (await page.content()).includes(SECRET);
        seen.cspRefusedInline = consoleErrors.some(
          e => /Content Security Policy/.test(e) && /inline script/i.test(e),
        );
      } finally {
        await context.close();
      }
      return { action: 'accept' };
    });

    await expect(
      client.callTool({
        name: 'test-actions.call-webhook',
        arguments: { message: 'hi' },
      }),
    ).resolves.toMatchObject({
      structuredContent: {
        sent: 'hi',
        tokenFingerprint: tokenFingerprint(SECRET),
        sandbox: false,
      },
    });
    expect(seen).toEqual({
      csp: CSP,
      nosniff: 'nosniff',
      referrer: 'no-referrer',
      cache: 'no-store',
      ownScript: 'ready',
      inlineScriptRan: false,
      cspRefusedInline: true,
      heading: 'Secrets for Call webhook',
      requester: 'user:development/guest',
      tokenType: 'password',
      tokenRequired: true,
      tokenDescription: 'Your personal token for the example webhook',
      sandboxType: 'checkbox',
      rememberType: 'checkbox',
      done: 'Done — you can return to your client',
      doneHasSecret: false,
    });
  });

  it("keeps the browser's form on the page when a required value is missing", async () => {
    const token = await guestToken();
    const res = await postRpc(
      mcp.url().toString(),
      JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'tools/call',
        params: {
          name: 'test-actions.call-webhook',
          arguments: { message: 'x' },
        },
      }),
      {
        Authorization: `Bearer ${token}`,
        'MCP-Protocol-Version': '2025-11-25',
      },
    );
    const url: string = res.body.error.data.elicitations[0].url;
    const { context, page } = await openInBrowser(url);
    try {
      await page
        .locator('form[data-secrets-form]')
        .waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Submit secrets' }).click();
      // The browser's own validation stops the submission at the empty field.
      expect(
        await page
          .getByLabel(/apiToken/)
          .evaluate(e => (e as HTMLInputElement).validity.valueMissing),
      ).toBe(true);
      expect(await page.locator('h1').textContent()).toBe(
        'Secrets for Call webhook',
      );
    } finally {
      await context.close();
    }
  });
});
