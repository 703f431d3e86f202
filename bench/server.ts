/*
 * One benchmark target, run in its own child process by bench/run.ts, as
 * plain CommonJS compiled by bench/compile.ts (no TypeScript loader, so the
 * dynamic imports below are require()s and load only what the target needs):
 *
 *   --target this|peer|sdk|sdk-v1 --actions N --port P --token T [--config FILE]
 *
 * `this` and `peer` are the same Backstage backend (bench actions plugin,
 * bench-limits plugin) with one MCP plugin or the other; `sdk` is the bare
 * SDK v2 server, `sdk-v1` the bare SDK v1 one. The Backstage targets read
 * their config from `--config FILE` (the root config service parses
 * process.argv). Reports `{ type: 'ready' }` over IPC once listening,
 * answers `{ type: 'rss' }` with the peak RSS it sampled, and exits when
 * told to stop, on SIGTERM, or when the parent goes away.
 */
import { parseArgs } from 'node:util';
import type { Server as HttpServer } from 'node:http';

const SERVER_KINDS = ['this', 'peer', 'sdk', 'sdk-v1'] as const;
type ServerKind = (typeof SERVER_KINDS)[number];

const { values } = parseArgs({
  options: {
    target: { type: 'string' },
    actions: { type: 'string' },
    port: { type: 'string' },
    token: { type: 'string' },
    config: { type: 'string', multiple: true },
  },
  strict: false,
});

const kind = values.target as ServerKind;
const count = Number(values.actions);
const port = Number(values.port);
const token = String(values.token);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);
sampler.unref();

function send(message: object) {
  process.send?.(message);
}

process.on('message', (message: { type?: string }) => {
  if (message?.type === 'rss') {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    send({ type: 'rss', rss: peakRss });
  }
});
// The parent is gone: nothing may outlive it.
process.on('disconnect', () => process.exit(0));

async function startBackstage() {
  const { createBackend } = await import('@backstage/backend-defaults');
  const { createBenchActionsPlugin } = await import('./benchActionsPlugin');
  const { benchLimitsPlugin } = await import('./limitsPlugin');
  const backend = createBackend();
  backend.add(createBenchActionsPlugin(count));
  backend.add(benchLimitsPlugin);
  if (kind === 'this') {
    backend.add(import('../src'));
  } else {
    backend.add(import('peer-mcp-actions-backend'));
  }
  await backend.start();
}

function stopOnSigterm(server: HttpServer) {
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

async function main() {
  if (!SERVER_KINDS.includes(kind)) {
    throw new Error(`Unknown target "${values.target}"`);
  }
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(port)) {
    throw new Error('Give --actions N and --port P');
  }
  if (kind === 'sdk') {
    const { startSdkServer } = await import('./sdkServer');
    stopOnSigterm(await startSdkServer({ count, port, token }));
  } else if (kind === 'sdk-v1') {
    const { startSdkV1Server } = await import('./sdkV1Server');
    stopOnSigterm(await startSdkV1Server({ count, port, token }));
  } else {
    await startBackstage();
  }
  send({ type: 'ready' });
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  send({ type: 'failed', message: String(error?.stack ?? error) });
  process.exit(1);
});
