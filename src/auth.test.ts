import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import {
  discoverOAuthServerInfo,
  extractResourceMetadataUrl,
} from '@modelcontextprotocol/sdk/client/auth.js';
import authPlugin from '@backstage/plugin-auth-backend';
import guestProviderModule from '@backstage/plugin-auth-backend-module-guest-provider';
import request from 'supertest';
import {
  McpTestBackend,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

const FULL_TOKEN = 'full-access-token-123';
const MCP_ONLY_TOKEN = 'mcp-only-token-123';
const CATALOG_ONLY_TOKEN = 'catalog-only-token-123';

const externalAccess = [
  {
    type: 'static',
    options: { token: FULL_TOKEN, subject: 'mcp-clients' },
    accessRestrictions: [{ plugin: 'mcp-actions' }, { plugin: 'test-actions' }],
  },
  {
    type: 'static',
    options: { token: MCP_ONLY_TOKEN, subject: 'mcp-only' },
    accessRestrictions: [{ plugin: 'mcp-actions' }],
  },
  {
    type: 'static',
    options: { token: CATALOG_ONLY_TOKEN, subject: 'catalog-only' },
    accessRestrictions: [{ plugin: 'catalog' }],
  },
];

const servers = {
  widgets: {
    name: 'Widgets',
    filter: { include: [{ id: 'test-actions:delete-*' }] },
  },
};

/** Every kind of route the plugin serves, as [method, path] pairs. */
const ROUTES: Array<['post' | 'get' | 'delete', string]> = [
  ['post', '/api/mcp-actions/v1'],
  ['post', '/api/mcp-actions/v1/widgets'],
  ['get', '/api/mcp-actions/v1'],
  ['delete', '/api/mcp-actions/v1/widgets'],
  ['get', '/api/mcp-actions/v1/sse'],
  ['get', '/api/mcp-actions/v1/widgets/sse'],
  ['post', '/api/mcp-actions/v1/messages?sessionId=abc'],
  ['post', '/api/mcp-actions/v1/widgets/messages?sessionId=abc'],
  ['post', '/api/mcp-actions/v1/unknown-server'],
];

const BAD_AUTHORIZATION: Array<[string, string | undefined]> = [
  ['no header', undefined],
  ['a malformed header', 'Bearer'],
  ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
  ['a wrong token', 'Bearer wrong-token-123456'],
  [
    'an unverifiable JWT',
    'Bearer eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c2VyOmRlZmF1bHQvbWFsbG9yeSIsImV4cCI6OTk5OTk5OTk5OX0.c2lnbmF0dXJl',
  ],
];

function send(
  base: string,
  method: 'post' | 'get' | 'delete',
  path: string,
  authorization?: string,
) {
  const req = request(base)
    [method](path)
    .set('Accept', 'application/json, text/event-stream')
    .set('Content-Type', 'application/json');
  if (authorization) {
    req.set('Authorization', authorization);
  }
  return method === 'post'
    ? req.send({ jsonrpc: '2.0', id: 1, method: 'tools/list' })
    : req;
}

describe('authentication with static tokens (OAuth off)', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      realAuth: true,
      features: [authServiceFactory, httpAuthServiceFactory],
      config: {
        app: { baseUrl: 'http://portal.example.com' },
        backend: {
          actions: { pluginSources: ['test-actions'] },
          listen: { host: '127.0.0.1' },
          auth: { externalAccess },
        },
        mcpActions: { servers },
      },
    });
  });
  afterAll(() => mcp?.stop());

  it('lists and calls tools with a static token', async () => {
    const client = await mcp.connect('', `Bearer ${FULL_TOKEN}`);
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(5);
    const result = await client.callTool({
      name: 'test-actions.whoami',
      arguments: {},
    });
    // Backstage delegates a service caller's request as the calling plugin.
    expect(result.structuredContent).toEqual({
      principal: 'service:plugin:mcp-actions',
    });
  });

  it('shows no tools of a source plugin the token is restricted away from', async () => {
    const client = await mcp.connect('', `Bearer ${MCP_ONLY_TOKEN}`);
    const { tools } = await client.listTools();
    expect(tools).toEqual([]);
  });

  it('refuses a token that is not allowed to reach this plugin', async () => {
    const res = await send(
      mcp.baseUrl,
      'post',
      '/api/mcp-actions/v1',
      `Bearer ${CATALOG_ONLY_TOKEN}`,
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 } });
  });

  describe.each(BAD_AUTHORIZATION)('with %s', (_, authorization) => {
    it.each(ROUTES)(
      'answers %s %s with 401 and a challenge',
      async (method, path) => {
        const res = await send(mcp.baseUrl, method, path, authorization);
        expect(res.status).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Bearer');
        expect(res.body).toMatchObject({
          jsonrpc: '2.0',
          error: {
            code: -32000,
            message: expect.stringMatching(/^Unauthorized/),
          },
        });
        expect(JSON.stringify(res.body)).not.toContain('tools');
      },
    );
  });

  it('serves no OAuth discovery documents', async () => {
    for (const path of [
      '/.well-known/oauth-protected-resource',
      '/.well-known/oauth-protected-resource/api/mcp-actions/v1',
      '/.well-known/oauth-authorization-server',
    ]) {
      const res = await request(mcp.baseUrl).get(path);
      expect(res.status).toBe(404);
    }
  });

  it('refuses a foreign Origin before any MCP work and accepts the app origin', async () => {
    const foreign = await send(
      mcp.baseUrl,
      'post',
      '/api/mcp-actions/v1',
      `Bearer ${FULL_TOKEN}`,
    ).set('Origin', 'http://evil.example.net');
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.message).toContain('evil.example.net');

    const own = await send(
      mcp.baseUrl,
      'post',
      '/api/mcp-actions/v1',
      `Bearer ${FULL_TOKEN}`,
    ).set('Origin', 'http://portal.example.com');
    expect(own.status).toBe(200);
  });
});

describe('the MCP authorization discovery flow (OAuth on)', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      realAuth: true,
      features: [
        authServiceFactory,
        httpAuthServiceFactory,
        authPlugin,
        guestProviderModule,
      ],
      config: {
        backend: {
          actions: { pluginSources: ['test-actions'] },
          listen: { host: '127.0.0.1' },
          auth: { externalAccess },
        },
        app: { baseUrl: 'http://localhost:3000' },
        auth: {
          experimentalClientIdMetadataDocuments: { enabled: true },
          providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
        },
        mcpActions: { servers },
      },
    });
  });
  afterAll(() => mcp?.stop());

  it.each([
    ['', '/api/mcp-actions/v1'],
    ['/widgets', '/api/mcp-actions/v1/widgets'],
  ])(
    'points a client without a token from %s to its metadata',
    async (path, resourcePath) => {
      const res = await fetch(mcp.url(path), {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      });
      expect(res.status).toBe(401);
      const metadataUrl = extractResourceMetadataUrl(res);
      expect(metadataUrl?.href).toBe(
        `${mcp.externalBaseUrl}/.well-known/oauth-protected-resource${resourcePath}`,
      );

      const prm = await (await fetch(metadataUrl!)).json();
      expect(prm).toMatchObject({
        resource: `${mcp.externalBaseUrl}${resourcePath}`,
        authorization_servers: [`${mcp.externalBaseUrl}/api/auth`],
        bearer_methods_supported: ['header'],
        scopes_supported: expect.arrayContaining(['openid']),
      });
    },
  );

  it('serves the default server at the bare well-known path too', async () => {
    const res = await request(mcp.baseUrl).get(
      '/.well-known/oauth-protected-resource',
    );
    expect(res.status).toBe(200);
    expect(res.body.resource).toBe(`${mcp.externalBaseUrl}/api/mcp-actions/v1`);
    const unknown = await request(mcp.baseUrl).get(
      '/.well-known/oauth-protected-resource/api/mcp-actions/v1/nope',
    );
    expect(unknown.status).toBe(404);
  });

  it('lets the SDK follow the chain to the authorization server metadata', async () => {
    const info = await discoverOAuthServerInfo(mcp.url('/widgets'));
    expect(info.authorizationServerUrl).toBe(`${mcp.externalBaseUrl}/api/auth`);
    expect(info.resourceMetadata?.resource).toBe(
      `${mcp.externalBaseUrl}/api/mcp-actions/v1/widgets`,
    );
    expect(info.authorizationServerMetadata).toMatchObject({
      issuer: `${mcp.externalBaseUrl}/api/auth`,
      authorization_endpoint: `${mcp.externalBaseUrl}/api/auth/v1/authorize`,
      token_endpoint: `${mcp.externalBaseUrl}/api/auth/v1/token`,
      client_id_metadata_document_supported: true,
    });
  });

  it('serves the auth backend metadata at the root well-known path', async () => {
    const res = await request(mcp.baseUrl).get(
      '/.well-known/oauth-authorization-server',
    );
    expect(res.status).toBe(200);
    expect(res.body.issuer).toBe(`${mcp.externalBaseUrl}/api/auth`);
    const withPath = await request(mcp.baseUrl).get(
      '/.well-known/oauth-authorization-server/api/auth',
    );
    expect(withPath.body).toEqual(res.body);
  });

  it('lets a signed-in user call tools as themselves', async () => {
    const refresh = await request(mcp.baseUrl)
      .get('/api/auth/guest/refresh')
      .set('X-Requested-With', 'XMLHttpRequest');
    expect(refresh.status).toBe(200);
    const token = refresh.body.backstageIdentity.token;
    const client = await mcp.connect('', `Bearer ${token}`);
    const result = await client.callTool({
      name: 'test-actions.whoami',
      arguments: {},
    });
    expect(result.structuredContent).toEqual({
      principal: 'user:development/guest',
    });
  });
});
