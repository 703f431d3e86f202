/*
 * Two replicas behind a round-robin proxy (not a jest test):
 *
 *   npm run test:replicas
 *
 * Starts two backends in child processes (same config, same static token,
 * different ports, backend.baseUrl = the proxy, as behind a load balancer)
 * and a small HTTP proxy in this process (node:http) that sends each request
 * to the next replica in turn, streaming bodies both ways. Then, with the
 * real MCP SDK client through the proxy:
 *
 *   Streamable HTTP  initialize, tools/list and tools/call several times:
 *                    everything must succeed with no session affinity, and
 *                    the requests must have reached both replicas; the tool
 *                    lists fetched straight from each replica must be equal.
 *   SSE (legacy)     round-robin: the message POST lands on the replica that
 *                    does not hold the stream, which answers 404, so the
 *                    client cannot even initialize; pinned by session id
 *                    (learned from the stream's endpoint event) or by client
 *                    (an X-Client-Id header): works. As the README says, SSE
 *                    needs sticky sessions.
 *
 * Prints the requests each replica got and the checks; exits non-zero if a
 * check fails.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import http from 'node:http';
import {
  type Backend,
  type Check,
  EXPECTED_TOOL_NAMES,
  MCP_PATH,
  TOOLS,
  freePort,
  keepLogs,
  runScript,
  listToolNames,
  newToken,
  printChecks,
  sleep,
  startBackend,
  table,
} from './lib';

type Mode = 'round-robin' | 'sticky-session' | 'sticky-client';

interface LogEntry {
  n: number;
  mode: Mode;
  method: string;
  path: string;
  /** The JSON-RPC method(s) in the request body, if any. */
  rpc: string;
  replica: number;
  status?: number;
  sessionId?: string;
  clientId?: string;
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
]);

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(
    Object.entries(headers).filter(
      ([name]) => !HOP_BY_HOP.has(name.toLowerCase()),
    ),
  );
}

/**
 * Forwards every request to one of the replicas: the next one in turn, or,
 * when pinning, the replica that holds the session (by the sessionId of
 * .../messages?sessionId=, learned from each SSE stream's endpoint event) or
 * the one the client's X-Client-Id hashes to.
 */
class Proxy {
  mode: Mode = 'round-robin';
  readonly log: LogEntry[] = [];
  readonly server: http.Server;
  readonly #agent = new http.Agent({ keepAlive: true });
  readonly #sessions = new Map<string, number>();
  #next = 0;

  constructor(readonly replicas: Backend[]) {
    this.server = http.createServer((req, res) => this.#forward(req, res));
  }

  listen(port: number): Promise<void> {
    return new Promise(resolve =>
      this.server.listen(port, '127.0.0.1', () => resolve()),
    );
  }

  close(): Promise<void> {
    this.#agent.destroy();
    this.server.closeAllConnections();
    return new Promise(resolve => this.server.close(() => resolve()));
  }

  #pick(req: http.IncomingMessage, url: URL): number {
    if (this.mode === 'sticky-session') {
      const pinned = this.#sessions.get(
        url.searchParams.get('sessionId') ?? '',
      );
      if (pinned !== undefined) {
        return pinned;
      }
    }
    const clientId = req.headers['x-client-id'];
    if (this.mode === 'sticky-client' && typeof clientId === 'string') {
      let hash = 0;
      for (const char of clientId) {
        hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
      }
      return hash % this.replicas.length;
    }
    return this.#next++ % this.replicas.length;
  }

  #forward(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const replica = this.#pick(req, url);
    const target = this.replicas[replica];
    const entry: LogEntry = {
      n: this.log.length + 1,
      mode: this.mode,
      method: req.method ?? '?',
      path: url.pathname.replace(MCP_PATH, '…/v1'),
      rpc: '',
      replica,
      sessionId: url.searchParams.get('sessionId') ?? undefined,
      clientId: (req.headers['x-client-id'] as string | undefined) ?? undefined,
    };
    this.log.push(entry);

    // Peek at the JSON-RPC method(s) on the way through, for the log.
    let head = '';
    req.on('data', (chunk: Buffer) => {
      if (head.length < 2048) {
        head += chunk.toString('utf8');
      }
    });
    req.on('end', () => {
      entry.rpc = [...head.matchAll(/"method"\s*:\s*"([^"]+)"/g)]
        .map(m => m[1])
        .join(',');
    });

    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: req.method,
        path: req.url,
        headers: endToEnd(req.headers),
        agent: this.#agent,
      },
      upRes => {
        entry.status = upRes.statusCode;
        let complete = false;
        upRes.on('end', () => {
          complete = true;
        });
        // The client went away (e.g. closed its SSE stream): so does the
        // request to the replica, which then ends the session.
        res.on('close', () => {
          if (!complete) {
            upstream.destroy();
          }
        });
        if (req.method === 'GET' && /\/sse$/.test(url.pathname)) {
          let seen = '';
          const learn = (chunk: Buffer) => {
            seen += chunk.toString('utf8');
            const match = /sessionId=([\w-]+)/.exec(seen);
            if (match) {
              entry.sessionId = match[1];
              this.#sessions.set(match[1], replica);
              upRes.off('data', learn);
            } else if (seen.length > 4096) {
              upRes.off('data', learn);
            }
          };
          upRes.on('data', learn);
        }
        res.writeHead(upRes.statusCode ?? 502, endToEnd(upRes.headers));
        // SSE: send each event as it comes.
        res.flushHeaders();
        upRes.pipe(res);
      },
    );
    upstream.on('error', error => {
      if (!res.headersSent) {
        res.writeHead(502, { 'Content-Type': 'text/plain' });
        res.end(`proxy: ${error.message}`);
      } else {
        res.destroy();
      }
    });
    req.pipe(upstream);
  }
}

const token = newToken('replicas');
const authorization = { Authorization: `Bearer ${token}` };

async function sseSession(
  proxyOrigin: string,
  clientId?: string,
): Promise<{ ok: boolean; detail: string }> {
  const transport = new SSEClientTransport(
    new URL(`${proxyOrigin}${MCP_PATH}/sse`),
    {
      requestInit: {
        headers: {
          ...authorization,
          ...(clientId ? { 'X-Client-Id': clientId } : {}),
        },
      },
    },
  );
  const client = new Client({ name: 'mcp-replicas-test', version: '1.0.0' });
  try {
    await client.connect(transport);
    const { tools } = await client.listTools();
    const names = tools.map(t => t.name).sort();
    const result = await client.callTool({
      name: TOOLS.greet,
      arguments: { name: clientId ?? 'sse' },
    });
    const greeting = (
      result.structuredContent as { greeting?: string } | undefined
    )?.greeting;
    const ok =
      JSON.stringify(names) === JSON.stringify(EXPECTED_TOOL_NAMES) &&
      !result.isError &&
      greeting === `Hello, ${clientId ?? 'sse'}!`;
    return {
      ok,
      detail: ok
        ? `initialize, tools/list, tools/call ok`
        : JSON.stringify(result),
    };
  } catch (error) {
    return { ok: false, detail: String((error as Error)?.message ?? error) };
  } finally {
    await client.close().catch(() => {});
  }
}

function logTable(entries: LogEntry[], replicas: Backend[]): string {
  return table(
    ['#', 'request', 'JSON-RPC', 'replica', 'status', 'session / client'],
    entries.map(e => [
      String(e.n),
      `${e.method} ${e.path}`,
      e.rpc || '–',
      replicas[e.replica].label,
      String(e.status ?? '–'),
      [e.sessionId?.slice(0, 8), e.clientId].filter(Boolean).join(' ') || '–',
    ]),
  );
}

async function main(): Promise<number> {
  const startedAt = performance.now();
  const elapsed = () => ((performance.now() - startedAt) / 1000).toFixed(1);
  const say = (text: string) => process.stdout.write(`${text}\n`);
  const checks: Check[] = [];

  const proxyPort = await freePort();
  const proxyOrigin = `http://127.0.0.1:${proxyPort}`;
  say(`starting two replicas behind ${proxyOrigin} ...`);
  const replicas = await Promise.all(
    ['replica-A', 'replica-B'].map(label =>
      startBackend({ label, token, baseUrl: proxyOrigin }),
    ),
  );
  const proxy = new Proxy(replicas);
  await proxy.listen(proxyPort);
  say(
    `${replicas.map(r => `${r.label} on ${r.origin}`).join(', ')}; up in ${elapsed()} s\n`,
  );

  // --- Streamable HTTP through round-robin -----------------------------------
  say('Streamable HTTP, SDK client, round-robin proxy (no affinity)');
  let from = proxy.log.length;
  const streamable: string[] = [];
  let streamableOk = true;
  const proxied = { names: [] as string[] };
  {
    const transport = new StreamableHTTPClientTransport(
      new URL(`${proxyOrigin}${MCP_PATH}`),
      {
        requestInit: { headers: authorization },
      },
    );
    const client = new Client({ name: 'mcp-replicas-test', version: '1.0.0' });
    const step = async (
      label: string,
      run: () => Promise<string | undefined>,
    ) => {
      try {
        const problem = await run();
        if (problem) {
          streamableOk = false;
        }
        streamable.push(
          `${problem ? 'BAD' : 'ok '} ${label}${problem ? `: ${problem}` : ''}`,
        );
      } catch (error) {
        streamableOk = false;
        streamable.push(`BAD ${label}: ${(error as Error)?.message ?? error}`);
      }
    };
    await step('initialize', async () => {
      await client.connect(transport);
      const name = client.getServerVersion()?.name;
      if (name !== 'backstage-scripts') {
        return `serverInfo.name ${name}`;
      }
      return transport.sessionId
        ? `got a session id ${transport.sessionId}`
        : undefined;
    });
    for (let i = 1; i <= 4; i++) {
      await step(`tools/list #${i}`, async () => {
        const { tools } = await client.listTools();
        proxied.names = tools.map(t => t.name).sort();
        return JSON.stringify(proxied.names) ===
          JSON.stringify(EXPECTED_TOOL_NAMES)
          ? undefined
          : `tools ${proxied.names.join(', ')}`;
      });
    }
    for (let i = 1; i <= 4; i++) {
      await step(`tools/call ${TOOLS.greet} #${i}`, async () => {
        const result = await client.callTool({
          name: TOOLS.greet,
          arguments: { name: `replica-${i}` },
        });
        const greeting = (
          result.structuredContent as { greeting?: string } | undefined
        )?.greeting;
        return !result.isError && greeting === `Hello, replica-${i}!`
          ? undefined
          : JSON.stringify(result).slice(0, 200);
      });
    }
    for (let i = 1; i <= 2; i++) {
      await step(
        `tools/call ${TOOLS.validate} (bad name → isError) #${i}`,
        async () => {
          const result = await client.callTool({
            name: TOOLS.validate,
            arguments: { name: 'Not Kebab' },
          });
          const text =
            (result.content as { text?: string }[] | undefined)?.[0]?.text ??
            '';
          return result.isError && text.startsWith('InputError:')
            ? undefined
            : JSON.stringify(result).slice(0, 200);
        },
      );
    }
    await client.close();
  }
  const streamableLog = proxy.log.slice(from);
  say(streamable.map(s => `  ${s}`).join('\n'));
  say(logTable(streamableLog, replicas));
  const posts = streamableLog.filter(e => e.method === 'POST');
  const perReplica = replicas.map(
    (_, i) => posts.filter(e => e.replica === i && e.rpc).length,
  );
  checks.push({
    name: 'Streamable HTTP via round-robin: initialize, 4× tools/list, 6× tools/call all succeed',
    ok: streamableOk,
    detail:
      streamable.filter(s => s.startsWith('BAD')).join('; ') ||
      `${streamable.length} steps ok, no session id`,
  });
  checks.push({
    name: 'Streamable HTTP requests were spread over both replicas (no affinity needed)',
    ok:
      perReplica.every(n => n > 0) &&
      posts.every(e => e.status === 200 || e.status === 202),
    detail: `POSTs per replica ${replicas.map((r, i) => `${r.label}: ${perReplica[i]}`).join(', ')}; statuses ${[...new Set(posts.map(e => e.status))].join(', ')}`,
  });

  // Tool lists straight from each replica.
  const agent = new http.Agent({ keepAlive: false });
  const direct = await Promise.all(
    replicas.map(r => listToolNames(agent, r.mcpUrl, token)),
  );
  agent.destroy();
  const sameNames = direct.every(
    d => JSON.stringify(d.names) === JSON.stringify(direct[0].names),
  );
  const sameDefinitions = direct.every(
    d => JSON.stringify(d.tools) === JSON.stringify(direct[0].tools),
  );
  say(`\ntools/list straight from each replica:`);
  for (const [i, d] of direct.entries()) {
    say(`  ${replicas[i].label}: ${d.names.join(', ')}`);
  }
  checks.push({
    name: 'both replicas list the same tool names, equal to those seen through the proxy',
    ok:
      sameNames &&
      JSON.stringify(direct[0].names) === JSON.stringify(proxied.names) &&
      JSON.stringify(direct[0].names) === JSON.stringify(EXPECTED_TOOL_NAMES),
    detail: `${direct[0].names.length} names; full tool definitions ${sameDefinitions ? 'identical too' : 'DIFFER'}`,
  });

  // --- SSE through round-robin: expected to fail ---------------------------
  say('\nLegacy SSE, SDK client, round-robin proxy (no affinity)');
  proxy.mode = 'round-robin';
  from = proxy.log.length;
  const rrResults: { ok: boolean; detail: string }[] = [];
  for (let i = 0; i < 3; i++) {
    rrResults.push(await sseSession(proxyOrigin));
  }
  await sleep(200);
  const rrLog = proxy.log.slice(from);
  say(
    rrResults
      .map(
        (r, i) =>
          `  attempt ${i + 1}: ${r.ok ? 'connected' : `failed: ${r.detail}`}`,
      )
      .join('\n'),
  );
  say(logTable(rrLog, replicas));
  const misrouted = rrLog.filter(e => {
    if (e.method !== 'POST' || !e.sessionId) {
      return false;
    }
    const stream = rrLog.find(
      g => g.method === 'GET' && g.sessionId === e.sessionId,
    );
    return (
      stream !== undefined && stream.replica !== e.replica && e.status === 404
    );
  });
  checks.push({
    name: 'SSE via round-robin fails as documented: message POST on the other replica → 404',
    ok:
      rrResults.every(r => !r.ok && /404/.test(r.detail)) &&
      misrouted.length === rrResults.length,
    detail: `${rrResults.filter(r => !r.ok).length}/${rrResults.length} clients failed to initialize; ${misrouted.length} POSTs reached the replica without the stream and got 404`,
  });

  // --- SSE pinned by session id, then by client ---------------------------
  for (const mode of ['sticky-session', 'sticky-client'] as const) {
    say(
      `\nLegacy SSE, SDK client, proxy pinning by ${mode === 'sticky-session' ? 'session id' : 'client (X-Client-Id)'}`,
    );
    proxy.mode = mode;
    from = proxy.log.length;
    const clientIds = ['client-1', 'client-2', 'client-3', 'client-4'];
    // Four clients at once, so their requests interleave.
    const results = await Promise.all(
      clientIds.map(id =>
        sseSession(proxyOrigin, mode === 'sticky-client' ? id : undefined),
      ),
    );
    await sleep(200);
    const modeLog = proxy.log.slice(from);
    say(
      results
        .map(
          (r, i) =>
            `  ${clientIds[i]}: ${r.ok ? 'ok' : 'FAILED'} — ${r.detail}`,
        )
        .join('\n'),
    );
    say(logTable(modeLog, replicas));
    const bySession = new Map<string, Set<number>>();
    for (const e of modeLog) {
      if (e.sessionId) {
        bySession.set(
          e.sessionId,
          (bySession.get(e.sessionId) ?? new Set()).add(e.replica),
        );
      }
    }
    const pinned = [...bySession.values()].every(set => set.size === 1);
    const used = new Set(modeLog.map(e => e.replica));
    checks.push({
      name: `SSE with the proxy pinning by ${mode === 'sticky-session' ? 'session id' : 'client'}: 4 concurrent clients initialize, list and call`,
      ok:
        results.every(r => r.ok) &&
        pinned &&
        bySession.size === clientIds.length,
      detail: `${results.filter(r => r.ok).length}/${results.length} ok; ${bySession.size} sessions, each on one replica: ${pinned}; replicas used: ${[...used].map(i => replicas[i].label).join(', ')}`,
    });
  }

  // No session may be left open on either replica.
  await sleep(300);
  const open = await Promise.all(replicas.map(r => r.stats()));
  checks.push({
    name: 'no SSE stream left open on either replica after the clients closed',
    ok: open.every(s => s.sseOpen === 0),
    detail: replicas
      .map(
        (r, i) =>
          `${r.label}: ${open[i].sseOpen} open, ${open[i].sseOpened} opened`,
      )
      .join('; '),
  });

  say('\nChecks');
  const ok = printChecks(checks);
  await proxy.close();
  await Promise.all(replicas.map(r => r.stop()));
  say(`\n${ok ? 'ALL PASSED' : 'FAILED'} in ${elapsed()} s`);
  if (!ok) {
    say(`Logs kept in ${keepLogs()}`);
  }
  return ok ? 0 : 1;
}

runScript(main);
