import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import {
  ERA_VERSIONS,
  METHODS,
  eraLabel,
  type Era,
  type Method,
  type TargetSpec,
} from './targets';

/** One measured row: a target at N actions for one method. */
export interface Row {
  target: TargetSpec;
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

export interface ReportSettings {
  connections: number;
  warmup: number;
  duration: number;
  rounds: number;
  actionCounts: number[];
  logLevel: string;
}

const fmt = {
  int: (v?: number) =>
    v === undefined ? '–' : Math.round(v).toLocaleString('en-US'),
  /** req/s for the history: whole numbers, one decimal below 100. */
  rate: (v: number) =>
    v < 100 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US'),
  ms: (v?: number) => {
    if (v === undefined) {
      return '–';
    }
    return Number.isInteger(v) ? String(v) : v.toFixed(2);
  },
  mb: (v?: number) => (v === undefined ? '–' : (v / 1024 / 1024).toFixed(0)),
  ratio: (v?: number) =>
    v === undefined || !Number.isFinite(v) ? '–' : `${v.toFixed(2)}×`,
};

function find(rows: Row[], targetId: string, count: number, method: Method) {
  return rows.find(
    r =>
      r.target.id === targetId &&
      r.count === count &&
      r.method === method &&
      !r.failure,
  );
}

function cell(text: string) {
  return text.replace(/\|/g, '\\|');
}

export function table(rows: Row[]): string {
  const lines = [
    '| Target | Era | N | Method | req/s | p50 ms | p99 ms | peak RSS MB | bad responses | answer |',
    '|---|---|---:|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    const head = `| ${row.target.label} | ${eraLabel(row.target)} | ${row.count} | ${row.method}`;
    if (row.failure) {
      lines.push(
        `${head} | FAILED | | | | | ${cell(row.failure.split('\n')[0])} |`,
      );
      continue;
    }
    lines.push(
      `${head} | ${fmt.int(row.rps)} | ${fmt.ms(row.p50)} | ${fmt.ms(row.p99)} | ${fmt.mb(row.rss)} | ${row.bad} of ${fmt.int(row.requests)} | ${row.contentType}, ${fmt.int(row.responseBytes)} B |`,
    );
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------
// History: one line per run, `key N=n list|call req/s` cells.

const HISTORY_HEADING = '## History';

/** The key of a target in the history lines. */
function historyKey(target: TargetSpec): string {
  switch (target.server) {
    case 'this':
      return target.limitRoute ? target.id : `this@${target.era}`;
    case 'sdk':
      return `sdk2@${target.era}`;
    case 'sdk-v1':
      return 'sdk1';
    default:
      return target.server;
  }
}

function cellKey(key: string, count: number, method: Method) {
  return `${key} N=${count} ${method.replace('tools/', '')}`;
}

export interface HistoryEntry {
  /** The line's date and commit, as written. */
  label: string;
  /** req/s by `cellKey`. */
  rates: Map<string, number>;
}

function historyLines(file: string): string[] {
  try {
    const old = fs.readFileSync(file, 'utf8');
    const at = old.indexOf(HISTORY_HEADING);
    if (at < 0) {
      return [];
    }
    return old
      .slice(at + HISTORY_HEADING.length)
      .split('\n')
      .filter(line => line.startsWith('- '));
  } catch {
    return [];
  }
}

/**
 * The newest run in a report's history. Lines before this layout have one
 * `this` key (the 2025 era) and `sdk` for the SDK v1 server; both are read
 * as they are.
 */
export function latestHistory(file: string): HistoryEntry | undefined {
  const line = historyLines(file).at(-1);
  if (!line) {
    return undefined;
  }
  const colon = line.indexOf(': ');
  const rates = new Map<string, number>();
  for (const match of line
    .slice(colon + 2)
    .matchAll(/([\w@.-]+) N=(\d+) (list|call) ([\d,.]+)/g)) {
    rates.set(
      `${match[1]} N=${match[2]} ${match[3]}`,
      Number(match[4].replace(/,/g, '')),
    );
  }
  return { label: line.slice(2, colon), rates };
}

export function history(
  file: string,
  rows: Row[],
  startedAt: Date,
  note?: string,
): string {
  const previous = historyLines(file);
  let commit = 'uncommitted';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    // Not a git checkout.
  }
  const cells = rows
    .filter(r => !r.failure && r.rps !== undefined)
    .map(
      r =>
        `${cellKey(historyKey(r.target), r.count, r.method)} ${fmt.rate(r.rps!)}`,
    );
  const line = `- ${startedAt.toISOString().slice(0, 16)} ${commit}${note ? ` (${note})` : ''}: ${cells.join('; ')} (req/s)`;
  return [
    HISTORY_HEADING,
    '',
    'Requests per second of earlier runs, newest last. Keys: `this@2025` / `this@2026` this plugin per era (plain `this` in older lines: the 2025 era), `peer`, `sdk2@<era>` the bare SDK v2 server, `sdk1` the bare SDK v1 server (plain `sdk` in older lines), `limit-auth` / `limit-invoke` the in-backend limits.',
    '',
    ...previous,
    line,
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------
// Targets

interface Check {
  era: Era;
  count: number;
  name: string;
  ratio?: number;
  goal: string;
  met: boolean | undefined;
  detail: string;
}

function clean(...rows: (Row | undefined)[]) {
  return rows.every(r => r && r.bad === 0);
}

function ratioCheck(options: {
  era: Era;
  count: number;
  name: string;
  mine?: Row;
  other?: Row;
  min: number | undefined;
  goal: string;
  detail?: string;
}): Check {
  const { mine, other, min } = options;
  const ratio = mine?.rps && other?.rps ? mine.rps / other.rps : undefined;
  return {
    era: options.era,
    count: options.count,
    name: options.name,
    ratio,
    goal: options.goal,
    met:
      ratio === undefined || min === undefined
        ? undefined
        : ratio >= min && clean(mine, other),
    detail:
      options.detail ?? `${fmt.int(mine?.rps)} vs ${fmt.int(other?.rps)} req/s`,
  };
}

export function checks(
  rows: Row[],
  actionCounts: number[],
  previous: HistoryEntry | undefined,
): Check[] {
  const result: Check[] = [];
  for (const era of ['2025', '2026'] as Era[]) {
    for (const count of actionCounts) {
      const mine = (method: Method) => find(rows, `this-${era}`, count, method);
      result.push(
        ratioCheck({
          era,
          count,
          name: 'tools/list ÷ bare SDK v2, same era',
          mine: mine('tools/list'),
          other: find(rows, `sdk-${era}`, count, 'tools/list'),
          min: 0.9,
          goal: '≥ 0.90×',
        }),
        ratioCheck({
          era,
          count,
          name: 'tools/list ÷ authenticated route',
          mine: mine('tools/list'),
          other: find(rows, 'limit-auth', count, 'tools/list'),
          min: 0.5,
          goal: '≥ 0.50×',
        }),
        ratioCheck({
          era,
          count,
          name: 'tools/call ÷ invoke-only route',
          mine: mine('tools/call'),
          other: find(rows, 'limit-invoke', count, 'tools/call'),
          min: 0.9,
          goal: '≥ 0.90×',
        }),
      );
      for (const method of METHODS) {
        const short = method.replace('tools/', '');
        const before = previous?.rates;
        const beforeMine =
          before?.get(cellKey(`this@${era}`, count, method)) ??
          before?.get(cellKey('this', count, method));
        const beforePeer = before?.get(cellKey('peer', count, method));
        const min =
          beforeMine && beforePeer ? beforeMine / beforePeer : undefined;
        const mineRow = mine(method);
        const peerRow = find(rows, 'peer', count, method);
        result.push(
          ratioCheck({
            era,
            count,
            name: `${method} ÷ peer 0.2.2`,
            mine: mineRow,
            other: peerRow,
            min,
            goal:
              min === undefined
                ? 'no earlier figure'
                : `≥ ${fmt.ratio(min)} (${previous!.label})`,
            detail: `${fmt.int(mineRow?.rps)} vs ${fmt.int(peerRow?.rps)} req/s; before ${beforeMine ?? '–'} vs ${beforePeer ?? '–'} (${short})`,
          }),
        );
      }
    }
  }
  return result;
}

function verdict(met: boolean | undefined) {
  if (met === undefined) {
    return 'n/a';
  }
  return met ? 'met' : '**not met**';
}

function checkTable(list: Check[]): string {
  return [
    '| Era | N | Ratio | Value | Goal | Verdict | req/s |',
    '|---|---:|---|---:|---|---|---|',
    ...list.map(
      c =>
        `| ${ERA_VERSIONS[c.era]} | ${c.count} | ${c.name} | ${fmt.ratio(c.ratio)} | ${c.goal} | ${verdict(c.met)} | ${c.detail} |`,
    ),
  ].join('\n');
}

export function report(options: {
  rows: Row[];
  settings: ReportSettings;
  previous: HistoryEntry | undefined;
  startedAt: Date;
  elapsedS: number;
}): string {
  const { rows, settings, previous, startedAt, elapsedS } = options;
  const cpus = os.cpus();
  const all = checks(rows, settings.actionCounts, previous);
  const bad = rows.filter(r => !r.failure && r.bad);
  const failures = rows.filter(r => r.failure);
  const label = (r: Row) =>
    `${r.target.label} (${eraLabel(r.target)}) N=${r.count} ${r.method}`;
  const toolNames = [
    ...new Set(
      rows
        .filter(r => r.toolName)
        .map(r => `${r.target.label}: \`${r.toolName}\``),
    ),
  ];
  return [
    '# MCP actions benchmark',
    '',
    `- Date: ${startedAt.toISOString()}`,
    `- Node: ${process.version}, ${os.platform()} ${os.arch()}`,
    `- CPU: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}), shared with autocannon and with other work on the machine: figures move by 10–20 % between runs`,
    `- Load: autocannon, ${settings.connections} connections, ${settings.warmup} s warm-up + ${settings.duration} s measured per row in ${settings.rounds} rounds; a fresh server process per row. The rows of one N and method are measured side by side: all their servers up at once, loaded in turn in every round (in a new order each round, after a 1 s pause each), so a slow spell of the shared machine falls on all of them; a row's figure is its median round`,
    `- Targets: this plugin (src/, transpiled to plain CommonJS) at 2025-06-18 (no envelope) and at 2026-07-28 (\`_meta\` envelope, \`Mcp-Method\`/\`Mcp-Name\` headers); peer = @backstage/plugin-mcp-actions-backend 0.2.2 (2025 era only); bare SDK v2 = \`createMcpHandler\` with a low-level \`Server\` behind \`toNodeHandler\` on \`node:http\`, at both eras; bare SDK v1 = the v1 \`Server\` with a stateless Streamable HTTP transport on express (JSON answers). Backstage backends: backend-defaults createBackend, in-memory SQLite, static token, LOG_LEVEL=${settings.logLevel}, the bench actions plugin and the bench-limits plugin beside the MCP plugin`,
    '- Limits, in the same backend as this plugin: "authenticated route" = POST `/api/bench-limits/auth` (JSON body parsed, `httpAuth.credentials`, a few bytes back), what `tools/list` cannot beat; "actionsService.invoke only" = POST `/api/bench-limits/invoke` invoking `bench:action-0` with `{"name":"bench"}` and the caller\'s credentials, answering its output, what `tools/call` cannot beat',
    `- Called tool: ${toolNames.join(', ') || '–'}`,
    `- Total run time: ${elapsedS.toFixed(0)} s`,
    '',
    table(rows),
    '',
    '"bad responses": non-2xx, socket errors, timeouts and answers differing from the checked one (byte for byte; answers over 64 KB by their size, since comparing half a megabyte per answer made the load generator the bottleneck). Peak RSS is the process\'s VmHWM (start-up included).',
    '',
    '## Targets',
    '',
    `Ratios of req/s. Against the peer, the goal is the ratio of the newest earlier run in the history below (${previous?.label ?? 'none'}); 2026-07-28 is compared with the peer's 2025 era, which is all it speaks. A ratio is met only if both rows had no bad responses.`,
    '',
    checkTable(all),
    '',
    `Met: ${all.filter(c => c.met).length} of ${all.length}.`,
    ...(bad.length
      ? [
          '',
          '## Bad responses',
          '',
          ...bad.map(r => `- ${label(r)}: ${r.badDetail}`),
        ]
      : []),
    ...(failures.length
      ? [
          '',
          '## Failures',
          '',
          ...failures.map(
            r => `- ${label(r)}:\n\n\`\`\`\n${r.failure}\n\`\`\``,
          ),
        ]
      : []),
    '',
  ].join('\n');
}
