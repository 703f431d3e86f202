/*
 * One benchmark target, run in its own child process by bench/run.ts, as
 * plain CommonJS compiled by bench/compile.ts (no TypeScript loader, so the
 * dynamic imports below are require()s and load only what the target needs):
 *
 *   --target this|peer|sdk --actions N --port P --token T [--config FILE]
 *
 * The Backstage targets read their config from `--config FILE` (the root
 * config service parses process.argv). Reports `{ type: 'ready' }` over IPC
 * once listening, answers `{ type: 'rss' }` with the peak RSS it sampled, and
 * exits when told to stop, on SIGTERM, or when the parent goes away.
 */
import { parseArgs } from 'node:util';

type Target = 'this' | 'peer' | 'sdk';

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

const target = values.target as Target;
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
  const backend = createBackend();
  backend.add(createBenchActionsPlugin(count));
  if (target === 'this') {
    backend.add(import('../src'));
  } else {
    backend.add(import('peer-mcp-actions-backend'));
  }
  await backend.start();
}

async function startSdk() {
  const { startSdkServer } = await import('./sdkServer');
  const server = await startSdkServer({ count, port, token });
  process.on('SIGTERM', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

async function main() {
  if (!['this', 'peer', 'sdk'].includes(target)) {
    throw new Error(`Unknown target "${values.target}"`);
  }
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(port)) {
    throw new Error('Give --actions N and --port P');
  }
  if (target === 'sdk') {
    await startSdk();
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
