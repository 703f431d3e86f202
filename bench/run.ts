/*
 * Benchmark (issue #7): this plugin against the public
 * @backstage/plugin-mcp-actions-backend (the `peer-mcp-actions-backend` alias)
 * and a bare MCP SDK stateless server as the ceiling.
 *
 *   npm run bench
 *
 * Every row (target, N actions, method) gets a fresh server in its own child
 * process on 127.0.0.1, so peak RSS is that process's own. The Backstage
 * targets are the same backend (same config, same bench plugin, same static
 * token); only the MCP plugin differs. Each server is checked to answer
 * correctly, warmed up, then driven by autocannon; every response must be a
 * 2xx with the very body the check saw, or the row counts errors.
 *
 * Environment (all optional):
 *   BENCH_DURATION     measured seconds per row (10)
 *   BENCH_WARMUP       warm-up seconds per row (2)
 *   BENCH_CONNECTIONS  concurrent connections (10)
 *   BENCH_ACTIONS      action counts, comma-separated (5,500)
 *   BENCH_TARGETS      targets, comma-separated (this,peer,sdk)
 *   BENCH_LOG_LEVEL    log level of the Backstage backends (warn)
 *   BENCH_OUTPUT       where to write the Markdown report (bench/results.md)
 */
import autocannon from 'autocannon';
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_PLUGIN_ID, CALLED_ACTION, CALL_ARGUMENTS } from './actions';
import { freePort, stopChild, tail, waitForReady } from './childProcesses';
import { compileForChildren, removeBuild } from './compile';

type Target = 'this' | 'peer' | 'sdk';
type Method = 'tools/list' | 'tools/call';

const TARGET_LABELS: Record<Target, string> = {
  this: 'this plugin',
  peer: 'peer 0.2.2',
  sdk: 'bare SDK',
};

const PROTOCOL_VERSION = '2025-06-18';
const MCP_PATH = '/api/mcp-actions/v1';
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
  warmup: envNumber('BENCH_WARMUP', 2),
  connections: envNumber('BENCH_CONNECTIONS', 10),
  actionCounts: envList('BENCH_ACTIONS', '5,500').map(Number),
  targets: envList('BENCH_TARGETS', 'this,peer,sdk') as Target[],
  logLevel: process.env.BENCH_LOG_LEVEL || 'warn',
  output: process.env.BENCH_OUTPUT || path.join(__dirname, 'results.md'),
  // Static external access tokens must be at least 8 characters.
  token: `bench-${randomBytes(16).toString('hex')}`,
};
const METHODS: Method[] = ['tools/list', 'tools/call'];

for (const t of settings.targets) {
  if (!(t in TARGET_LABELS)) {
    throw new Error(`Unknown target "${t}" in BENCH_TARGETS`);
  }
}
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
            ],
          },
        ],
      },
    },
  };
}

/**
 * The peer is installed under the alias `peer-mcp-actions-backend`, but reads
 * its own package.json by its real name, which resolves to nothing here (that
 * name is this package). A NODE_PATH holding just that name, linked to the
 * alias, lets it find itself; only the peer's process gets it.
 */
function peerSelfResolution(): string {
  const dir = path.join(workDir, 'peer-node-path');
  const link = path.join(dir, '@backstage', 'plugin-mcp-actions-backend');
  if (!fs.existsSync(link)) {
    fs.mkdirSync(path.dirname(link), { recursive: true });
    const peer = path.dirname(
      require.resolve('peer-mcp-actions-backend/package.json'),
    );
    fs.symlinkSync(fs.realpathSync(peer), link, 'dir');
  }
  return dir;
}

interface RunningTarget {
  child: ChildProcess;
  url: string;
  logFile: string;
}

async function startTarget(
  target: Target,
  count: number,
  label: string,
): Promise<RunningTarget> {
  const port = await freePort();
  const logFile = path.join(workDir, `${label}.log`);
  const args = [
    '--target',
    target,
    '--actions',
    String(count),
    '--port',
    String(port),
    '--token',
    settings.token,
  ];
  if (target !== 'sdk') {
    const configFile = path.join(workDir, `${label}.app-config.yaml`);
    // JSON is YAML.
    fs.writeFileSync(configFile, JSON.stringify(backstageConfig(port), null, 2));
    args.push('--config', configFile);
  }
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: settings.logLevel };
  if (target === 'peer') {
    env.NODE_PATH = peerSelfResolution();
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
    await stopTarget({ child, url: '', logFile });
    throw new Error(
      `${TARGET_LABELS[target]} (N=${count}) ${error.message}\n--- ${logFile} (tail) ---\n${tail(logFile)}`,
    );
  });

  return { child, url: `http://127.0.0.1:${port}${MCP_PATH}`, logFile };
}

function stopTarget({ child }: RunningTarget): Promise<void> {
  return stopChild(child);
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
// JSON-RPC over Streamable HTTP

const HEADERS = {
  'Content-Type': 'application/json',
  Accept: 'application/json, text/event-stream',
  Authorization: `Bearer ${settings.token}`,
  'MCP-Protocol-Version': PROTOCOL_VERSION,
};

function requestBody(method: Method, toolName?: string): string {
  return JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method,
    params:
      method === 'tools/call'
        ? { name: toolName, arguments: CALL_ARGUMENTS }
        : {},
  });
}

interface RpcAnswer {
  text: string;
  contentType: string;
  message: {
    id?: unknown;
    result?: any;
    error?: { code: number; message: string };
  };
}

/** One POST; the answer may be JSON or a `text/event-stream` of messages. */
async function rpc(url: string, body: string): Promise<RpcAnswer> {
  const response = await fetch(url, { method: 'POST', headers: HEADERS, body });
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.ok) {
    throw new Error(`HTTP ${response.status}: ${text.slice(0, 500)}`);
  }
  let messages: unknown[];
  if (contentType.includes('text/event-stream')) {
    messages = text
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
  } else {
    messages = [JSON.parse(text)];
  }
  const message = messages.find(
    (m): m is RpcAnswer['message'] =>
      typeof m === 'object' && m !== null && (m as { id?: unknown }).id === 1,
  );
  if (!message) {
    throw new Error(`no JSON-RPC answer to id 1 in: ${text.slice(0, 500)}`);
  }
  if (message.error) {
    throw new Error(
      `JSON-RPC error ${message.error.code}: ${message.error.message}`,
    );
  }
  return { text, contentType, message };
}

/**
 * Checks that the target lists exactly the N bench tools and that calling
 * the cheap one works; returns the name it goes by there.
 */
async function verify(url: string, count: number): Promise<string> {
  const { message } = await rpc(url, requestBody('tools/list'));
  const tools = message.result?.tools as { name: string }[] | undefined;
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
  const call = await rpc(url, requestBody('tools/call', tool.name));
  const result = call.message.result;
  if (result?.isError || !JSON.stringify(result).includes('Hello, bench!')) {
    throw new Error(`tools/call gave ${JSON.stringify(result).slice(0, 500)}`);
  }
  return tool.name;
}

// ---------------------------------------------------------------------------
// Measuring

interface Row {
  target: Target;
  count: number;
  method: Method;
  toolName?: string;
  contentType?: string;
  responseBytes?: number;
  rps?: number;
  p50?: number;
  p99?: number;
  rss?: number;
  requests?: number;
  bad?: number;
  badDetail?: string;
  failure?: string;
}

async function load(
  url: string,
  body: string,
  duration: number,
  expected: { body?: string; check: (body: string) => boolean },
) {
  return autocannon({
    url,
    method: 'POST',
    headers: HEADERS,
    body,
    connections: settings.connections,
    duration,
    timeout: 10,
    ...(expected.body !== undefined
      ? { expectBody: expected.body }
      : { verifyBody: expected.check }),
  });
}

async function measure(target: Target, count: number, method: Method): Promise<Row> {
  const row: Row = { target, count, method };
  const label = `${target}-${count}-${method.replace('/', '-')}`;
  let running: RunningTarget | undefined;
  try {
    running = await startTarget(target, count, label);
    const toolName = await verify(running.url, count);
    row.toolName = toolName;
    const body = requestBody(method, toolName);
    // Two answers: when they agree every measured answer must equal them.
    const first = await rpc(running.url, body);
    const second = await rpc(running.url, body);
    row.contentType = first.contentType.split(';')[0];
    row.responseBytes = Buffer.byteLength(first.text);
    const expected =
      first.text === second.text
        ? { body: first.text, check: () => true }
        : {
            check: (text: string) =>
              text.includes('"result"') && !text.includes('"isError":true'),
          };

    if (settings.warmup > 0) {
      await load(running.url, body, settings.warmup, expected);
    }
    const result = await load(running.url, body, settings.duration, expected);
    row.rps = result.requests.average;
    row.p50 = result.latency.p50;
    row.p99 = result.latency.p99;
    row.requests = result.requests.total;
    row.bad = result.non2xx + result.errors + result.timeouts + result.mismatches;
    row.badDetail = `non2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}, mismatches ${result.mismatches}`;
    row.rss = await peakRss(running.child);
  } catch (error) {
    row.failure = (error as Error).message;
  } finally {
    if (running) {
      await stopTarget(running);
    }
  }
  return row;
}

// ---------------------------------------------------------------------------
// Reporting

const fmt = {
  int: (v?: number) => (v === undefined ? '–' : Math.round(v).toLocaleString('en-US')),
  ms: (v?: number) => {
    if (v === undefined) {
      return '–';
    }
    return Number.isInteger(v) ? String(v) : v.toFixed(2);
  },
  mb: (v?: number) => (v === undefined ? '–' : (v / 1024 / 1024).toFixed(0)),
  ratio: (v?: number) => (v === undefined || !Number.isFinite(v) ? '–' : `${v.toFixed(2)}×`),
};

function find(rows: Row[], target: Target, count: number, method: Method) {
  return rows.find(
    r => r.target === target && r.count === count && r.method === method && !r.failure,
  );
}

function table(rows: Row[]): string {
  const lines = [
    '| Target | N | Method | req/s | p50 ms | p99 ms | peak RSS MB | req/s vs peer | bad responses | answer |',
    '|---|---:|---|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    if (row.failure) {
      lines.push(
        `| ${TARGET_LABELS[row.target]} | ${row.count} | ${row.method} | FAILED | | | | | | ${row.failure.split('\n')[0].replace(/\|/g, '\\|')} |`,
      );
      continue;
    }
    const peer = find(rows, 'peer', row.count, row.method);
    const ratio = peer?.rps ? row.rps! / peer.rps : undefined;
    lines.push(
      `| ${TARGET_LABELS[row.target]} | ${row.count} | ${row.method} | ${fmt.int(row.rps)} | ${fmt.ms(row.p50)} | ${fmt.ms(row.p99)} | ${fmt.mb(row.rss)} | ${row.target === 'peer' ? '1.00×' : fmt.ratio(ratio)} | ${row.bad} of ${fmt.int(row.requests)} | ${row.contentType}, ${fmt.int(row.responseBytes)} B |`,
    );
  }
  return lines.join('\n');
}

interface Check {
  name: string;
  met: boolean | undefined;
  detail: string;
}

function checks(rows: Row[]): Check[] {
  const result: Check[] = [];
  const throughputGoals: [number, Method, number][] = [
    [500, 'tools/list', 10],
    [500, 'tools/call', 10],
    [5, 'tools/list', 3],
    [5, 'tools/call', 1.5],
  ];
  for (const [count, method, factor] of throughputGoals) {
    if (!settings.actionCounts.includes(count)) {
      continue;
    }
    const mine = find(rows, 'this', count, method);
    const peer = find(rows, 'peer', count, method);
    const ratio = mine?.rps && peer?.rps ? mine.rps / peer.rps : undefined;
    result.push({
      name: `N=${count} ${method}: req/s ≥ ${factor}× peer`,
      met:
        ratio === undefined ? undefined : ratio >= factor && mine!.bad === 0,
      detail: `${fmt.ratio(ratio)} (${fmt.int(mine?.rps)} vs ${fmt.int(peer?.rps)})`,
    });
  }
  for (const count of settings.actionCounts) {
    for (const method of METHODS) {
      const mine = find(rows, 'this', count, method);
      const peer = find(rows, 'peer', count, method);
      const both = mine && peer;
      result.push({
        name: `N=${count} ${method}: p99 below peer`,
        met: both ? mine.p99! < peer.p99! : undefined,
        detail: `${fmt.ms(mine?.p99)} ms vs ${fmt.ms(peer?.p99)} ms`,
      });
      result.push({
        name: `N=${count} ${method}: peak RSS ≤ peer`,
        met: both ? mine.rss! <= peer.rss! : undefined,
        detail: `${fmt.mb(mine?.rss)} MB vs ${fmt.mb(peer?.rss)} MB`,
      });
    }
  }
  const mine = rows.filter(r => r.target === 'this');
  result.push({
    name: 'this plugin: no failed rows, no bad responses',
    met: mine.length > 0 && mine.every(r => !r.failure && r.bad === 0),
    detail: mine
      .filter(r => r.failure || r.bad)
      .map(r => `N=${r.count} ${r.method}: ${r.failure ?? r.badDetail}`)
      .join('; ') || 'all clean',
  });
  return result;
}

function verdict(met: boolean | undefined) {
  if (met === undefined) {
    return 'n/a ';
  }
  return met ? 'MET ' : 'MISS';
}

function report(rows: Row[], startedAt: Date, elapsedS: number): string {
  const cpus = os.cpus();
  const goalLines = checks(rows).map(
    c => `- ${verdict(c.met)} ${c.name} — ${c.detail}`,
  );
  const notes = rows
    .filter(r => !r.failure && r.bad)
    .map(r => `- ${TARGET_LABELS[r.target]} N=${r.count} ${r.method}: ${r.badDetail}`);
  const failures = rows
    .filter(r => r.failure)
    .map(r => `- ${TARGET_LABELS[r.target]} N=${r.count} ${r.method}:\n\n\`\`\`\n${r.failure}\n\`\`\``);
  const toolNames = [...new Set(rows.filter(r => r.toolName).map(r => `${TARGET_LABELS[r.target]}: \`${r.toolName}\``))];
  return [
    '# MCP actions benchmark',
    '',
    `- Date: ${startedAt.toISOString()}`,
    `- Node: ${process.version}, ${os.platform()} ${os.arch()}`,
    `- CPU: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown'})`,
    `- Load: autocannon, ${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s measured per row; a fresh server process per row`,
    `- Targets: this plugin (src/, transpiled to plain CommonJS like the servers' helpers), peer = @backstage/plugin-mcp-actions-backend 0.2.2, bare SDK = low-level MCP SDK \`Server\` on express (stateless, JSON answers; the ceiling). Backstage backends: backend-defaults createBackend, in-memory SQLite, static token, LOG_LEVEL=${settings.logLevel}`,
    `- Called tool: ${toolNames.join(', ') || '–'}`,
    `- Total run time: ${elapsedS.toFixed(0)} s`,
    '',
    table(rows),
    '',
    '"bad responses": non-2xx, socket errors, timeouts and answers differing from the checked one. "req/s vs peer" is the row\'s req/s over the peer\'s for the same N and method. Peak RSS is the process\'s VmHWM (start-up included).',
    '',
    '## Targets (this plugin vs peer)',
    '',
    ...goalLines,
    ...(notes.length ? ['', '## Bad responses', '', ...notes] : []),
    ...(failures.length ? ['', '## Failures', '', ...failures] : []),
    '',
  ].join('\n');
}

const HISTORY_HEADING = '## History';

/**
 * Every run adds a line to the report's history (kept from the previous
 * report), so measurements before and after a change stay side by side.
 */
function history(rows: Row[], startedAt: Date): string {
  let previous: string[] = [];
  try {
    const old = fs.readFileSync(settings.output, 'utf8');
    const at = old.indexOf(HISTORY_HEADING);
    if (at >= 0) {
      previous = old
        .slice(at + HISTORY_HEADING.length)
        .split('\n')
        .filter(line => line.startsWith('- '));
    }
  } catch {
    // No previous report.
  }
  let commit = 'uncommitted';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout.
  }
  const cells = rows
    .filter(r => !r.failure)
    .map(r => `${r.target} N=${r.count} ${r.method.replace('tools/', '')} ${fmt.int(r.rps)}`);
  const line = `- ${startedAt.toISOString().slice(0, 16)} ${commit}: ${cells.join('; ')} (req/s)`;
  return [HISTORY_HEADING, '', 'Requests per second of earlier runs, newest last.', '', ...previous, line, ''].join('\n');
}

// ---------------------------------------------------------------------------

async function main() {
  const startedAt = new Date();
  const rows: Row[] = [];
  serverScript = compileForChildren();
  const total = settings.actionCounts.length * METHODS.length * settings.targets.length;
  process.stdout.write(
    `Benchmarking ${settings.targets.join(', ')} at N=${settings.actionCounts.join(', ')}: ${total} rows of ${settings.warmup} s + ${settings.duration} s (${os.cpus().length} cores, Node ${process.version})\n`,
  );
  for (const count of settings.actionCounts) {
    for (const method of METHODS) {
      for (const target of settings.targets) {
        process.stdout.write(`  ${TARGET_LABELS[target]} N=${count} ${method} ... `);
        const row = await measure(target, count, method);
        rows.push(row);
        process.stdout.write(
          row.failure
            ? `FAILED\n${row.failure}\n`
            : `${fmt.int(row.rps)} req/s, p99 ${fmt.ms(row.p99)} ms, RSS ${fmt.mb(row.rss)} MB${row.bad ? `, ${row.badDetail}` : ''}\n`,
        );
      }
    }
  }
  const elapsedS = (Date.now() - startedAt.getTime()) / 1000;
  const markdown = `${report(rows, startedAt, elapsedS)}\n${history(rows, startedAt)}`;
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
