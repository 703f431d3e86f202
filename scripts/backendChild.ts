/*
 * One backend for scripts/loadTest.ts and scripts/twoReplicas.ts, run in its
 * own child process (forked by scripts/lib.ts with the Backstage TS loader and
 * --expose-gc):
 *
 *   backendChild.ts --config FILE
 *
 * This plugin (or the peer) plus the dev backend's `local` actions plugin
 * (dev/localActionsPlugin.ts) and, if asked, the realistic portal
 * (dev/portalActions), config from --config (the root config service
 * reads process.argv), log level from LOG_LEVEL. Everything is imported
 * statically: the TS loader loses named exports of dynamically imported .ts
 * files (see bench/compile.ts), static imports are unaffected.
 *
 * IPC, for the parent only (nothing of this is in src/):
 *   -> { type: 'ready' } once the backend listens, { type: 'failed' } if not
 *   <- { type: 'stats', id, gc }  -> { type: 'stats', id, stats: ChildStats }
 * Exits when the parent goes away.
 */
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import {
  createPortalActionsPlugins,
  portalPlugins,
} from '../dev/portalActions';
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { localActionsPlugin } from '../dev/localActionsPlugin';
import mcpActionsPlugin from '../src';
import type { ChildStats } from './lib';

function send(message: object) {
  process.send?.(message);
}

// The parent is gone: nothing may outlive it (also if it went while the
// imports above were loading, before this listener existed).
process.on('disconnect', () => process.exit(0));
if (!process.connected) {
  process.exit(0);
}

/*
 * Open SSE streams, seen from the HTTP server: a GET whose path ends in /sse
 * counts from its arrival until its response closes (the plugin ends the
 * session on that same 'close'). Node's built-in diagnostics channel, so the
 * plugin is untouched.
 */
let sseOpen = 0;
let sseOpened = 0;
diagnostics.subscribe('http.server.request.start', message => {
  const { request, response } = message as {
    request: IncomingMessage;
    response: ServerResponse;
  };
  if (request.method !== 'GET' || !/\/sse(\?|$)/.test(request.url ?? '')) {
    return;
  }
  sseOpen++;
  sseOpened++;
  response.once('close', () => {
    sseOpen--;
  });
});

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) {
    counts[value] = (counts[value] ?? 0) + 1;
  }
  return counts;
}

async function collectGarbage() {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    return false;
  }
  // Twice, with turns of the event loop between, so finalizers and weak
  // references cleared by the first pass are collected by the second.
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise(resolve => setImmediate(resolve));
  }
  return true;
}

async function stats(gc: boolean): Promise<ChildStats> {
  const collected = gc ? await collectGarbage() : false;
  const memory = process.memoryUsage();
  return {
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    external: memory.external,
    gc: collected,
    resources: countBy(process.getActiveResourcesInfo()),
    processListeners: process
      .eventNames()
      .reduce((sum, name) => sum + process.listenerCount(name), 0),
    sseOpen,
    sseOpened,
  };
}

process.on(
  'message',
  (message: { type?: string; id?: number; gc?: boolean }) => {
    if (message?.type === 'stats') {
      stats(Boolean(message.gc)).then(
        result => send({ type: 'stats', id: message.id, stats: result }),
        error => send({ type: 'stats', id: message.id, error: String(error) }),
      );
    }
  },
);

async function main() {
  const backend = createBackend();
  backend.add(localActionsPlugin);
  // Set by scripts/lib.ts: which MCP plugin, how many actions of the
  // realistic portal, and whether callers come with test credentials
  // (`mockCredentials.user.token(...)`) instead of the static token.
  if (process.env.MCP_CHILD_PLUGIN === 'peer') {
    // Plain CommonJS, so a dynamic import keeps its exports; loaded only
    // here, since it needs the NODE_PATH scripts/lib.ts gives its process.
    backend.add(import('peer-mcp-actions-backend'));
  } else {
    backend.add(mcpActionsPlugin);
  }
  const portal = Number(process.env.MCP_CHILD_PORTAL_ACTIONS ?? 0);
  if (portal > 0) {
    for (const feature of createPortalActionsPlugins(portalPlugins(portal))) {
      backend.add(feature);
    }
  }
  if (process.env.MCP_CHILD_TEST_CREDENTIALS === '1') {
    backend.add(mockServices.auth.factory());
    backend.add(mockServices.httpAuth.factory());
  }
  await backend.start();
  send({ type: 'ready' });
}

main().catch(error => {
  // eslint-disable-next-line no-console
  console.error(error);
  send({ type: 'failed', message: String(error?.stack ?? error) });
  process.exit(1);
});
