import { createBackend } from '@backstage/backend-defaults';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import { mockServices } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../bench/childProcesses';
import { DEV_MCP_TOKEN, DEV_SECRETS_KEY } from '../../dev/devToken';
import { devBackendFeatures } from '../../dev/features';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Starts the dev backend in this process as `npm start` does: the features of
 * dev/features.ts on `createBackend()` with the real default services and
 * app-config.yaml (and app-config.portal.yaml with `portal`,
 * app-config.oauth.yaml with `oauth`), with the
 * development token. Only the port differs (a free
 * one on 127.0.0.1), and the log, which shows errors only.
 */
export async function startDevBackend(
  options: {
    /** Also serve the realistic portal, as `npm run start:portal` does. */
    portal?: boolean;
    /**
     * Also load app-config.oauth.yaml, as `npm run start:oauth` does, with
     * `app.baseUrl` at this backend's own URL (the consent page is served
     * there, and the port moves).
     */
    oauth?: boolean;
    /**
     * Also load app-config.trust.yaml and run the permission backend with
     * the example policy, as `npm run start:trust` does.
     */
    trust?: boolean;
    /** Config over app-config.yaml's, e.g. `mcpActions` keys. */
    config?: JsonObject;
  } = {},
) {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mcp-dev-backend-test-'));
  const overrides = path.join(dir, 'app-config.port.yaml');
  // JSON is YAML. reading.allow names the port, so it moves along with it.
  await fs.writeFile(
    overrides,
    JSON.stringify({
      ...options.config,
      ...(options.oauth ? { app: { baseUrl } } : {}),
      backend: {
        baseUrl,
        listen: { host: '127.0.0.1', port },
        reading: {
          allow: [
            { host: `localhost:${port}`, paths: ['/api/local/published/'] },
          ],
        },
      },
    }),
  );

  // app-config.yaml reads the token from MCP_TOKEN, as dev/index.ts sets it.
  const previousToken = process.env.MCP_TOKEN;
  const previousKey = process.env.MCP_SECRETS_KEY;
  process.env.MCP_TOKEN = DEV_MCP_TOKEN;
  process.env.MCP_SECRETS_KEY = DEV_SECRETS_KEY;

  const backend = createBackend();
  backend.add(
    rootConfigServiceFactory({
      argv: [
        ...['--config', path.join(ROOT, 'app-config.yaml')],
        ...(options.portal
          ? ['--config', path.join(ROOT, 'app-config.portal.yaml')]
          : []),
        ...(options.oauth
          ? ['--config', path.join(ROOT, 'app-config.oauth.yaml')]
          : []),
        ...(options.trust
          ? ['--config', path.join(ROOT, 'app-config.trust.yaml')]
          : []),
        ...['--config', overrides],
      ],
      watch: false,
    }),
  );
  backend.add(mockServices.rootLogger.factory({ level: 'error' }));
  for (const feature of devBackendFeatures({
    portal: options.portal,
    trust: options.trust,
  })) {
    backend.add(feature);
  }
  const clients: Client[] = [];
  async function stop() {
    await Promise.all(clients.map(c => c.close().catch(() => {})));
    await backend.stop();
    await fs.rm(dir, { recursive: true, force: true });
    restoreEnv('MCP_TOKEN', previousToken);
    restoreEnv('MCP_SECRETS_KEY', previousKey);
  }
  try {
    await backend.start();
  } catch (error) {
    await stop();
    throw error;
  }

  const mcpUrl = `http://127.0.0.1:${port}/api/mcp-actions/v1`;
  return {
    baseUrl,
    mcpUrl,
    /** An SDK client over Streamable HTTP with the development token. */
    async connect() {
      const client = new Client({ name: 'dev-backend-test', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(mcpUrl), {
          requestInit: {
            headers: { Authorization: `Bearer ${DEV_MCP_TOKEN}` },
          },
        }),
      );
      clients.push(client);
      return client;
    },
    stop,
  };
}

function restoreEnv(name: string, value: string | undefined) {
  if (value === undefined) {
    delete process.env[name];
  } else {
    process.env[name] = value;
  }
}

export type DevBackend = Awaited<ReturnType<typeof startDevBackend>>;
