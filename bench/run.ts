/*
 * Benchmark: this plugin at both MCP protocol eras against the public
 * @backstage/plugin-mcp-actions-backend (the `peer-mcp-actions-backend`
 * alias), a bare MCP SDK v2 server at both eras (the ceiling for the MCP
 * part), a bare SDK v1 server as in earlier runs, and two limits inside the
 * same Backstage backend: an authenticated route (under `tools/list`) and a
 * route that only invokes the action (under `tools/call`).
 *
 *   npm run bench
 *
 * Every row (target, N actions, method) gets a fresh server in its own child
 * process on 127.0.0.1, so peak RSS is that process's own. The Backstage
 * targets are the same backend (same config, same bench plugins, same static
 * token); only the MCP plugin differs. Each server is checked to answer
 * correctly, warmed up, then driven by autocannon; every response must be a
 * 2xx with the very body the check saw (answers over 64 KB: the same
 * size), or the row counts errors. The rows
 * of one N and method run side by side: their servers are up together and
 * loaded in turn, round after round (see `measureGroup`).
 *
 * Environment (all optional):
 *   BENCH_DURATION     measured seconds per row (10)
 *   BENCH_ROUNDS       rounds the measured time is cut into (5)
 *   BENCH_WARMUP       warm-up seconds per row (2)
 *   BENCH_CONNECTIONS  concurrent connections (10)
 *   BENCH_ACTIONS      action counts, comma-separated (5,500)
 *   BENCH_TARGETS      target ids, comma-separated (all of bench/targets.ts:
 *                      this-2025,this-2026,peer,sdk-2025,sdk-2026,sdk-v1,
 *                      limit-auth,limit-invoke)
 *   BENCH_LOG_LEVEL    log level of the Backstage backends (warn)
 *   BENCH_OUTPUT       where to write the Markdown report (bench/results.md)
 *   BENCH_NOTE         a few words for this run's history line
 */
import autocannon from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_PLUGIN_ID, CALLED_ACTION, LIMITS_PLUGIN_ID } from './actions';
import {
  freePort,
  peerSelfResolution,
  stopChild,
  tail,
  waitForReady,
} from './childProcesses';
import { compileForChildren, removeBuild } from './compile';
import { history, latestHistory, report, type Row } from './report';
import {
  METHODS,
  TARGETS,
  eraLabel,
  limitRequest,
  mcpRequest,
  targetById,
  type BenchRequest,
  type Method,
  type ServerKind,
  type TargetSpec,
} from './targets';

const START_TIMEOUT_MS = 120_000;

function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`${name} must be a number of 0 or more, got "${raw}"`);
  }
  return value;
}

function envList(name: string, fallback: string): string[] {
  return (process.env[name] || fallback)
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
}

const settings = {
  duration: envNumber('BENCH_DURATION', 10),
  rounds: Math.max(1, Math.round(envNumber('BENCH_ROUNDS', 5))),
  warmup: envNumber('BENCH_WARMUP', 2),
  connections: envNumber('BENCH_CONNECTIONS', 10),
  actionCounts: envList('BENCH_ACTIONS', '5,500').map(Number),
  targets: envList('BENCH_TARGETS', TARGETS.map(t => t.id).join(',')).map(
    targetById,
  ),
  logLevel: process.env.BENCH_LOG_LEVEL || 'warn',
  output: process.env.BENCH_OUTPUT || path.join(__dirname, 'results.md'),
  note: process.env.BENCH_NOTE,
  // Static external access tokens must be at least 8 characters.
  token: `bench-${randomBytes(16).toString('hex')}`,
};

for (const n of settings.actionCounts) {
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`BENCH_ACTIONS must list whole numbers of 1 or more`);
  }
}
if (settings.duration < 1 || settings.connections < 1) {
  throw new Error('BENCH_DURATION and BENCH_CONNECTIONS must be at least 1');
}

// ---------------------------------------------------------------------------
// Child processes: every one is tracked and killed, whatever happens.

const children = new Set<ChildProcess>();

function killAll() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
}
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-actions-bench-'));
process.on('exit', () => {
  killAll();
  removeBuild();
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    killAll();
    fs.rmSync(workDir, { recursive: true, force: true });
    process.exit(130);
  });
}

let serverScript = '';

/** The one config every Backstage target gets, apart from its port. */
function backstageConfig(port: number) {
  return {
    backend: {
      baseUrl: `http://127.0.0.1:${port}`,
      listen: { host: '127.0.0.1', port },
      database: { client: 'better-sqlite3', connection: ':memory:' },
      actions: { pluginSources: [BENCH_PLUGIN_ID] },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: settings.token, subject: 'bench-client' },
            accessRestrictions: [
              { plugin: 'mcp-actions' },
              { plugin: BENCH_PLUGIN_ID },
              { plugin: LIMITS_PLUGIN_ID },
            ],
          },
        ],
      },
    },
  };
}

interface RunningServer {
  child: ChildProcess;
  origin: string;
}

async function startServer(
  target: TargetSpec,
  count: number,
  label: string,
): Promise<RunningServer> {
  const kind: ServerKind = target.server;
  const port = await freePort();
  const logFile = path.join(workDir, `${label}.log`);
  const args = [
    '--target',
    kind,
    '--actions',
    String(count),
    '--port',
    String(port),
    '--token',
    settings.token,
  ];
  if (kind === 'this' || kind === 'peer') {
    const configFile = path.join(workDir, `${label}.app-config.yaml`);
    // JSON is YAML.
    fs.writeFileSync(
      configFile,
      JSON.stringify(backstageConfig(port), null, 2),
    );
    args.push('--config', configFile);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: settings.logLevel,
  };
  if (kind === 'peer') {
    env.NODE_PATH = peerSelfResolution(workDir);
  }
  const log = fs.openSync(logFile, 'w');
  const child = fork(serverScript, args, {
    cwd: path.join(__dirname, '..'),
    execArgv: [],
    env,
    stdio: ['ignore', log, log, 'ipc'],
  });
  fs.closeSync(log);
  children.add(child);
  child.on('exit', () => children.delete(child));

  await waitForReady(child, START_TIMEOUT_MS).catch(async error => {
    await stopChild(child);
    throw new Error(
      `${target.label} (N=${count}) ${error.message}\n--- ${logFile} (tail) ---\n${tail(logFile)}`,
    );
  });

  return { child, origin: `http://127.0.0.1:${port}` };
}

/** Peak RSS of the child: VmHWM where /proc has it, else its own sampling. */
async function peakRss(child: ChildProcess): Promise<number> {
  try {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    if (match) {
      return Number(match[1]) * 1024;
    }
  } catch {
    // Not Linux; ask the child.
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no RSS answer')), 5000);
    const onMessage = (message: { type?: string; rss?: number }) => {
      if (message?.type === 'rss' && typeof message.rss === 'number') {
        clearTimeout(timer);
        child.off('message', onMessage);
        resolve(message.rss);
      }
    };
    child.on('message', onMessage);
    child.send({ type: 'rss' });
  });
}

// ---------------------------------------------------------------------------
// Requests and their checks

interface Answer {
  text: string;
  contentType: string;
  /** The JSON-RPC message answering id 1, or the plain JSON of a limit. */
  payload: any;
}

/** The JSON an answer carries, whether one JSON body or an event stream. */
function payloadOf(text: string, contentType: string): unknown[] {
  if (!contentType.includes('text/event-stream')) {
    return [JSON.parse(text)];
  }
  return text
    .split(/\r?\n\r?\n/)
    .map(event =>
      event
        .split(/\r?\n/)
        .filter(line => line.startsWith('data:'))
        .map(line => line.slice(5).replace(/^ /, ''))
        .join('\n'),
    )
    .filter(Boolean)
    .map(data => JSON.parse(data));
}

async function send(request: BenchRequest): Promise<Answer> {
  const response = await fetch(request.url, {
    method: 'POST',
    headers: request.headers,
    body: request.body,
  });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
  }
  return { text, contentType, payload: payloadOf(text, contentType) };
}

/** One JSON-RPC exchange; throws unless it carries a result for id 1. */
async function rpc(request: BenchRequest): Promise<Answer> {
  const answer = await send(request);
  const message = (answer.payload as any[]).find(
    m => typeof m === 'object' && m !== null && m.id === 1,
  );
  if (!message) {
    throw new Error(
      `no JSON-RPC answer to id 1 in: ${answer.text.slice(0, 500)}`,
    );
  }
  if (message.error) {
    throw new Error(
      `JSON-RPC error ${message.error.code}: ${message.error.message}`,
    );
  }
  return { ...answer, payload: message };
}

/** Whether a tools/call result is the bench action's greeting. */
function isGreeting(result: unknown): boolean {
  return (
    !(result as { isError?: boolean })?.isError &&
    JSON.stringify(result).includes('Hello, bench!')
  );
}

/**
 * Checks that an MCP target lists exactly the N bench tools and that calling
 * the cheap one works; returns the name it goes by there.
 */
async function verifyMcp(
  target: TargetSpec,
  origin: string,
  count: number,
): Promise<string> {
  const era = target.era!;
  const base = { origin, token: settings.token, era };
  const list = await rpc(mcpRequest({ ...base, method: 'tools/list' }));
  const tools = list.payload.result?.tools as { name: string }[] | undefined;
  if (!Array.isArray(tools)) {
    throw new Error('tools/list answered without a tools array');
  }
  if (tools.length !== count) {
    throw new Error(`tools/list gave ${tools.length} tools, expected ${count}`);
  }
  const pattern = new RegExp(`(^|[._-])${CALLED_ACTION}$`);
  const tool = tools.find(t => pattern.test(t.name));
  if (!tool) {
    throw new Error(`no tool for action "${CALLED_ACTION}" in tools/list`);
  }
  const call = await rpc(
    mcpRequest({ ...base, method: 'tools/call', toolName: tool.name }),
  );
  if (!isGreeting(call.payload.result)) {
    throw new Error(
      `tools/call gave ${JSON.stringify(call.payload.result).slice(0, 500)}`,
    );
  }
  return tool.name;
}

/** The measured request of a row, and how to check a single answer. */
async function prepare(
  target: TargetSpec,
  origin: string,
  count: number,
  method: Method,
): Promise<{
  request: BenchRequest;
  toolName?: string;
  exchange: (request: BenchRequest) => Promise<Answer>;
  accepts: (payload: unknown) => boolean;
}> {
  if (target.limitRoute) {
    const route = target.limitRoute;
    return {
      request: limitRequest({ origin, token: settings.token, route }),
      exchange: send,
      accepts: payload => {
        const [json] = payload as any[];
        return route === 'auth' ? json?.ok === true : isGreeting(json);
      },
    };
  }
  const toolName = await verifyMcp(target, origin, count);
  return {
    request: mcpRequest({
      origin,
      token: settings.token,
      era: target.era!,
      method,
      toolName,
    }),
    toolName,
    exchange: rpc,
    accepts: payload => {
      const result = (payload as { result?: unknown }).result;
      if (method === 'tools/call') {
        return isGreeting(result);
      }
      return (result as { tools?: unknown[] })?.tools?.length === count;
    },
  };
}

// ---------------------------------------------------------------------------
// Measuring

/**
 * How a row's measured answers are checked: against the probe's exact
 * bytes, by a parser, or (answers over `LARGE_ANSWER` bytes) by size.
 */
interface Expected {
  body?: string;
  check: (body: string) => boolean;
  /** The probe's body length: every answer must carry as many bytes. */
  bytes?: number;
}

/**
 * Above this, answers are checked by size rather than byte by byte:
 * decoding and comparing 480 KB per answer made autocannon, not the server,
 * the bottleneck of the N = 500 lists (the probes are still checked whole).
 */
const LARGE_ANSWER = 64 * 1024;
/** Room for a response's status line and headers, within a size check. */
const HEADER_ALLOWANCE = 4096;

async function load(
  request: BenchRequest,
  duration: number,
  expected: Expected,
): Promise<autocannon.Result> {
  let check: Partial<autocannon.Options> = { verifyBody: expected.check };
  if (expected.bytes !== undefined) {
    check = {};
  } else if (expected.body !== undefined) {
    check = { expectBody: expected.body };
  }
  const result = await autocannon({
    url: request.url,
    method: 'POST',
    headers: request.headers,
    body: request.body,
    connections: settings.connections,
    duration,
    timeout: 10,
    ...check,
  });
  if (expected.bytes !== undefined) {
    // Every answer read in full: the bytes per answer lie between the
    // body's length and that plus the headers.
    const answers = result['2xx'] + result.non2xx;
    const perAnswer = answers ? result.throughput.total / answers : 0;
    if (
      answers &&
      (perAnswer < expected.bytes ||
        perAnswer > expected.bytes + HEADER_ALLOWANCE)
    ) {
      result.mismatches += answers;
    }
  }
  return result;
}

/** One row's server, ready to be loaded, or the reason it is not. */
interface Prepared {
  row: Row;
  running?: RunningServer;
  request?: BenchRequest;
  expected?: Expected;
  windows: autocannon.Result[];
}

/** Starts the row's server and checks its answers; a failure lands in the row. */
async function prepareRow(
  target: TargetSpec,
  count: number,
  method: Method,
): Promise<Prepared> {
  const row: Row = { target, count, method };
  const prepared: Prepared = { row, windows: [] };
  const label = `${target.id}-${count}-${method.replace('/', '-')}`;
  try {
    prepared.running = await startServer(target, count, label);
    const { request, toolName, exchange, accepts } = await prepare(
      target,
      prepared.running.origin,
      count,
      method,
    );
    row.toolName = toolName;
    // Two answers: when they agree byte for byte, every measured answer
    // must equal them (or, when large, have their size); otherwise each is
    // parsed (JSON or event stream) and its payload checked.
    const first = await exchange(request);
    const second = await exchange(request);
    if (!accepts(first.payload)) {
      throw new Error(`unexpected answer: ${first.text.slice(0, 500)}`);
    }
    row.contentType = first.contentType.split(';')[0];
    const bytes = Buffer.byteLength(first.text);
    row.responseBytes = bytes;
    const contentType = first.contentType;
    prepared.request = request;
    if (first.text !== second.text) {
      prepared.expected = {
        check: (text: string) => {
          try {
            const payloads = payloadOf(text, contentType) as any[];
            return target.limitRoute
              ? accepts(payloads)
              : accepts(payloads.find(m => m?.id === 1));
          } catch {
            return false;
          }
        },
      };
    } else if (bytes > LARGE_ANSWER) {
      prepared.expected = { bytes, check: () => true };
    } else {
      prepared.expected = { body: first.text, check: () => true };
    }
  } catch (error) {
    row.failure = (error as Error).message;
  }
  return prepared;
}

/** Idle time before each measured window. */
const SETTLE_MS = 1000;

/** The items in an order fixed by `seed` (Fisher-Yates over mulberry32). */
function shuffled<T>(items: T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The row's figures from its measured windows: the median window counts. */
function settle(prepared: Prepared) {
  const { row, windows } = prepared;
  const rates = windows.map(w => w.requests.average);
  const typical = windows[rates.indexOf(median(rates))] ?? windows[0];
  row.rps = median(rates);
  row.p50 = typical.latency.p50;
  row.p99 = typical.latency.p99;
  row.requests = windows.reduce((n, w) => n + w.requests.total, 0);
  const sum = (pick: (w: autocannon.Result) => number) =>
    windows.reduce((n, w) => n + pick(w), 0);
  const non2xx = sum(w => w.non2xx);
  const errors = sum(w => w.errors);
  const timeouts = sum(w => w.timeouts);
  const mismatches = sum(w => w.mismatches);
  row.bad = non2xx + errors + timeouts + mismatches;
  row.badDetail = `non2xx ${non2xx}, errors ${errors}, timeouts ${timeouts}, mismatches ${mismatches}`;
}

/**
 * Measures the rows that share N and method side by side: every row's
 * server is started (each in its own process) and warmed up, then the
 * measured time is cut into rounds, and each round loads every server in
 * turn, in a new order each round, each after a second's pause. A slow
 * spell of the machine thus falls on all the rows compared with each
 * other instead of on one of them; a row's figure is its median round.
 */
async function measureGroup(
  targets: TargetSpec[],
  count: number,
  method: Method,
): Promise<Row[]> {
  const group: Prepared[] = [];
  try {
    for (const target of targets) {
      group.push(await prepareRow(target, count, method));
    }
    const ready = group.filter(p => !p.row.failure);
    if (settings.warmup > 0) {
      for (const p of ready) {
        await load(p.request!, settings.warmup, p.expected!);
      }
    }
    const window = Math.max(1, Math.round(settings.duration / settings.rounds));
    for (let round = 0; round < settings.rounds; round++) {
      // A new order every round, so no row always follows the same one;
      // and a pause before each window, so a slow server's backlog from
      // its own window (the peer's) is not worked off in the next row's.
      for (const p of shuffled(ready, round + 1)) {
        await new Promise(resolve => setTimeout(resolve, SETTLE_MS));
        p.windows.push(await load(p.request!, window, p.expected!));
      }
    }
    for (const p of ready) {
      settle(p);
      p.row.rss = await peakRss(p.running!.child);
    }
  } catch (error) {
    for (const p of group) {
      p.row.failure ??= (error as Error).message;
    }
  } finally {
    await Promise.all(
      group.flatMap(p => (p.running ? [stopChild(p.running.child)] : [])),
    );
  }
  return group.map(p => p.row);
}

// ---------------------------------------------------------------------------

async function main() {
  const startedAt = new Date();
  // Read before anything is written: the targets against the peer compare
  // with the newest earlier run.
  const previous = latestHistory(settings.output);
  const rows: Row[] = [];
  serverScript = compileForChildren();
  const groups = settings.actionCounts
    .flatMap(count =>
      METHODS.map(method => ({
        count,
        method,
        targets: settings.targets.filter(t => t.methods.includes(method)),
      })),
    )
    .filter(g => g.targets.length > 0);
  const rowCount = groups.reduce((n, g) => n + g.targets.length, 0);
  process.stdout.write(
    `Benchmarking ${settings.targets.map(t => t.id).join(', ')} at N=${settings.actionCounts.join(', ')}: ${rowCount} rows of ${settings.warmup} s warm-up + ${settings.rounds} rounds (${settings.duration} s in all), side by side per N and method (${os.cpus().length} cores, Node ${process.version})\n`,
  );
  for (const { count, method, targets } of groups) {
    process.stdout.write(`  N=${count} ${method}:\n`);
    const measured = await measureGroup(targets, count, method);
    rows.push(...measured);
    for (const row of measured) {
      process.stdout.write(
        `    ${row.target.label} (${eraLabel(row.target)}) ${
          row.failure
            ? `FAILED\n${row.failure}`
            : `${Math.round(row.rps!)} req/s, p99 ${row.p99} ms, RSS ${Math.round(row.rss! / 1048576)} MB${row.bad ? `, ${row.badDetail}` : ''}`
        }\n`,
      );
    }
  }
  const elapsedS = (Date.now() - startedAt.getTime()) / 1000;
  const markdown = `${report({ rows, settings, previous, startedAt, elapsedS })}\n${history(settings.output, rows, startedAt, settings.note)}`;
  fs.writeFileSync(settings.output, markdown);
  process.stdout.write(`\n${markdown}\nWritten to ${settings.output}\n`);
  const failed = rows.some(r => r.failure);
  if (failed) {
    process.stdout.write(`Logs kept in ${workDir}\n`);
  } else {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

main()
  .then(code => {
    killAll();
    process.exitCode = code;
  })
  .catch(error => {
    killAll();
    process.stderr.write(`${error?.stack ?? error}\nLogs in ${workDir}\n`);
    process.exitCode = 1;
  });
