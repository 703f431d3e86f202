/*
 * Shared by scripts/loadTest.ts and scripts/twoReplicas.ts: starting and
 * stopping backends (scripts/backendChild.ts) in child processes on
 * 127.0.0.1, asking them for their resource figures, and plain JSON-RPC
 * POSTs over node:http with an agent the caller owns (so its sockets can be
 * closed before resources are counted).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  freePort,
  peerSelfResolution,
  stopChild,
  tail,
  waitForReady,
} from '../bench/childProcesses';
import { portalPlugins } from '../dev/portalActions';

export { freePort, tail };

export const ROOT = path.join(__dirname, '..');
export const MCP_PATH = '/api/mcp-actions/v1';
export const PROTOCOL_VERSION = '2025-06-18';
export const START_TIMEOUT_MS = 120_000;

/** The tools of the dev backend's `local` plugin, the only action source. */
export const TOOLS = {
  greet: 'local.greet-user',
  validate: 'local.validate-service-name',
  deleteNote: 'local.delete-note',
  postToWebhook: 'local.post-to-webhook',
};
export const EXPECTED_TOOL_NAMES = Object.values(TOOLS).sort();

/** What the child reports about itself (scripts/backendChild.ts). */
export interface ChildStats {
  rss: number;
  heapUsed: number;
  external: number;
  /** Whether a forced GC ran first (needs --expose-gc). */
  gc: boolean;
  /** process.getActiveResourcesInfo(), counted by type. */
  resources: Record<string, number>;
  /** Listeners on `process`, over all events. */
  processListeners: number;
  /** SSE streams whose response has not closed yet. */
  sseOpen: number;
  /** SSE streams opened since start. */
  sseOpened: number;
}

/** Static external access tokens must be at least 8 characters. */
export function newToken(prefix: string): string {
  return `${prefix}-${randomBytes(16).toString('hex')}`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------
// Child processes: every one is tracked and killed on every way out.

const children = new Set<ChildProcess>();
let workDir: string | undefined;
let keepWorkDir = false;

/** Kills every child still running (SIGKILL). */
export function killAll() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
    }
  }
}

function removeWorkDir() {
  if (workDir && !keepWorkDir) {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

process.on('exit', () => {
  killAll();
  removeWorkDir();
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    killAll();
    removeWorkDir();
    process.exit(130);
  });
}
process.on('uncaughtException', error => {
  process.stderr.write(`Uncaught: ${error?.stack ?? error}\n`);
  killAll();
  process.exit(1);
});

/** A temporary folder for configs and logs, removed on exit unless kept. */
export function getWorkDir(): string {
  workDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-actions-scripts-'));
  return workDir;
}

/** Keeps the logs (e.g. when something failed) and says where they are. */
export function keepLogs(): string {
  keepWorkDir = true;
  return getWorkDir();
}

export interface BackendOptions {
  label: string;
  token: string;
  /** Port to listen on; a free one when left out. */
  port?: number;
  /** backend.baseUrl; the backend's own address when left out. */
  baseUrl?: string;
  logLevel?: string;
  /** Which MCP plugin serves: this one (default) or the peer. */
  plugin?: 'this' | 'peer';
  /** How many actions of the realistic portal to add; none by default. */
  portalActions?: number;
  /** Keys merged over the `mcpActions` section every backend gets. */
  mcpActions?: Record<string, unknown>;
  /**
   * Callers bring test credentials (`mockCredentials.user.token(ref)`,
   * one distinct user each) through Backstage's mock auth services.
   */
  testCredentials?: boolean;
}

export interface Backend {
  label: string;
  child: ChildProcess;
  port: number;
  /** http://127.0.0.1:port */
  origin: string;
  /** The default MCP server's Streamable HTTP endpoint. */
  mcpUrl: string;
  logFile: string;
  stats(options?: { gc?: boolean }): Promise<ChildStats>;
  stop(): Promise<void>;
}

/** One key for every backend this process starts. */
const SECRETS_KEY = randomBytes(32).toString('base64');

/** The config every backend gets: only the port and base URL differ. */
export function backendConfig(options: {
  port: number;
  baseUrl: string;
  token: string;
  portalActions?: number;
  mcpActions?: Record<string, unknown>;
}) {
  const sources = [
    'local',
    ...portalPlugins(options.portalActions ?? 0).map(p => p.pluginId),
  ];
  return {
    backend: {
      baseUrl: options.baseUrl,
      listen: { host: '127.0.0.1', port: options.port },
      database: { client: 'better-sqlite3', connection: ':memory:' },
      actions: { pluginSources: sources },
      auth: {
        externalAccess: [
          {
            type: 'static',
            options: { token: options.token, subject: 'mcp-scripts' },
            accessRestrictions: [
              { plugin: 'mcp-actions' },
              ...sources.map(plugin => ({ plugin })),
            ],
          },
        ],
      },
    },
    mcpActions: {
      name: 'backstage-scripts',
      // The local plugin's post-to-webhook declares a secret; every
      // replica of a run shares the key.
      secrets: { encryptionKey: SECRETS_KEY },
      ...options.mcpActions,
    },
  };
}

export async function startBackend(options: BackendOptions): Promise<Backend> {
  const dir = getWorkDir();
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const configFile = path.join(dir, `${options.label}.app-config.yaml`);
  // JSON is YAML.
  fs.writeFileSync(
    configFile,
    JSON.stringify(
      backendConfig({
        port,
        baseUrl: options.baseUrl ?? origin,
        token: options.token,
        portalActions: options.portalActions,
        mcpActions: options.mcpActions,
      }),
      null,
      2,
    ),
  );
  const logFile = path.join(dir, `${options.label}.log`);
  const log = fs.openSync(logFile, 'w');
  const child = fork(
    path.join(__dirname, 'backendChild.ts'),
    ['--config', configFile],
    {
      cwd: ROOT,
      execArgv: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        '--expose-gc',
      ],
      env: {
        ...process.env,
        LOG_LEVEL: options.logLevel ?? 'warn',
        MCP_CHILD_PLUGIN: options.plugin ?? 'this',
        ...(options.plugin === 'peer' && {
          NODE_PATH: peerSelfResolution(getWorkDir()),
        }),
        MCP_CHILD_PORTAL_ACTIONS: String(options.portalActions ?? 0),
        MCP_CHILD_TEST_CREDENTIALS: options.testCredentials ? '1' : '0',
      },
      stdio: ['ignore', log, log, 'ipc'],
    },
  );
  fs.closeSync(log);
  children.add(child);
  child.on('exit', () => children.delete(child));

  let nextId = 1;
  const backend: Backend = {
    label: options.label,
    child,
    port,
    origin,
    mcpUrl: `${origin}${MCP_PATH}`,
    logFile,
    stats({ gc = false } = {}) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          child.off('message', onMessage);
          reject(new Error(`${options.label}: no stats answer within 15 s`));
        }, 15_000);
        function onMessage(message: {
          type?: string;
          id?: number;
          stats?: ChildStats;
          error?: string;
        }) {
          if (message?.type !== 'stats' || message.id !== id) {
            return;
          }
          clearTimeout(timer);
          child.off('message', onMessage);
          if (message.stats) {
            resolve(message.stats);
          } else {
            reject(new Error(`${options.label}: ${message.error}`));
          }
        }
        child.on('message', onMessage);
        child.send({ type: 'stats', id, gc });
      });
    },
    stop: () => stopChild(child),
  };

  await waitForReady(child, START_TIMEOUT_MS).catch(async error => {
    await backend.stop();
    throw new Error(
      `${options.label} ${error.message}\n--- ${logFile} (tail) ---\n${tail(logFile)}`,
    );
  });
  return backend;
}

// ---------------------------------------------------------------------------
// JSON-RPC over plain node:http

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The parsed body, when it is JSON. */
  json?: any;
}

export function post(
  agent: http.Agent,
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs = 30_000,
): Promise<HttpAnswer> {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(payload),
          ...headers,
        },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', chunk => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const json = jsonRpcPayload(res.headers['content-type'], text);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json,
          });
        });
      },
    );
    req.setTimeout(timeoutMs, () =>
      req.destroy(new Error(`timed out after ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * The JSON-RPC message of an answer, sent as one JSON body or, as the 2025
 * era is answered, as an event stream (its last `data:` line).
 */
function jsonRpcPayload(type: string | undefined, text: string): unknown {
  try {
    if (type?.startsWith('text/event-stream')) {
      const data = text.split('\n').filter(line => line.startsWith('data: '));
      return data.length
        ? JSON.parse(data[data.length - 1].slice(6))
        : undefined;
    }
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Headers of a Streamable HTTP request with the static token. */
export function mcpHeaders(token: string): Record<string, string> {
  return {
    Accept: 'application/json, text/event-stream',
    Authorization: `Bearer ${token}`,
    'MCP-Protocol-Version': PROTOCOL_VERSION,
  };
}

let rpcId = 0;
export function rpcBody(method: string, params: object = {}) {
  return { jsonrpc: '2.0', id: ++rpcId, method, params };
}

/** tools/list straight from one endpoint; the tool names, sorted. */
export async function listToolNames(
  agent: http.Agent,
  url: string,
  token: string,
): Promise<{ names: string[]; tools: any[] }> {
  const answer = await post(
    agent,
    url,
    rpcBody('tools/list'),
    mcpHeaders(token),
  );
  const tools = answer.json?.result?.tools;
  if (answer.status !== 200 || !Array.isArray(tools)) {
    throw new Error(
      `tools/list at ${url}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`,
    );
  }
  return { names: tools.map((t: { name: string }) => t.name).sort(), tools };
}

// ---------------------------------------------------------------------------
// Reporting

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) {
    return NaN;
  }
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

export function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

/** A plain-text table with columns padded to their widest cell. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map(r => r.map(String))];
  const widths = header.map((_, i) =>
    Math.max(...cells.map(r => (r[i] ?? '').length)),
  );
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ');
  return [
    line(cells[0]),
    widths.map(w => '-'.repeat(w)).join('  '),
    ...cells.slice(1).map(line),
  ].join('\n');
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export function printChecks(checks: Check[]): boolean {
  for (const check of checks) {
    process.stdout.write(
      `${check.ok ? 'PASS' : 'FAIL'}  ${check.name} — ${check.detail}\n`,
    );
  }
  return checks.every(c => c.ok);
}

/** Runs a script's main, kills every child on the way out, sets the exit code. */
export function runScript(main: () => Promise<number>) {
  main().then(
    code => {
      killAll();
      process.exitCode = code;
    },
    error => {
      killAll();
      process.stderr.write(
        `${error?.stack ?? error}\nLogs kept in ${keepLogs()}\n`,
      );
      process.exitCode = 1;
    },
  );
}
