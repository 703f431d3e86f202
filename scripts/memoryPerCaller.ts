/*
 * Memory per caller (not a jest test):
 *
 *   npm run bench:memory
 *
 * For this plugin and for the peer, each in a backend of its own in a child
 * process (scripts/backendChild.ts: the realistic portal of
 * dev/portalActions, MEMORY_ACTIONS actions, default plugin config):
 * MEMORY_USERS distinct users (test credentials, `user:default/user-<i>`),
 * one after another, each lists the tools once and calls one read-only
 * tool. The child's resident memory (RSS) is sampled every
 * MEMORY_SAMPLE_EVERY users, and once more, after a forced GC, two cache
 * TTLs (MEMORY_IDLE_MS) after the last caller.
 *
 * Checks: every answer was right; this plugin ends within
 * MEMORY_BOUND_MB (150) of where the peer ends. Exits non-zero otherwise.
 */
import http from 'node:http';
import { mockCredentials } from '@backstage/backend-test-utils';
import { PORTAL_PLUGINS } from '../dev/portalActions';
import {
  type Backend,
  type Check,
  mb,
  newToken,
  post,
  printChecks,
  rpcBody,
  runScript,
  sleep,
  startBackend,
  table,
} from './lib';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw ? Number(raw) : fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a whole number, got "${raw}"`);
  }
  return value;
}

const USERS = envInt('MEMORY_USERS', 1200);
const ACTIONS = envInt('MEMORY_ACTIONS', 523);
const SAMPLE_EVERY = envInt('MEMORY_SAMPLE_EVERY', 100);
/** Two of the default 30 s cache TTL. */
const IDLE_MS = envInt('MEMORY_IDLE_MS', 60_000);
const BOUND_MB = envInt('MEMORY_BOUND_MB', 150);

/** The tool every user calls: the first read-only action of the portal. */
const CALLED = PORTAL_PLUGINS.flatMap(p =>
  p.actions.map(a => ({ pluginId: p.pluginId, action: a })),
).find(a => a.action.attributes?.readOnly)!;

interface Run {
  label: string;
  samples: number[];
  afterIdle: number;
  tools: number;
  failures: string[];
}

async function measure(plugin: 'this' | 'peer'): Promise<Run> {
  const label = plugin === 'this' ? 'this plugin' : 'peer 0.2.2';
  const backend: Backend = await startBackend({
    label: `memory-${plugin}`,
    token: newToken('memory'),
    plugin,
    portalActions: ACTIONS,
    testCredentials: true,
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const failures: string[] = [];
  const samples = [(await backend.stats()).rss];
  let tools = 0;
  try {
    for (let i = 0; i < USERS; i++) {
      const headers = {
        Accept: 'application/json, text/event-stream',
        'MCP-Protocol-Version': '2025-06-18',
        Authorization: `Bearer ${mockCredentials.user.token(
          `user:default/user-${i}`,
        )}`,
      };
      const list = await post(
        agent,
        backend.mcpUrl,
        rpcBody('tools/list'),
        headers,
        120_000,
      );
      const listed: Array<{ name: string }> = list.json?.result?.tools ?? [];
      tools = listed.length;
      const tool = listed.find(
        t =>
          t.name.endsWith(CALLED.action.name) &&
          t.name.includes(CALLED.pluginId),
      );
      if (!tool) {
        failures.push(`user ${i}: tools/list HTTP ${list.status}`);
        continue;
      }
      const call = await post(
        agent,
        backend.mcpUrl,
        rpcBody('tools/call', {
          name: tool.name,
          arguments: CALLED.action.example,
        }),
        headers,
      );
      if (call.json?.result?.isError !== undefined || !call.json?.result) {
        failures.push(`user ${i}: tools/call ${call.text.slice(0, 200)}`);
      }
      if ((i + 1) % SAMPLE_EVERY === 0) {
        samples.push((await backend.stats()).rss);
        process.stdout.write(
          `${label}: ${i + 1} users, RSS ${mb(samples[samples.length - 1])} MB\n`,
        );
      }
    }
    agent.destroy();
    await sleep(IDLE_MS);
    const afterIdle = (await backend.stats({ gc: true })).rss;
    return { label, samples, afterIdle, tools, failures };
  } finally {
    agent.destroy();
    await backend.stop();
  }
}

runScript(async () => {
  process.stdout.write(
    `Memory per caller: ${USERS} users, ${ACTIONS} realistic actions (+ the local plugin's)\n\n`,
  );
  const runs = [await measure('this'), await measure('peer')];
  const header = [
    'users',
    ...runs.map(r => `${r.label} RSS (MB)`),
    'difference (MB)',
  ];
  const rows = runs[0].samples.map((_, index) => [
    index * SAMPLE_EVERY,
    ...runs.map(r => mb(r.samples[index] ?? NaN)),
    mb((runs[0].samples[index] ?? NaN) - (runs[1].samples[index] ?? NaN)),
  ]);
  rows.push([
    `idle ${IDLE_MS / 1000}s, GC`,
    ...runs.map(r => mb(r.afterIdle)),
    mb(runs[0].afterIdle - runs[1].afterIdle),
  ]);
  process.stdout.write(`\n${table(header, rows)}\n\n`);

  const [ours, peer] = runs;
  const end = (r: Run) => r.samples[r.samples.length - 1];
  const checks: Check[] = [
    ...runs.map(r => ({
      name: `${r.label}: every list and call answered`,
      ok: r.failures.length === 0 && r.tools >= ACTIONS,
      detail: `${r.tools} tools; ${r.failures.length} failures ${r.failures.slice(0, 3).join('; ')}`,
    })),
    {
      name: `this plugin ends within ${BOUND_MB} MB of the peer`,
      ok: end(ours) - end(peer) <= BOUND_MB * 1024 * 1024,
      detail: `${mb(end(ours))} MB vs ${mb(end(peer))} MB`,
    },
  ];
  return printChecks(checks) ? 0 : 1;
});
