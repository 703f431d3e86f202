import type { BackendFeature } from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceFactory,
  actionsServiceFactory,
} from '@backstage/backend-defaults/alpha';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { ClientCapabilities } from '@modelcontextprotocol/sdk/types.js';
import {
  Client as ClientV2,
  type ClientCapabilities as ClientCapabilitiesV2,
  StreamableHTTPClientTransport as StreamableHTTPClientTransportV2,
} from '@modelcontextprotocol/client';
import type { AddressInfo } from 'node:net';
import { mcpActionsPlugin } from '../plugin';
import { createTestActionsPlugin } from './testActionsPlugin';
import {
  TASKS_CAPABILITIES,
  modernRpc,
  sameRealmFetch,
  taskSessionFor,
} from './taskClients';

export const USER_ALICE = 'user:default/alice';

export interface StartOptions {
  /** Config merged over a default that lists `test-actions` as source. */
  config?: JsonObject;
  /** Extra features (plugins, service factories). */
  features?: BackendFeature[];
  /** Leave out the mock httpAuth/auth, for tests that bring the real ones. */
  realAuth?: boolean;
  /** Also register the test action that needs a secret (`call-webhook`). */
  secretAction?: boolean;
}

/**
 * Starts a real backend on a random port on 127.0.0.1 with this plugin, the
 * real actions and actions registry services, and a plugin registering test
 * actions; returns helpers to reach it with the real MCP SDK client.
 */
export async function startMcpBackend(options: StartOptions = {}) {
  const pluginSources = ['test-actions'];
  const backend = await startTestBackend({
    features: [
      mcpActionsPlugin,
      createTestActionsPlugin('test-actions', {
        secretAction: options.secretAction,
      }),
      actionsRegistryServiceFactory,
      actionsServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          backend: {
            actions: { pluginSources },
            listen: { host: '127.0.0.1' },
          },
          ...options.config,
        },
      }),
      ...(options.realAuth
        ? []
        : [
            mockServices.httpAuth.factory({
              defaultCredentials: mockCredentials.none(),
            }),
          ]),
      ...(options.features ?? []),
    ],
  });
  const { port } = backend.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  /** What the test backend's discovery service reports as external URL. */
  const externalBaseUrl = `http://localhost:${port}`;
  const clients: Array<{ close(): Promise<void> }> = [];

  const url = (path = '') => new URL(`${baseUrl}/api/mcp-actions/v1${path}`);

  return {
    backend,
    baseUrl,
    externalBaseUrl,
    url,
    /** An SDK client over Streamable HTTP, connected and initialized. */
    async connect(
      path = '',
      authorization: string | undefined = mockCredentials.user.header(
        USER_ALICE,
      ),
    ) {
      const client = new Client({ name: 'test-client', version: '1.0.0' });
      const transport = new StreamableHTTPClientTransport(url(path), {
        requestInit: withAuthorization(authorization),
      });
      await client.connect(transport);
      clients.push(client);
      return client;
    },
    /**
     * An SDK v2 client over Streamable HTTP: pinned to 2026-07-28
     * (`'modern'`), negotiating (`'auto'`: discover first, initialize as
     * fallback), or the 2025 handshake (`'legacy'`).
     */
    async connectV2(
      mode: 'modern' | 'auto' | 'legacy' = 'modern',
      path = '',
      authorization: string | undefined = mockCredentials.user.header(
        USER_ALICE,
      ),
      capabilities?: ClientCapabilitiesV2,
    ) {
      const client = new ClientV2(
        { name: 'test-client-v2', version: '2.0.0' },
        {
          ...(capabilities ? { capabilities } : {}),
          ...(mode === 'legacy'
            ? {}
            : {
                versionNegotiation: {
                  mode: mode === 'modern' ? { pin: '2026-07-28' } : 'auto',
                },
              }),
        },
      );
      const transport = new StreamableHTTPClientTransportV2(url(path), {
        requestInit: withAuthorization(authorization),
      });
      await client.connect(transport);
      clients.push(client);
      return client;
    },
    /**
     * A 2026-07-28 client declaring the Tasks extension on every request:
     * the SDK v2 client, and an ext-tasks session over it that follows
     * the calls answered with a task.
     */
    async connectTasks(
      path = '',
      authorization: string | undefined = mockCredentials.user.header(
        USER_ALICE,
      ),
    ) {
      const client = new ClientV2(
        { name: 'test-tasks-client', version: '2.0.0' },
        {
          capabilities: TASKS_CAPABILITIES,
          versionNegotiation: { mode: { pin: '2026-07-28' } },
        },
      );
      await client.connect(
        new StreamableHTTPClientTransportV2(url(path), {
          requestInit: withAuthorization(authorization),
          fetch: sameRealmFetch,
        }),
      );
      clients.push(client);
      const session = taskSessionFor(
        client,
        url(path).toString(),
        authorization,
      );
      clients.push(session);
      return { client, session };
    },
    /**
     * One raw 2026-07-28 request, declaring the Tasks extension unless
     * other `capabilities` are given; for asserting on wire shapes.
     */
    rpc(
      method: string,
      params: Record<string, unknown>,
      rpcOptions: {
        path?: string;
        authorization?: string;
        capabilities?: object;
      } = {},
    ) {
      return modernRpc(url(rpcOptions.path).toString(), method, params, {
        authorization:
          rpcOptions.authorization ?? mockCredentials.user.header(USER_ALICE),
        capabilities: rpcOptions.capabilities,
      });
    },
    /** An SDK client over the legacy SSE transport. */
    async connectSse(
      path = '',
      authorization: string | undefined = mockCredentials.user.header(
        USER_ALICE,
      ),
      capabilities?: ClientCapabilities,
    ) {
      const client = new Client(
        { name: 'test-sse-client', version: '1.0.0' },
        capabilities ? { capabilities } : undefined,
      );
      const headers: Record<string, string> = authorization
        ? { Authorization: authorization }
        : {};
      const transport = new SSEClientTransport(url(`${path}/sse`), {
        requestInit: { headers },
        eventSourceInit: {
          fetch: (input, init) =>
            fetch(input, {
              ...init,
              headers: {
                ...(init?.headers as Record<string, string>),
                ...headers,
              },
            }),
        },
      });
      await client.connect(transport);
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(clients.map(c => c.close().catch(() => {})));
      await backend.stop();
    },
  };
}

export type McpTestBackend = Awaited<ReturnType<typeof startMcpBackend>>;

/** The request options that send `authorization`, if any. */
function withAuthorization(authorization: string | undefined) {
  return authorization
    ? { headers: { Authorization: authorization } }
    : undefined;
}
