/*
 * An MCP client signs a user in with OAuth, end to end, against the dev
 * backend as `npm run start:oauth` runs it (app-config.oauth.yaml: Client ID
 * Metadata Documents, refresh tokens, app.baseUrl at the backend) with the
 * real auth backend and guest sign-in. The client starts from nothing but
 * the MCP URL: the 401 names the protected resource metadata, that names
 * the auth backend, whose metadata gives the endpoints. The client is
 * identified by a metadata document this test serves on 127.0.0.1; the user
 * approves through the auth backend's session API (first by hand, then in
 * Chromium on the dev consent page, driven by the SDK's own OAuth client).
 */
import {
  Client,
  type OAuthClientMetadata,
  type OAuthClientProvider,
  type OAuthDiscoveryState,
  type OAuthTokens,
  StreamableHTTPClientTransport,
  UnauthorizedError,
} from '@modelcontextprotocol/client';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { DevBackend, startDevBackend } from './__testUtils__/startDevBackend';

jest.setTimeout(120_000);

const CHROMIUM = '/usr/bin/chromium';
const CLIENT_NAME = 'OAuth flow test client';

/** The base64url SHA-256 of a PKCE verifier (method S256). */
function challengeOf(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

/** Header and claims of a JWT, unverified: for comparing, not trusting. */
function decodeJwt(token: string) {
  const [header, payload] = token
    .split('.')
    .slice(0, 2)
    .map(part => JSON.parse(Buffer.from(part, 'base64url').toString('utf8')));
  return { header, payload };
}

/**
 * What a native MCP client runs beside itself: its client metadata document
 * (its URL is the client ID) and the loopback callback the browser returns
 * to, which records what it was given.
 */
async function startClientSite() {
  const callbacks: URLSearchParams[] = [];
  let origin = '';
  const metadata = () => ({
    client_id: `${origin}/client.json`,
    client_name: CLIENT_NAME,
    redirect_uris: [`${origin}/callback`],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
    scope: 'openid offline_access',
  });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname === '/client.json') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(metadata()));
      return;
    }
    if (url.pathname === '/callback') {
      callbacks.push(url.searchParams);
      res.end('You can close this window.');
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    clientId: `${origin}/client.json`,
    redirectUri: `${origin}/callback`,
    callbacks,
    stop: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

type ClientSite = Awaited<ReturnType<typeof startClientSite>>;

describe('OAuth sign-in of an MCP client (npm run start:oauth)', () => {
  let dev: DevBackend;
  let site: ClientSite;
  let mcpUrl: string;
  let authBase: string;
  const previousNodeEnv = process.env.NODE_ENV;
  const clients: Client[] = [];

  beforeAll(async () => {
    // The auth backend takes an http client ID on localhost only in
    // development, as `backstage-cli package start` runs it.
    process.env.NODE_ENV = 'development';
    site = await startClientSite();
    dev = await startDevBackend({
      oauth: true,
      config: {
        auth: {
          clientIdMetadataDocuments: {
            allowedClientIdPatterns: [site.clientId],
          },
        },
      },
    });
    mcpUrl = `${dev.baseUrl}/api/mcp-actions/v1`;
    authBase = `${dev.baseUrl}/api/auth`;
  });

  afterAll(async () => {
    await Promise.all(clients.map(c => c.close().catch(() => {})));
    await dev?.stop();
    await site?.stop();
    process.env.NODE_ENV = previousNodeEnv;
  });

  /** An SDK v2 client over Streamable HTTP, with a bearer token or a provider. */
  async function connect(
    auth: { token: string } | { provider: OAuthClientProvider },
  ) {
    const client = new Client({ name: 'oauth-flow-test', version: '1.0.0' });
    clients.push(client);
    await client.connect(
      new StreamableHTTPClientTransport(
        new URL(mcpUrl),
        'token' in auth
          ? {
              requestInit: {
                headers: { Authorization: `Bearer ${auth.token}` },
              },
            }
          : { authProvider: auth.provider },
      ),
    );
    return client;
  }

  /** The app's own sign-in: a guest user token from the guest provider. */
  async function guestToken(): Promise<string> {
    const res = await fetch(`${authBase}/guest/refresh?env=development`, {
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    expect(res.status).toBe(200);
    return (await res.json()).backstageIdentity.token;
  }

  async function tokenRequest(params: Record<string, string>) {
    const res = await fetch(`${authBase}/v1/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(params),
    });
    return { status: res.status, body: await res.json() };
  }

  /** Starts an authorization and returns the consent page's session ID. */
  async function authorize(params: Record<string, string>) {
    const res = await fetch(
      `${authBase}/v1/authorize?${new URLSearchParams(params)}`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    // app.baseUrl is the backend itself, where the dev consent page lives.
    expect(location.origin).toBe(dev.baseUrl);
    const sessionId = /^\/oauth2\/authorize\/([^/]+)$/.exec(
      location.pathname,
    )?.[1];
    expect(sessionId).toBeDefined();
    return { consentPage: location.href, sessionId: sessionId! };
  }

  describe('step by step, as a client does it', () => {
    const verifier = randomBytes(32).toString('base64url');
    const state = randomBytes(16).toString('base64url');
    let metadata: Record<string, any>;
    let sessionId: string;
    let consentPage: string;
    let code: string;
    let tokens: Record<string, any>;
    let refreshed: Record<string, any>;

    it('answers the MCP URL without a token with 401 naming the resource metadata', async () => {
      const res = await fetch(mcpUrl, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe(
        `Bearer resource_metadata="${dev.baseUrl}/.well-known/oauth-protected-resource/api/mcp-actions/v1"`,
      );
    });

    it('serves the resource metadata, which names the auth backend, and its metadata', async () => {
      const prm = await (
        await fetch(
          `${dev.baseUrl}/.well-known/oauth-protected-resource/api/mcp-actions/v1`,
        )
      ).json();
      expect(prm).toMatchObject({
        resource: mcpUrl,
        authorization_servers: [authBase],
        scopes_supported: ['openid', 'offline_access'],
        bearer_methods_supported: ['header'],
      });

      // RFC 8414: the issuer's path goes after the well-known segment.
      const res = await fetch(
        `${dev.baseUrl}/.well-known/oauth-authorization-server/api/auth`,
      );
      expect(res.status).toBe(200);
      metadata = await res.json();
      expect(metadata).toMatchObject({
        issuer: authBase,
        authorization_endpoint: `${authBase}/v1/authorize`,
        token_endpoint: `${authBase}/v1/token`,
        revocation_endpoint: `${authBase}/v1/revoke`,
        code_challenge_methods_supported: expect.arrayContaining(['S256']),
        grant_types_supported: ['authorization_code', 'refresh_token'],
        token_endpoint_auth_methods_supported: expect.arrayContaining(['none']),
        client_id_metadata_document_supported: true,
      });
      // Dynamic Client Registration is off in app-config.oauth.yaml.
      expect(metadata.registration_endpoint).toBeUndefined();
    });

    it('sends the browser to the consent page, which shows the client and the scopes', async () => {
      ({ sessionId, consentPage } = await authorize({
        client_id: site.clientId,
        redirect_uri: site.redirectUri,
        response_type: 'code',
        scope: 'openid offline_access',
        state,
        code_challenge: challengeOf(verifier),
        code_challenge_method: 'S256',
        // RFC 8707; the auth backend does not read it (see README).
        resource: mcpUrl,
      }));

      const res = await fetch(consentPage);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toContain(
        "script-src 'self'",
      );
      const html = await res.text();
      expect(html).toContain(`<span data-client-name>${CLIENT_NAME}</span>`);
      expect(html).toContain(
        '<dd data-scopes><code>openid</code> <code>offline_access</code></dd>',
      );
      expect(html).toContain(
        `data-session-api="/api/auth/v1/sessions/${sessionId}"`,
      );
    });

    it('lets only a signed-in user approve, then returns the code and state to the client', async () => {
      const approve = `${authBase}/v1/sessions/${sessionId}/approve`;
      const anonymous = await fetch(approve, { method: 'POST' });
      expect(anonymous.status).toBe(403);
      expect(await anonymous.json()).toMatchObject({ error: 'access_denied' });

      const res = await fetch(approve, {
        method: 'POST',
        headers: { Authorization: `Bearer ${await guestToken()}` },
      });
      expect(res.status).toBe(200);
      const { redirectUrl } = await res.json();
      expect(redirectUrl.startsWith(`${site.redirectUri}?`)).toBe(true);

      // The browser follows the redirect to the client's callback.
      expect((await fetch(redirectUrl)).status).toBe(200);
      const received = site.callbacks.at(-1)!;
      expect(received.get('state')).toBe(state);
      code = received.get('code')!;
      expect(code).toMatch(/^[\w-]{20,}$/);
    });

    it('exchanges the code only with the right PKCE verifier, and only once', async () => {
      const exchange = (codeVerifier: string) =>
        tokenRequest({
          grant_type: 'authorization_code',
          code,
          redirect_uri: site.redirectUri,
          code_verifier: codeVerifier,
          client_id: site.clientId,
        });

      const wrong = await exchange(randomBytes(32).toString('base64url'));
      expect(wrong).toMatchObject({
        status: 400,
        body: { error: 'invalid_grant' },
      });

      const right = await exchange(verifier);
      expect(right.status).toBe(200);
      tokens = right.body;
      expect(tokens).toMatchObject({
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'openid offline_access',
        access_token: expect.any(String),
        refresh_token: expect.any(String),
      });

      const again = await exchange(verifier);
      expect(again).toMatchObject({
        status: 400,
        body: { error: 'invalid_grant' },
      });
    });

    it('lists and calls tools as the user with the access token', async () => {
      const client = await connect({ token: tokens.access_token });
      const names = (await client.listTools()).tools.map(t => t.name);
      expect(names).toContain('local.greet-user');
      const result = await client.callTool({
        name: 'local.greet-user',
        arguments: { name: 'Ada' },
      });
      expect(result.structuredContent).toEqual({
        greeting: 'Hello, Ada!',
        caller: 'user:development/guest',
      });
    });

    it("issues a token of the same kind as the app's own sign-in: nothing names the client or the resource", async () => {
      const oauth = decodeJwt(tokens.access_token);
      const app = decodeJwt(await guestToken());
      expect(oauth.header).toEqual(app.header);
      expect(oauth.header.typ).toBe('vnd.backstage.user');
      expect(Object.keys(oauth.payload).sort()).toEqual(
        Object.keys(app.payload).sort(),
      );
      expect(Object.keys(oauth.payload).sort()).toEqual([
        'aud',
        'exp',
        'iat',
        'iss',
        'sub',
        'uip',
      ]);
      for (const claim of ['iss', 'sub', 'aud'] as const) {
        expect(oauth.payload[claim]).toBe(app.payload[claim]);
      }
      expect(oauth.payload.aud).toBe('backstage');
      // The ID token is the access token itself.
      expect(tokens.id_token).toBe(tokens.access_token);
    });

    it('refreshes: a new access token that works, and the used refresh token is spent', async () => {
      const res = await tokenRequest({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        client_id: site.clientId,
      });
      expect(res.status).toBe(200);
      refreshed = res.body;
      expect(refreshed).toMatchObject({
        token_type: 'Bearer',
        access_token: expect.any(String),
        refresh_token: expect.any(String),
      });
      expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);

      const client = await connect({ token: refreshed.access_token });
      expect((await client.listTools()).tools.length).toBeGreaterThan(0);

      const reused = await tokenRequest({
        grant_type: 'refresh_token',
        refresh_token: tokens.refresh_token,
        client_id: site.clientId,
      });
      expect(reused).toMatchObject({
        status: 400,
        body: { error: 'invalid_grant' },
      });
    });

    it('revokes the refresh token; the access token still works until it expires', async () => {
      const revoke = await fetch(metadata.revocation_endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          token: refreshed.refresh_token,
          token_type_hint: 'refresh_token',
          client_id: site.clientId,
        }),
      });
      expect(revoke.status).toBe(200);

      const refresh = await tokenRequest({
        grant_type: 'refresh_token',
        refresh_token: refreshed.refresh_token,
        client_id: site.clientId,
      });
      expect(refresh).toMatchObject({
        status: 400,
        body: { error: 'invalid_grant' },
      });

      // Access tokens are self-contained JWTs that nothing revokes: the
      // last one is accepted until its `exp` (see README).
      const client = await connect({ token: refreshed.access_token });
      expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    });

    it('sends the client access_denied when the user rejects', async () => {
      const rejected = await authorize({
        client_id: site.clientId,
        redirect_uri: site.redirectUri,
        response_type: 'code',
        scope: 'openid',
        state: 'rejected-state',
        code_challenge: challengeOf(verifier),
        code_challenge_method: 'S256',
      });
      const res = await fetch(
        `${authBase}/v1/sessions/${rejected.sessionId}/reject`,
        {
          method: 'POST',
          headers: { Authorization: `Bearer ${await guestToken()}` },
        },
      );
      expect(res.status).toBe(200);
      const redirect = new URL((await res.json()).redirectUrl);
      expect(`${redirect.origin}${redirect.pathname}`).toBe(site.redirectUri);
      expect(redirect.searchParams.get('error')).toBe('access_denied');
      expect(redirect.searchParams.get('state')).toBe('rejected-state');

      // The answered request is gone: its consent page says so.
      expect((await fetch(rejected.consentPage)).status).toBe(404);
    });
  });

  describe("with the SDK's OAuth client and a person in Chromium", () => {
    let browser: Browser;

    beforeAll(async () => {
      if (!fs.existsSync(CHROMIUM)) {
        throw new Error(
          `${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`,
        );
      }
      browser = await chromium.launch({ executablePath: CHROMIUM });
    });
    afterAll(() => browser?.close());

    /**
     * The SDK's OAuth client, with the two parts a real client brings: a
     * store, and a browser to send the person to. Its client ID is the
     * metadata document's URL, given as known client information: the SDK
     * takes a metadata document URL only over https.
     */
    class BrowserClient implements OAuthClientProvider {
      stored?: OAuthTokens;
      discovered?: OAuthDiscoveryState;
      verifier = '';
      authorizationUrl?: URL;
      approvedScreenText?: string;

      get redirectUrl() {
        return site.redirectUri;
      }
      get clientMetadata(): OAuthClientMetadata {
        return {
          client_name: CLIENT_NAME,
          redirect_uris: [site.redirectUri],
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          token_endpoint_auth_method: 'none',
          scope: 'openid offline_access',
        };
      }
      clientInformation() {
        return { client_id: site.clientId };
      }
      tokens() {
        return this.stored;
      }
      saveTokens(tokens: OAuthTokens) {
        this.stored = tokens;
      }
      saveCodeVerifier(verifier: string) {
        this.verifier = verifier;
      }
      codeVerifier() {
        return this.verifier;
      }
      // Kept beside the verifier, so that the callback leg is checked
      // against the authorization server the first leg found.
      saveDiscoveryState(state: OAuthDiscoveryState) {
        this.discovered = state;
      }
      discoveryState() {
        return this.discovered;
      }

      /** The person: opens the URL, waits to be signed in, approves. */
      async redirectToAuthorization(url: URL) {
        this.authorizationUrl = url;
        const page = await browser.newPage();
        try {
          await page.goto(url.href);
          await page.waitForSelector(
            'button[data-decision=approve]:not([disabled])',
          );
          this.approvedScreenText = (await page.textContent('main')) ?? '';
          const callback = page.waitForURL(u =>
            u.href.startsWith(`${site.redirectUri}?`),
          );
          await page.click('button[data-decision=approve]');
          await callback;
        } finally {
          await page.close();
        }
      }
    }

    it('goes from the 401 to tools with the consent page approved in a browser', async () => {
      const provider = new BrowserClient();
      const first = new StreamableHTTPClientTransport(new URL(mcpUrl), {
        authProvider: provider,
      });
      const client = new Client({ name: 'oauth-flow-sdk', version: '1.0.0' });
      clients.push(client);
      await expect(client.connect(first)).rejects.toThrow(UnauthorizedError);

      // The SDK found the auth backend from the 401 alone.
      expect(provider.discovered).toMatchObject({
        authorizationServerUrl: authBase,
        resourceMetadataUrl: `${dev.baseUrl}/.well-known/oauth-protected-resource/api/mcp-actions/v1`,
      });

      // It asked for the code with PKCE S256 for this server.
      const asked = provider.authorizationUrl!;
      expect(`${asked.origin}${asked.pathname}`).toBe(
        `${authBase}/v1/authorize`,
      );
      expect(asked.searchParams.get('client_id')).toBe(site.clientId);
      expect(asked.searchParams.get('code_challenge_method')).toBe('S256');
      expect(asked.searchParams.get('code_challenge')).toBe(
        challengeOf(provider.verifier),
      );
      expect(asked.searchParams.get('resource')).toBe(mcpUrl);

      // The page showed who asks, and who was signed in to approve.
      expect(provider.approvedScreenText).toContain(CLIENT_NAME);
      expect(provider.approvedScreenText).toContain(
        'Signed in as user:development/guest.',
      );

      // The client's callback got the code; the SDK exchanges it.
      const callback = site.callbacks.at(-1)!;
      expect(callback.get('code')).toBeTruthy();
      await first.finishAuth(callback);
      expect(provider.stored?.access_token).toEqual(expect.any(String));

      const signedIn = await connect({ provider });
      const result = await signedIn.callTool({
        name: 'local.greet-user',
        arguments: { name: 'Grace' },
      });
      expect(result.structuredContent).toEqual({
        greeting: 'Hello, Grace!',
        caller: 'user:development/guest',
      });
    });
  });
});
