/*
 * Action secrets end to end, over a real backend: a tool whose action
 * declares a secret sends its user to the plugin's page (URL-mode
 * elicitation), the user fills in the form there, and the call runs with
 * the secret, which never travels through the MCP client. The page is
 * driven here the way a browser drives it (cookie, GET, CSRF token, form
 * POST); src/secretsPageBrowser.test.ts drives it with Chromium.
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockCredentials } from '@backstage/backend-test-utils';
import { modernRequest, postRpc } from './__testUtils__/jsonRpc';
import { recordingRootLogger } from './__testUtils__/recordingRootLogger';
import {
  fillInPage,
  openPage,
  recordResponses,
  submitPage,
  userCookie,
} from './__testUtils__/secretsPageBrowser';
import {
  McpTestBackend,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';
import { tokenFingerprint } from './__testUtils__/testActionsPlugin';
import { waitFor } from './__testUtils__/waitFor';

const KEY = 'a-test-key-that-is-long-enough-0123456789';
const TOOL = 'test-actions.call-webhook';
const call = { name: TOOL, arguments: { message: 'hello' } };
const PAGE_URL =
  /^http:\/\/localhost:\d+\/api\/mcp-actions\/secrets\/[A-Za-z0-9_-]{43}$/;
const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** Every secret typed in this file; none may ever come back or be logged. */
const SECRETS = {
  modern: 'sk-modern-4b1d9e7a2c',
  legacy: 'sk-legacy-8c3f0a6d51',
  remembered: 'sk-remember-7e2b90c4',
  once: 'sk-once-1a5c7e9b3d',
  wrongUser: 'sk-wrong-user-63fa01',
  tooShort: 'sk-3x',
  refusedPost: 'sk-refused-0d8e4b2',
  service: 'sk-service-5f9a3c7e1',
  expired: 'sk-expired-2c6e8a0f4',
};

const user = (name: string) =>
  mockCredentials.user.header(`user:default/${name}`);
const logs = recordingRootLogger();
const responses = recordResponses();
afterAll(() => responses.restore());

/** A 2025 call that needs secrets: the SDK v1 client gets -32042; returns the page URL. */
async function askedFor(client: {
  callTool(c: typeof call): Promise<unknown>;
}): Promise<string> {
  const error: any = await client.callTool(call).then(
    result => {
      throw new Error(`expected -32042, got ${JSON.stringify(result)}`);
    },
    e => e,
  );
  expect(error).toMatchObject({
    code: -32042,
    data: {
      elicitations: [{ mode: 'url', url: expect.stringMatching(PAGE_URL) }],
    },
  });
  return error.data.elicitations[0].url;
}

describe('action secrets through the page', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      secretAction: true,
      features: [logs.factory],
      config: { mcpActions: { secrets: { encryptionKey: KEY } } },
    });
  });
  afterAll(() => mcp?.stop());

  it('2026-07-28: the client follows the URL like a browser, and its retry runs with the secret', async () => {
    const cookie = await userCookie(mcp.baseUrl, user('alice'));
    const client = await mcp.connectV2('modern', '', user('alice'), {
      elicitation: { url: {} },
    });
    const asked: any[] = [];
    client.setRequestHandler('elicitation/create', async (request: any) => {
      asked.push(request.params);
      const done = await fillInPage(request.params.url, {
        cookie,
        values: { apiToken: SECRETS.modern },
      });
      expect(done.status).toBe(200);
      expect(done.html).toContain('Done — you can return to your client');
      return { action: 'accept' };
    });
    await expect(client.callTool(call)).resolves.toMatchObject({
      structuredContent: {
        sent: 'hello',
        tokenFingerprint: tokenFingerprint(SECRETS.modern),
        sandbox: false,
      },
    });
    expect(asked).toEqual([
      expect.objectContaining({
        mode: 'url',
        url: expect.stringMatching(PAGE_URL),
      }),
    ]);
  });

  it('2025 (SDK v1, 2025-11-25): -32042 with the URL; after the form, the next call runs with the secret', async () => {
    const cookie = await userCookie(mcp.baseUrl, user('bea'));
    const client = await mcp.connect('', user('bea'));
    const url = await askedFor(client);
    expect(
      (
        await fillInPage(url, {
          cookie,
          values: { apiToken: SECRETS.legacy, sandbox: true },
        })
      ).status,
    ).toBe(200);
    await expect(client.callTool(call)).resolves.toMatchObject({
      structuredContent: {
        tokenFingerprint: tokenFingerprint(SECRETS.legacy),
        sandbox: true,
      },
    });
  });

  it('"remember" keeps the secret for further calls; without it the next call asks again', async () => {
    const cookie = await userCookie(mcp.baseUrl, user('cleo'));
    const client = await mcp.connect('', user('cleo'));
    await fillInPage(await askedFor(client), {
      cookie,
      values: { apiToken: SECRETS.remembered },
      remember: true,
    });
    for (let i = 0; i < 2; i++) {
      await expect(client.callTool(call)).resolves.toMatchObject({
        structuredContent: {
          tokenFingerprint: tokenFingerprint(SECRETS.remembered),
        },
      });
    }

    const dora = await userCookie(mcp.baseUrl, user('dora'));
    const once = await mcp.connect('', user('dora'));
    const first = await askedFor(once);
    const done = await fillInPage(first, {
      cookie: dora,
      values: { apiToken: SECRETS.once },
    });
    expect(done.html).toContain(
      'They will be used for the next call of this tool, once.',
    );
    await expect(once.callTool(call)).resolves.toMatchObject({
      structuredContent: { tokenFingerprint: tokenFingerprint(SECRETS.once) },
    });
    expect(await askedFor(once)).not.toBe(first);
  });

  it('shows the page only to the user who called: another user gets 403, no user a sign-in page', async () => {
    const url = await askedFor(await mcp.connect('', user('erin')));
    const erin = await userCookie(mcp.baseUrl, user('erin'));
    const mallory = await userCookie(mcp.baseUrl, user('mallory'));

    const foreign = await openPage(url, mallory);
    expect(foreign.status).toBe(403);
    expect(foreign.html).toContain('This link is for another user');
    expect(foreign.html).not.toContain('call-webhook');
    const { csrf } = await openPage(url, erin);
    const foreignPost = await submitPage(url, {
      cookie: mallory,
      csrf,
      values: { apiToken: SECRETS.wrongUser },
    });
    expect(foreignPost.status).toBe(403);

    const anonymous = await openPage(url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.html).toContain('Sign in to continue');
    expect(anonymous.csrf).toBeUndefined();

    const own = await openPage(url, erin);
    expect(own.status).toBe(200);
    expect(own.html).toContain('user:default/erin');
    expect(own.html).toContain(TOOL);
  });

  it('refuses a POST without a valid CSRF token or from another origin, and says what is wrong with bad values', async () => {
    const url = await askedFor(await mcp.connect('', user('finn')));
    const cookie = await userCookie(mcp.baseUrl, user('finn'));
    const { csrf } = await openPage(url, cookie);
    const otherUrl = await askedFor(await mcp.connect('', user('finn')));
    const otherCsrf = (await openPage(otherUrl, cookie)).csrf;
    const values = { apiToken: SECRETS.refusedPost };

    for (const [token, headers] of [
      [undefined, undefined],
      [`${csrf!.slice(0, -3)}AAA`, undefined],
      [otherCsrf, undefined],
      [
        csrf,
        { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://evil.example.com' },
      ],
      [csrf, { Origin: 'https://evil.example.com' }],
      [csrf, {}],
    ] as const) {
      const refused = await submitPage(url, {
        cookie,
        csrf: token,
        values,
        headers,
      });
      expect(refused.status).toBe(403);
    }

    const invalid = await submitPage(url, {
      cookie,
      csrf,
      values: { apiToken: SECRETS.tooShort },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.html).toContain(
      'apiToken must be at least 8 characters long.',
    );
    expect(invalid.html).not.toContain(SECRETS.tooShort);

    // None of that used the link up.
    expect((await submitPage(url, { cookie, csrf, values })).status).toBe(200);
    const again = await submitPage(url, { cookie, csrf, values });
    expect(again.status).toBe(409);
    expect((await openPage(url, cookie)).html).toContain(
      'were already submitted',
    );
  });

  it('answers an unknown link with a 404 page that says to call the tool again', async () => {
    const cookie = await userCookie(mcp.baseUrl, user('gil'));
    for (const id of ['x'.repeat(43), 'not a request id', '%2e%2e']) {
      const page = await openPage(
        `${mcp.externalBaseUrl}/api/mcp-actions/secrets/${encodeURIComponent(id)}`,
        cookie,
      );
      expect(page.status).toBe(404);
      expect(page.html).toContain('call the tool again');
    }
  });

  it('sends the strict headers with every page and asset', async () => {
    const url = await askedFor(await mcp.connect('', user('hana')));
    const cookie = await userCookie(mcp.baseUrl, user('hana'));
    const base = `${mcp.externalBaseUrl}/api/mcp-actions/secrets`;
    const answers = await Promise.all([
      fetch(url, { headers: { Cookie: cookie } }),
      fetch(url),
      fetch(`${base}/${'y'.repeat(43)}`),
      fetch(`${base}/static/page.css`),
      fetch(`${base}/static/page.js`),
    ]);
    for (const res of answers) {
      expect(res.headers.get('content-security-policy')).toMatch(
        new RegExp(`^${CSP.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
      );
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const [form, signIn, , css, js] = answers;
    expect(form.headers.get('content-security-policy')).toBe(CSP);
    // The sign-in page alone may fetch: the auth backend, and our cookie endpoint.
    expect(signIn.headers.get('content-security-policy')).toBe(
      `${CSP}; connect-src 'self' ${mcp.externalBaseUrl}`,
    );
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(js.headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
  });

  describe('on the wire (2026-07-28)', () => {
    const withUrlElicitation = {
      'io.modelcontextprotocol/clientCapabilities': {
        elicitation: { url: {} },
      },
    };
    const post = (request: { body: string; headers: Record<string, string> }) =>
      postRpc(mcp.url().toString(), request.body, {
        Authorization: user('ivy'),
        ...request.headers,
      });

    it('refuses a tampered requestState', async () => {
      const first = await post(
        modernRequest('tools/call', { ...call, _meta: withUrlElicitation }),
      );
      expect(first.body.result).toMatchObject({
        resultType: 'input_required',
        requestState: expect.any(String),
      });
      const state: string = first.body.result.requestState;
      const retry = await post(
        modernRequest('tools/call', {
          ...call,
          _meta: withUrlElicitation,
          requestState: `${state.slice(0, -4)}AAAA`,
          inputResponses: { secrets: { action: 'accept' } },
        }),
      );
      expect(retry.body).toMatchObject({
        error: { code: -32602, message: 'Invalid or expired requestState' },
      });
    });

    it('tells a client without URL elicitation which capability it lacks (-32021)', async () => {
      const client = await mcp.connectV2('modern', '', user('ivy'));
      await expect(client.callTool(call)).rejects.toMatchObject({
        code: -32021,
      });
    });
  });
});

describe('a static-token caller', () => {
  const TOKEN = 'static-token-for-secrets-4711';
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      secretAction: true,
      realAuth: true,
      features: [authServiceFactory, httpAuthServiceFactory, logs.factory],
      config: {
        backend: {
          actions: { pluginSources: ['test-actions'] },
          listen: { host: '127.0.0.1' },
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: TOKEN, subject: 'ci-bot' },
                accessRestrictions: [
                  { plugin: 'mcp-actions' },
                  { plugin: 'test-actions' },
                ],
              },
            ],
          },
        },
        mcpActions: { secrets: { encryptionKey: KEY } },
      },
    });
  });
  afterAll(() => mcp?.stop());

  it('gets a one-time link that is its capability: no sign-in, used once, then asked again', async () => {
    const client = await mcp.connect('', `Bearer ${TOKEN}`);
    const url = await askedFor(client);
    const page = await openPage(url);
    expect(page.status).toBe(200);
    expect(page.html).toContain('the service ci-bot');
    expect(
      (
        await submitPage(url, {
          csrf: page.csrf,
          values: { apiToken: SECRETS.service },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await submitPage(url, {
          csrf: page.csrf,
          values: { apiToken: SECRETS.service },
        })
      ).status,
    ).toBe(409);

    await expect(client.callTool(call)).resolves.toMatchObject({
      structuredContent: {
        tokenFingerprint: tokenFingerprint(SECRETS.service),
      },
    });
    expect(await askedFor(client)).not.toBe(url);
  });
});

describe('an expired request', () => {
  // Long enough to open the page before it runs out on a busy machine.
  const REQUEST_TTL_MS = 2000;
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      secretAction: true,
      features: [logs.factory],
      config: {
        mcpActions: {
          secrets: { encryptionKey: KEY, requestTtl: REQUEST_TTL_MS },
        },
      },
    });
  });
  afterAll(() => mcp?.stop());

  it('shows the 404 page, and the next call asks again with a new URL', async () => {
    const cookie = await userCookie(mcp.baseUrl, user('jo'));
    const client = await mcp.connect('', user('jo'));
    const asked = Date.now();
    const first = await askedFor(client);
    const page = await openPage(first, cookie);
    expect(page.status).toBe(200);
    // Polled until the link reads as unknown, which it must not before the
    // request's TTL ran out (the server's clock is this process's).
    expect(
      await waitFor(
        async () => (await openPage(first, cookie)).status === 404,
        REQUEST_TTL_MS + 5000,
      ),
    ).toBe(true);
    expect(Date.now() - asked).toBeGreaterThanOrEqual(REQUEST_TTL_MS);

    const expired = await submitPage(first, {
      cookie,
      csrf: page.csrf,
      values: { apiToken: SECRETS.expired },
    });
    expect(expired.status).toBe(404);
    expect(expired.html).toContain('This link has expired or is unknown');
    expect((await openPage(first, cookie)).status).toBe(404);

    const second = await askedFor(client);
    expect(second).not.toBe(first);
    await fillInPage(second, { cookie, values: { apiToken: SECRETS.expired } });
    await expect(client.callTool(call)).resolves.toMatchObject({
      structuredContent: {
        tokenFingerprint: tokenFingerprint(SECRETS.expired),
      },
    });
  });
});

describe('what the run left behind', () => {
  it('has no secret in any log line or any response', async () => {
    expect(
      logs.lines.some(line => line.includes('mcp-actions.secrets-submission')),
    ).toBe(true); // the capture works
    const bodies = await responses.all();
    expect(
      bodies.some(body => body.includes(tokenFingerprint(SECRETS.modern))),
    ).toBe(true);
    for (const secret of Object.values(SECRETS)) {
      expect(logs.lines.filter(line => line.includes(secret))).toEqual([]);
      expect(bodies.filter(body => body.includes(secret))).toEqual([]);
    }
  });
});
