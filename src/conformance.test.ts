/*
 * Third-party client checks against a real backend:
 *
 * - the official MCP conformance suite (server side) over Streamable HTTP,
 *   for the scenarios that mean something for a tools-only server;
 * - the MCP Inspector CLI over Streamable HTTP and over legacy SSE.
 *
 * Both tools need Node 22 or newer, which npx fetches from the npm registry
 * (`-p node@22`); the first run downloads it, hence the long timeouts.
 * See /work/shared/MCP-TEST-TOOLS.md for what was measured about them.
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  McpTestBackend,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

jest.setTimeout(240_000);

const CONFORMANCE = '@modelcontextprotocol/conformance@0.1.16';
const INSPECTOR = '@modelcontextprotocol/inspector@2.12.0';
const TOKEN = 'conformance-token-0123456789';

const TEST_TOOLS = [
  'test-actions.crash',
  'test-actions.delete-widget',
  'test-actions.reject-input',
  'test-actions.sleep',
  'test-actions.whoami',
];

/**
 * The conformance scenarios that apply to a server offering only tools,
 * each with the checks it must report as SUCCESS. Every other check of
 * these scenarios must not be a FAILURE either. Not run: the logging,
 * completion, resources and prompts scenarios (not offered: -32601), and
 * the ones that call the suite's fixture tools (`test_*`), some of whose
 * main checks pass on any server and so would prove nothing.
 */
const APPLICABLE_SCENARIOS: Record<string, string[]> = {
  'server-initialize': ['server-initialize'],
  ping: ['ping'],
  'tools-list': ['tools-list'],
  'dns-rebinding-protection': [
    'localhost-host-rebinding-rejected',
    'localhost-host-valid-accepted',
  ],
};

/**
 * Listed by the suite but testing nothing here: it needs a session id, and
 * the Streamable HTTP endpoint is stateless, so the scenario stops at once
 * with this single warning. It runs anyway so that a change of behaviour
 * (a session id appearing, or a failure) shows up.
 */
const STATELESS_ONLY_WARNING = {
  scenario: 'server-sse-multiple-streams',
  check: 'server-sse-multiple-streams-session',
};

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npx --yes -p node@22 -p <pkg> <bin> ...args`; never rejects on exit codes. */
function npx22(
  pkg: string,
  bin: string,
  args: string[],
  extraEnv: Record<string, string> = {},
  timeoutMs = 180_000,
): Promise<RunResult> {
  const env = { ...process.env, ...extraEnv };
  // Whatever jest runs with is no business of the child's Node.
  delete env.NODE_OPTIONS;
  delete env.NODE_ENV;
  return new Promise((resolve, reject) => {
    execFile(
      'npx',
      ['--yes', '-p', 'node@22', '-p', pkg, bin, ...args],
      {
        cwd: os.tmpdir(),
        env,
        timeout: timeoutMs,
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(
            new Error(`${bin} ${args.join(' ')} failed: ${error}\n${stderr}`),
          );
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/**
 * A loopback reverse proxy that adds `Authorization: Bearer <token>` to
 * every request that has none, since the conformance runner cannot send
 * headers of its own. Everything else (Host and Origin included) passes
 * unchanged, and responses stream through.
 */
async function startAuthProxy(token: string) {
  let targetPort = 0;
  const server = http.createServer((req, res) => {
    const headers = { ...req.headers };
    headers.authorization ??= `Bearer ${token}`;
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: targetPort,
        method: req.method,
        path: req.url,
        headers,
      },
      up => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) {
        res.writeHead(502);
      }
      res.end();
    });
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    forwardTo(port_: number) {
      targetPort = port_;
    },
    async stop() {
      server.closeAllConnections();
      await new Promise(resolve => server.close(resolve));
    },
  };
}

interface Check {
  id: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | 'SKIPPED';
  errorMessage?: string;
  details?: Record<string, unknown>;
}

/** Runs one conformance scenario and returns the checks it wrote. */
async function runScenario(url: string, scenario: string, outRoot: string) {
  const outDir = path.join(outRoot, scenario);
  const run = await npx22(CONFORMANCE, 'conformance', [
    'server',
    '--url',
    url,
    '--scenario',
    scenario,
    '-o',
    outDir,
  ]);
  const [resultDir] = (await readdir(outDir)).filter(d =>
    d.startsWith(`server-${scenario}-`),
  );
  if (!resultDir) {
    throw new Error(
      `No results for ${scenario} (exit ${run.code}):\n${run.stdout}\n${run.stderr}`,
    );
  }
  const checks: Check[] = JSON.parse(
    await readFile(path.join(outDir, resultDir, 'checks.json'), 'utf8'),
  );
  return { code: run.code, checks, output: run.stdout + run.stderr };
}

describe('third-party MCP clients', () => {
  let mcp: McpTestBackend;
  let proxy: Awaited<ReturnType<typeof startAuthProxy>>;
  let outRoot: string;

  beforeAll(async () => {
    outRoot = await mkdtemp(path.join(os.tmpdir(), 'mcp-conformance-'));
    proxy = await startAuthProxy(TOKEN);
    mcp = await startMcpBackend({
      realAuth: true,
      features: [authServiceFactory, httpAuthServiceFactory],
      config: {
        backend: {
          // The proxy stands in for the backend's public front, so its
          // origin is the backend's own origin, the one browsers may use.
          baseUrl: proxy.origin,
          actions: { pluginSources: ['test-actions'] },
          listen: { host: '127.0.0.1' },
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: TOKEN, subject: 'conformance' },
                accessRestrictions: [
                  { plugin: 'mcp-actions' },
                  { plugin: 'test-actions' },
                ],
              },
            ],
          },
        },
      },
    });
    proxy.forwardTo(Number(new URL(mcp.baseUrl).port));
  });

  afterAll(async () => {
    await mcp?.stop();
    await proxy?.stop();
    if (outRoot) {
      await rm(outRoot, { recursive: true, force: true });
    }
  });

  describe('official conformance suite', () => {
    it('lists the scenarios this test runs', async () => {
      // Also fetches the suite and Node 22 once, before the parallel runs.
      const run = await npx22(CONFORMANCE, 'conformance', ['list', '--server']);
      expect(run.code).toBe(0);
      for (const scenario of [
        ...Object.keys(APPLICABLE_SCENARIOS),
        STATELESS_ONLY_WARNING.scenario,
      ]) {
        expect(run.stdout).toContain(`- ${scenario} [`);
      }
    });

    it('passes every scenario that applies to a tools-only server', async () => {
      const url = `${proxy.origin}/api/mcp-actions/v1`;
      const scenarios = Object.keys(APPLICABLE_SCENARIOS);
      const results = await Promise.all(
        scenarios.map(s => runScenario(url, s, outRoot)),
      );
      const failures = results.flatMap((r, i) =>
        r.checks
          .filter(c => c.status === 'FAILURE')
          .map(c => ({ scenario: scenarios[i], ...c })),
      );
      expect(failures).toEqual([]);
      results.forEach((r, i) => {
        const succeeded = r.checks
          .filter(c => c.status === 'SUCCESS')
          .map(c => c.id);
        expect(succeeded).toEqual(
          expect.arrayContaining(APPLICABLE_SCENARIOS[scenarios[i]]),
        );
        expect(r.code).toBe(0);
      });
      // The token reached the backend: the tools of the test plugin show.
      const toolsList = results[scenarios.indexOf('tools-list')].checks.find(
        c => c.id === 'tools-list',
      );
      expect([...(toolsList?.details?.tools as string[])].sort()).toEqual(
        TEST_TOOLS,
      );
      // The foreign origin is refused by the origin check itself, not for
      // lack of credentials; the page's own origin gets through.
      const dns = results[scenarios.indexOf('dns-rebinding-protection')];
      expect(dns.checks.map(c => [c.id, c.details?.statusCode])).toEqual([
        ['localhost-host-rebinding-rejected', 403],
        ['localhost-host-valid-accepted', 200],
      ]);
    });

    it('only warns about sessions in the multiple-streams scenario', async () => {
      const { checks } = await runScenario(
        `${proxy.origin}/api/mcp-actions/v1`,
        STATELESS_ONLY_WARNING.scenario,
        outRoot,
      );
      expect(checks.map(c => [c.id, c.status])).toEqual([
        [STATELESS_ONLY_WARNING.check, 'WARNING'],
      ]);
    });
  });

  describe('MCP Inspector CLI', () => {
    // Keeps the Inspector's catalog, settings, OAuth store and logs out of ~.
    const inspectorEnv = () => {
      const dir = path.join(outRoot, 'inspector');
      return {
        MCP_STORAGE_DIR: dir,
        MCP_CATALOG_PATH: path.join(dir, 'mcp.json'),
        MCP_CLIENT_CONFIG_PATH: path.join(dir, 'client.json'),
        MCP_INSPECTOR_OAUTH_STATE_PATH: path.join(dir, 'oauth.json'),
        MCP_INSPECTOR_LOG_DIR: path.join(dir, 'logs'),
      };
    };
    const inspector = (transport: 'http' | 'sse', args: string[]) =>
      npx22(
        INSPECTOR,
        'inspector',
        [
        '--cli',
        '--transport',
        transport,
        '--server-url',
        `${mcp.baseUrl}/api/mcp-actions/v1${transport === 'sse' ? '/sse' : ''}`,
        '--header',
        `Authorization: Bearer ${TOKEN}`,
        '--format',
        'json',
          '--stored-auth-only',
          ...args,
        ],
        inspectorEnv(),
      );

    describe.each(['http', 'sse'] as const)('over %s', transport => {
      it('lists the tools', async () => {
        const run = await inspector(transport, ['--method', 'tools/list']);
        expect(run).toMatchObject({ code: 0 });
        const { tools } = JSON.parse(run.stdout).result;
        expect(tools.map((t: { name: string }) => t.name).sort()).toEqual(
          TEST_TOOLS,
        );
      });

      it('calls a tool', async () => {
        const run = await inspector(transport, [
          '--method',
          'tools/call',
          '--tool-name',
          'test-actions.whoami',
          '--tool-args-json',
          '{"note":"from the inspector"}',
        ]);
        expect(run).toMatchObject({ code: 0 });
        const { result } = JSON.parse(run.stdout);
        expect(result.isError).toBeFalsy();
        expect(result.structuredContent).toEqual({
          principal: 'service:plugin:mcp-actions',
          note: 'from the inspector',
        });
      });
    });

    it('exits with 5 for an unknown tool', async () => {
      const run = await inspector('http', [
        '--method',
        'tools/call',
        '--tool-name',
        'test-actions.no-such-tool',
        '--tool-args-json',
        '{}',
      ]);
      expect(run.code).toBe(5);
      // The Inspector prints its error as a JSON line on stderr, after npm's.
      const error = run.stderr
        .split('\n')
        .filter(line => line.startsWith('{'))
        .map(line => JSON.parse(line))
        .pop();
      expect(error).toEqual({
        error: {
          code: 'tool_not_found',
          message: "Tool 'test-actions.no-such-tool' not found on server.",
        },
      });
    });
  });
});
