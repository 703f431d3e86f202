/*
 * Load and leak test of one backend (not a jest test):
 *
 *   npm run test:load
 *
 * Starts this plugin with the dev backend's `local` actions in a child
 * process on 127.0.0.1 (static token, LOG_LEVEL=warn, --expose-gc), then:
 *
 *   warm-up  LOAD_WARMUP mixed operations (as below), not counted
 *   a.       LOAD_BURST concurrent tools/call, each on its own connection:
 *            every one must be HTTP 200 with the right, non-isError result
 *   b.       LOAD_REQUESTS mixed operations, LOAD_CONCURRENCY at a time, in
 *            turn: tools/list, tools/call (success), tools/call of a failing
 *            tool (isError InputError), tools/call of an unknown tool
 *            (JSON-RPC -32602), and an SSE cycle with the real SDK Client
 *            (open the stream, initialize, one tools/call, close). Every
 *            answer is checked.
 *   c.       the child's RSS and heap (before, after warm-up, during, after;
 *            baseline and after with a forced GC), its active resources by
 *            type (process.getActiveResourcesInfo()), listeners on process,
 *            its open SSE streams (counted in the child through Node's
 *            http.server diagnostics channel, not in src/), and a POST to
 *            every closed session, which must answer 404.
 *
 * Bounds (after vs the after-warm-up baseline, both after GC and after idle
 * keep-alive sockets have timed out): RSS growth < LOAD_RSS_BOUND_MB (50),
 * heap growth < LOAD_HEAP_BOUND_MB (20), Timeout handles + 3, sockets + 2,
 * all handles + 5, process listeners + 2, no open SSE stream. Prints a
 * summary and exits non-zero if any check fails.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import http from 'node:http';
import {
  type Backend,
  type Check,
  type ChildStats,
  EXPECTED_TOOL_NAMES,
  MCP_PATH,
  TOOLS,
  keepLogs,
  runScript,
  listToolNames,
  mb,
  mcpHeaders,
  newToken,
  percentile,
  post,
  printChecks,
  rpcBody,
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

const settings = {
  burst: envInt('LOAD_BURST', 200),
  requests: envInt('LOAD_REQUESTS', 20_000),
  concurrency: Math.max(1, envInt('LOAD_CONCURRENCY', 20)),
  warmup: envInt('LOAD_WARMUP', 1_000),
  rssBoundMb: envInt('LOAD_RSS_BOUND_MB', 50),
  heapBoundMb: envInt('LOAD_HEAP_BOUND_MB', 20),
  token: newToken('load'),
};
const SLACK = { Timeout: 3, TCPSocketWrap: 2, total: 5, listeners: 2 };
/**
 * Longer than the server's keep-alive timeout (Node's 5 s) and undici's
 * (4 s), so idle loopback sockets, ours and the backend's calls to itself
 * (the actions service lists and invokes actions over HTTP), are gone.
 */
const SETTLE_MS = 6_000;

type Kind = 'list' | 'call' | 'fail' | 'unknown' | 'sse';
const KINDS: Kind[] = ['list', 'call', 'fail', 'unknown', 'sse'];
const KIND_LABELS: Record<Kind, string> = {
  list: 'tools/list',
  call: 'tools/call ok',
  fail: 'tools/call failing (isError)',
  unknown: 'tools/call unknown (-32602)',
  sse: 'SSE connect+call+close',
};

interface Outcome {
  ok: boolean;
  detail?: string;
}

interface Tally {
  count: number;
  bad: number;
  latencies: number[];
  samples: string[];
}

function newTallies(): Record<Kind, Tally> {
  return Object.fromEntries(
    KINDS.map(k => [k, { count: 0, bad: 0, latencies: [], samples: [] }]),
  ) as unknown as Record<Kind, Tally>;
}

function describe(answer: { status: number; text: string }): string {
  return `HTTP ${answer.status} ${answer.text.slice(0, 200)}`;
}

class LoadClient {
  /** Messages URLs of SSE sessions this client opened and closed. */
  readonly closedSessions: string[] = [];
  readonly headers: Record<string, string>;
  readonly sseUrl: URL;

  constructor(
    readonly backend: Backend,
    readonly token: string,
  ) {
    this.headers = mcpHeaders(token);
    this.sseUrl = new URL(`${backend.origin}${MCP_PATH}/sse`);
  }

  async callTool(agent: http.Agent, name: string, args: object) {
    return post(
      agent,
      this.backend.mcpUrl,
      rpcBody('tools/call', { name, arguments: args }),
      this.headers,
    );
  }

  async run(kind: Kind, i: number, agent: http.Agent): Promise<Outcome> {
    switch (kind) {
      case 'list': {
        const answer = await post(
          agent,
          this.backend.mcpUrl,
          rpcBody('tools/list'),
          this.headers,
        );
        const names = (answer.json?.result?.tools ?? [])
          .map((t: { name: string }) => t.name)
          .sort();
        const ok =
          answer.status === 200 &&
          JSON.stringify(names) === JSON.stringify(EXPECTED_TOOL_NAMES);
        return { ok, detail: ok ? undefined : describe(answer) };
      }
      case 'call': {
        const answer = await this.callTool(agent, TOOLS.greet, {
          name: `user-${i}`,
        });
        const result = answer.json?.result;
        const ok =
          answer.status === 200 &&
          result &&
          !result.isError &&
          result.structuredContent?.greeting === `Hello, user-${i}!`;
        return { ok: Boolean(ok), detail: ok ? undefined : describe(answer) };
      }
      case 'fail': {
        const answer = await this.callTool(agent, TOOLS.validate, {
          name: `Not Kebab ${i}`,
        });
        const result = answer.json?.result;
        const ok =
          answer.status === 200 &&
          result?.isError === true &&
          /^InputError: /.test(result.content?.[0]?.text ?? '');
        return { ok, detail: ok ? undefined : describe(answer) };
      }
      case 'unknown': {
        const answer = await this.callTool(
          agent,
          `local.no-such-tool-${i % 7}`,
          {},
        );
        const ok =
          answer.status === 200 &&
          answer.json?.error?.code === -32602 &&
          /Unknown tool/.test(answer.json.error.message) &&
          answer.json.result === undefined;
        return { ok, detail: ok ? undefined : describe(answer) };
      }
      case 'sse':
        return this.sseCycle(i);
      default:
        return { ok: false, detail: `unknown kind ${kind}` };
    }
  }

  /** The real SDK client over legacy SSE: open, initialize, one call, close. */
  async sseCycle(i: number): Promise<Outcome> {
    let messagesUrl: string | undefined;
    const transport = new SSEClientTransport(this.sseUrl, {
      requestInit: { headers: { Authorization: `Bearer ${this.token}` } },
      fetch: (url, init) => {
        if (String(url).includes('sessionId=')) {
          messagesUrl = String(url);
        }
        return fetch(url, init);
      },
    });
    const client = new Client({ name: 'mcp-load-test', version: '1.0.0' });
    try {
      await client.connect(transport);
      const result = await client.callTool({
        name: TOOLS.greet,
        arguments: { name: `sse-${i}` },
      });
      const greeting = (
        result.structuredContent as { greeting?: string } | undefined
      )?.greeting;
      const ok = !result.isError && greeting === `Hello, sse-${i}!`;
      return {
        ok,
        detail: ok ? undefined : JSON.stringify(result).slice(0, 200),
      };
    } catch (error) {
      return { ok: false, detail: String((error as Error)?.message ?? error) };
    } finally {
      await client.close().catch(() => {});
      if (messagesUrl) {
        this.closedSessions.push(messagesUrl);
      }
    }
  }
}

/** Runs `total` operations, `concurrency` at a time, kinds in turn. */
async function mixed(
  client: LoadClient,
  total: number,
  concurrency: number,
  agent: http.Agent,
  offset: number,
): Promise<Record<Kind, Tally>> {
  const tallies = newTallies();
  let next = 0;
  async function worker() {
    while (next < total) {
      const i = next++;
      const kind = KINDS[i % KINDS.length];
      const tally = tallies[kind];
      const started = performance.now();
      let outcome: Outcome;
      try {
        outcome = await client.run(kind, offset + i, agent);
      } catch (error) {
        outcome = {
          ok: false,
          detail: String((error as Error)?.message ?? error),
        };
      }
      tally.latencies.push(performance.now() - started);
      tally.count++;
      if (!outcome.ok) {
        tally.bad++;
        if (tally.samples.length < 3) {
          tally.samples.push(outcome.detail ?? '?');
        }
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return tallies;
}

/** Waits until the child has no open SSE stream (or the time is up). */
async function waitForNoSse(backend: Backend, ms: number): Promise<ChildStats> {
  const deadline = Date.now() + ms;
  let stats = await backend.stats();
  while (stats.sseOpen > 0 && Date.now() < deadline) {
    await sleep(100);
    stats = await backend.stats();
  }
  return stats;
}

/** Lets idle keep-alive sockets time out, then measures after a forced GC. */
async function settledStats(backend: Backend): Promise<ChildStats> {
  await sleep(SETTLE_MS);
  await waitForNoSse(backend, 10_000);
  return backend.stats({ gc: true });
}

function handles(stats: ChildStats, type?: string): number {
  return type
    ? (stats.resources[type] ?? 0)
    : Object.values(stats.resources).reduce((a, b) => a + b, 0);
}

function newAgent(maxSockets: number) {
  return new http.Agent({ keepAlive: true, maxSockets });
}

async function main(): Promise<number> {
  const startedAt = performance.now();
  const elapsed = () => ((performance.now() - startedAt) / 1000).toFixed(1);
  const log = (text: string) =>
    process.stdout.write(`[${elapsed()} s] ${text}\n`);
  const checks: Check[] = [];

  log('starting the backend (this plugin + local actions) ...');
  const backend = await startBackend({ label: 'load', token: settings.token });
  log(`backend up on ${backend.origin}, pid ${backend.child.pid}`);
  const client = new LoadClient(backend, settings.token);

  const before = await backend.stats({ gc: true });
  if (!before.gc) {
    throw new Error('the child has no global.gc (needs --expose-gc)');
  }
  {
    const agent = newAgent(1);
    const { names } = await listToolNames(
      agent,
      backend.mcpUrl,
      settings.token,
    );
    agent.destroy();
    if (JSON.stringify(names) !== JSON.stringify(EXPECTED_TOOL_NAMES)) {
      throw new Error(`unexpected tools: ${names.join(', ')}`);
    }
  }

  // Warm-up: the same mix, so every path is compiled and every cache filled.
  log(`warm-up: ${settings.warmup} mixed operations ...`);
  {
    const agent = newAgent(settings.concurrency);
    const warm = await mixed(
      client,
      settings.warmup,
      settings.concurrency,
      agent,
      1_000_000,
    );
    agent.destroy();
    const bad = KINDS.reduce((sum, k) => sum + warm[k].bad, 0);
    if (bad) {
      log(
        `warm-up had ${bad} bad answers: ${KINDS.flatMap(k => warm[k].samples).join(' | ')}`,
      );
    }
  }
  const warmupSessions = client.closedSessions.length;
  const baseline = await settledStats(backend);
  log(
    `baseline after warm-up: RSS ${mb(baseline.rss)} MB, heap ${mb(baseline.heapUsed)} MB`,
  );

  // During phases a and b: sample the child every second.
  const during: ChildStats[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      try {
        during.push(await backend.stats());
      } catch {
        // A slow answer under load; the next sample will do.
      }
      await sleep(1000);
    }
  })();

  // a. A burst of concurrent calls, each on its own connection.
  log(`a. ${settings.burst} concurrent tools/call ...`);
  const burst = {
    ok: 0,
    latencies: [] as number[],
    samples: [] as string[],
    wallMs: 0,
  };
  {
    const agent = newAgent(settings.burst);
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: settings.burst }, async (_, i) => {
        const started = performance.now();
        const outcome = await client.run('call', 2_000_000 + i, agent).catch(
          (error): Outcome => ({
            ok: false,
            detail: String(error?.message ?? error),
          }),
        );
        burst.latencies.push(performance.now() - started);
        if (outcome.ok) {
          burst.ok++;
        } else if (burst.samples.length < 3) {
          burst.samples.push(outcome.detail ?? '?');
        }
      }),
    );
    burst.wallMs = performance.now() - t0;
    agent.destroy();
  }
  checks.push({
    name: `a. ${settings.burst} concurrent tools/call all HTTP 200, not isError, right result`,
    ok: burst.ok === settings.burst,
    detail: `${burst.ok}/${settings.burst} in ${burst.wallMs.toFixed(0)} ms${burst.samples.length ? `; e.g. ${burst.samples.join(' | ')}` : ''}`,
  });
  log(`   ${burst.ok}/${settings.burst} ok in ${burst.wallMs.toFixed(0)} ms`);

  // b. The mixed load.
  log(
    `b. ${settings.requests} mixed operations, ${settings.concurrency} at a time ...`,
  );
  const agent = newAgent(settings.concurrency);
  const t0 = performance.now();
  const tallies = await mixed(
    client,
    settings.requests,
    settings.concurrency,
    agent,
    0,
  );
  const mixedMs = performance.now() - t0;
  agent.destroy();
  sampling = false;
  await sampler;
  const mismatches = KINDS.reduce((sum, k) => sum + tallies[k].bad, 0);
  const done = KINDS.reduce((sum, k) => sum + tallies[k].count, 0);
  log(
    `   ${done} done in ${(mixedMs / 1000).toFixed(1)} s, ${mismatches} mismatches`,
  );
  checks.push({
    name: `b. ${settings.requests} mixed operations all answered as expected`,
    ok: done === settings.requests && mismatches === 0,
    detail: `${done} done, ${mismatches} mismatches${
      mismatches
        ? `: ${KINDS.filter(k => tallies[k].bad)
            .map(k => `${k}: ${tallies[k].samples.join(' | ')}`)
            .join('; ')}`
        : ''
    }`,
  });

  // c. Sessions: none open, every closed one forgotten.
  const afterLoad = await waitForNoSse(backend, 10_000);
  const sseCycles = client.closedSessions.length;
  checks.push({
    name: 'c. no SSE stream open in the child after the clients closed',
    ok: afterLoad.sseOpen === 0,
    detail: `${afterLoad.sseOpen} open; max seen during load ${Math.max(0, ...during.map(s => s.sseOpen))}`,
  });
  checks.push({
    name: 'c. every SSE cycle opened exactly one stream (no hidden reconnects)',
    ok: afterLoad.sseOpened === sseCycles,
    detail: `${afterLoad.sseOpened} streams seen by the child, ${sseCycles} cycles made (${warmupSessions} in warm-up)`,
  });
  log(`c. POSTing to all ${sseCycles} closed sessions ...`);
  let gone = 0;
  const goneSamples: string[] = [];
  {
    const agent404 = newAgent(settings.concurrency);
    let next = 0;
    const urls = client.closedSessions;
    await Promise.all(
      Array.from({ length: settings.concurrency }, async () => {
        while (next < urls.length) {
          const url = urls[next++];
          const answer = await post(agent404, url, rpcBody('ping'), {
            Authorization: `Bearer ${settings.token}`,
          }).catch(error => ({
            status: 0,
            text: String(error),
            json: undefined,
          }));
          if (answer.status === 404 && answer.json?.error?.code === -32000) {
            gone++;
          } else if (goneSamples.length < 3) {
            goneSamples.push(describe(answer));
          }
        }
      }),
    );
    agent404.destroy();
  }
  checks.push({
    name: 'c. a POST to every closed SSE session answers 404 (session forgotten)',
    ok: gone === sseCycles && sseCycles > 0,
    detail: `${gone}/${sseCycles}${goneSamples.length ? `; e.g. ${goneSamples.join(' | ')}` : ''}`,
  });

  // c. Memory and resources, settled, after a forced GC.
  log('c. letting idle sockets time out, then measuring after GC ...');
  const after = await settledStats(backend);

  const rssGrowth = after.rss - baseline.rss;
  const heapGrowth = after.heapUsed - baseline.heapUsed;
  checks.push({
    name: `c. RSS growth after GC < ${settings.rssBoundMb} MB (vs after-warm-up baseline)`,
    ok: rssGrowth < settings.rssBoundMb * 1024 * 1024,
    detail: `${mb(baseline.rss)} → ${mb(after.rss)} MB (${rssGrowth >= 0 ? '+' : ''}${mb(rssGrowth)} MB); peak during load ${mb(Math.max(0, ...during.map(s => s.rss)))} MB`,
  });
  checks.push({
    name: `c. heap growth after GC < ${settings.heapBoundMb} MB`,
    ok: heapGrowth < settings.heapBoundMb * 1024 * 1024,
    detail: `${mb(baseline.heapUsed)} → ${mb(after.heapUsed)} MB (${heapGrowth >= 0 ? '+' : ''}${mb(heapGrowth)} MB)`,
  });
  for (const [type, slack] of [
    ['Timeout', SLACK.Timeout],
    ['TCPSocketWrap', SLACK.TCPSocketWrap],
  ] as const) {
    checks.push({
      name: `c. ${type} handles ≤ baseline + ${slack}`,
      ok: handles(after, type) <= handles(baseline, type) + slack,
      detail: `${handles(baseline, type)} → ${handles(after, type)} (max during load ${Math.max(0, ...during.map(s => handles(s, type)))})`,
    });
  }
  checks.push({
    name: `c. all active resources ≤ baseline + ${SLACK.total}`,
    ok: handles(after) <= handles(baseline) + SLACK.total,
    detail: `${handles(baseline)} → ${handles(after)}`,
  });
  checks.push({
    name: `c. listeners on process ≤ baseline + ${SLACK.listeners}`,
    ok: after.processListeners <= baseline.processListeners + SLACK.listeners,
    detail: `${baseline.processListeners} → ${after.processListeners}`,
  });

  // Summary.
  const duringMax = (f: (s: ChildStats) => number) =>
    during.length ? String(Math.max(...during.map(f))) : '–';
  process.stdout.write('\nRequests\n');
  const rows: (string | number)[][] = [
    [
      `a. burst tools/call`,
      settings.burst,
      settings.burst - burst.ok,
      percentile(
        burst.latencies.sort((x, y) => x - y),
        50,
      ).toFixed(0),
      percentile(burst.latencies, 99).toFixed(0),
    ],
    ...KINDS.map(k => {
      const sorted = tallies[k].latencies.sort((x, y) => x - y);
      return [
        `b. ${KIND_LABELS[k]}`,
        tallies[k].count,
        tallies[k].bad,
        percentile(sorted, 50).toFixed(1),
        percentile(sorted, 99).toFixed(1),
      ];
    }),
    ['c. POST to closed session (404)', sseCycles, sseCycles - gone, '', ''],
  ];
  process.stdout.write(
    `${table(['operation', 'count', 'bad', 'p50 ms', 'p99 ms'], rows)}\n`,
  );
  process.stdout.write(
    `mixed: ${done} operations in ${(mixedMs / 1000).toFixed(1)} s = ${(done / (mixedMs / 1000)).toFixed(0)} ops/s (an SSE cycle is 4 HTTP requests: GET stream, initialize, initialized, tools/call)\n`,
  );

  process.stdout.write(
    '\nChild process (before = after start-up; baseline and after: settled, forced GC)\n',
  );
  const types = [
    ...new Set(
      [before, baseline, after, ...during].flatMap(s =>
        Object.keys(s.resources),
      ),
    ),
  ].sort();
  process.stdout.write(
    `${table(
      ['metric', 'before', 'baseline', 'max during', 'after', 'after−baseline'],
      [
        [
          'RSS MB',
          mb(before.rss),
          mb(baseline.rss),
          during.length ? mb(Math.max(...during.map(s => s.rss))) : '–',
          mb(after.rss),
          mb(after.rss - baseline.rss),
        ],
        [
          'heap used MB',
          mb(before.heapUsed),
          mb(baseline.heapUsed),
          during.length ? mb(Math.max(...during.map(s => s.heapUsed))) : '–',
          mb(after.heapUsed),
          mb(after.heapUsed - baseline.heapUsed),
        ],
        [
          'open SSE streams',
          before.sseOpen,
          baseline.sseOpen,
          duringMax(s => s.sseOpen),
          after.sseOpen,
          after.sseOpen - baseline.sseOpen,
        ],
        [
          'SSE streams opened (total)',
          before.sseOpened,
          baseline.sseOpened,
          duringMax(s => s.sseOpened),
          after.sseOpened,
          after.sseOpened - baseline.sseOpened,
        ],
        [
          'process listeners',
          before.processListeners,
          baseline.processListeners,
          duringMax(s => s.processListeners),
          after.processListeners,
          after.processListeners - baseline.processListeners,
        ],
        [
          'active resources (all)',
          handles(before),
          handles(baseline),
          duringMax(s => handles(s)),
          handles(after),
          handles(after) - handles(baseline),
        ],
        ...types.map(t => [
          `  ${t}`,
          handles(before, t),
          handles(baseline, t),
          duringMax(s => handles(s, t)),
          handles(after, t),
          handles(after, t) - handles(baseline, t),
        ]),
      ],
    )}\n`,
  );
  process.stdout.write(`(${during.length} samples during load)\n\nChecks\n`);
  const ok = printChecks(checks);
  await backend.stop();
  process.stdout.write(`\n${ok ? 'ALL PASSED' : 'FAILED'} in ${elapsed()} s\n`);
  if (!ok) {
    process.stdout.write(`Logs kept in ${keepLogs()}\n`);
  }
  return ok ? 0 : 1;
}

runScript(main);
