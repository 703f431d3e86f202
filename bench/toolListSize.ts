/*
 * What a tool list costs a conversation (part of `npm run bench`, or alone
 * as `npm run bench:size`):
 *
 * This plugin and the peer, each in a backend of its own in a child process
 * (scripts/backendChild.ts) with the realistic portal of dev/portalActions
 * (BENCH_SIZE_ACTIONS actions, the whole portal by default), list their
 * tools; this plugin at 2025-03-26, 2025-06-18 and 2026-07-28, and on a
 * server configured with `outputSchemas: false`, the peer at 2025-06-18
 * (the newest it speaks). Counted over the portal's tools (the dev
 * backend's `local` ones left out), as JSON the way both send them:
 *
 * - bytes per tool of the `tools` array, and per field;
 * - tokens per tool with OpenAI's o200k_base encoding (js-tiktoken): of the
 *   whole definition, and of the part most clients hand the model as the
 *   tool (name, description and input schema; title, output schema and
 *   annotations usually stay with the client).
 *
 * Checks: both list every portal action under the same names; without
 * `outputSchema` this plugin's tools are no larger than the peer's.
 */
import http from 'node:http';
import { getEncoding } from 'js-tiktoken';
import { PORTAL_ACTION_COUNT, portalPlugins } from '../dev/portalActions';
import {
  type Backend,
  type Check,
  newToken,
  post,
  printChecks,
  rpcBody,
  runScript,
  startBackend,
  table,
} from '../scripts/lib';

const ACTIONS = Number(
  process.env.BENCH_SIZE_ACTIONS ?? String(PORTAL_ACTION_COUNT),
);
const MODERN = '2026-07-28';
const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

type Tool = Record<string, unknown> & {
  name: string;
  annotations?: Record<string, unknown>;
};

interface Listing {
  label: string;
  tools: Tool[];
}

function headersFor(token: string, version: string): Record<string, string> {
  return {
    Accept: 'application/json, text/event-stream',
    Authorization: `Bearer ${token}`,
    'MCP-Protocol-Version': version,
    ...(version === MODERN && { 'Mcp-Method': 'tools/list' }),
  };
}

function bodyFor(version: string) {
  return version === MODERN
    ? rpcBody('tools/list', {
        _meta: {
          'io.modelcontextprotocol/protocolVersion': MODERN,
          'io.modelcontextprotocol/clientCapabilities': {},
        },
      })
    : rpcBody('tools/list');
}

async function list(
  backend: Backend,
  token: string,
  version: string,
  path = '',
): Promise<Tool[]> {
  const agent = new http.Agent();
  try {
    const answer = await post(
      agent,
      `${backend.mcpUrl}${path}`,
      bodyFor(version),
      headersFor(token, version),
      120_000,
    );
    const tools = answer.json?.result?.tools;
    if (answer.status !== 200 || !Array.isArray(tools)) {
      throw new Error(
        `${backend.label} ${version}: HTTP ${answer.status} ${answer.text.slice(0, 300)}`,
      );
    }
    return tools;
  } finally {
    agent.destroy();
  }
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

/** A member as JSON writes it inside an object: key, colon, value, comma. */
const memberBytes = (key: string, value: unknown) =>
  value === undefined ? 0 : bytes(key) + 1 + bytes(value) + 1;

/** Bytes per tool, by field; `total` is the `tools` array's length per tool. */
function breakdown(tools: Tool[]) {
  const sum: Record<string, number> = {};
  const add = (row: string, n: number) => {
    sum[row] = (sum[row] ?? 0) + n;
  };
  for (const tool of tools) {
    for (const [key, value] of Object.entries(tool)) {
      add(key, memberBytes(key, value));
    }
    for (const key of ['inputSchema', 'outputSchema']) {
      const schema = tool[key] as Record<string, unknown> | undefined;
      add(`${key}: $schema`, memberBytes('$schema', schema?.$schema));
    }
    add('annotations: title', memberBytes('title', tool.annotations?.title));
  }
  const total = bytes(tools);
  const fields = ['name', 'title', 'description', 'inputSchema'];
  fields.push('outputSchema', 'annotations');
  const counted = fields.reduce((n, f) => n + (sum[f] ?? 0), 0);
  const perTool = (n: number) => n / tools.length;
  return {
    rows: [
      ...fields.flatMap(field => [
        [field, perTool(sum[field] ?? 0)] as const,
        ...(field === 'inputSchema' || field === 'outputSchema'
          ? [[`  of which $schema`, perTool(sum[`${field}: $schema`])] as const]
          : []),
        ...(field === 'annotations'
          ? [[`  of which title`, perTool(sum['annotations: title'])] as const]
          : []),
      ]),
      ['braces and commas', perTool(total - counted)] as const,
    ],
    total: perTool(total),
  };
}

const encoding = getEncoding('o200k_base');
const tokens = (value: unknown) =>
  encoding.encode(JSON.stringify(value)).length;

/** What most clients hand the model of each tool. */
const modelPart = (tools: Tool[]) =>
  tools.map(({ name, description, inputSchema }) => ({
    name,
    description,
    inputSchema,
  }));

runScript(async () => {
  const pluginIds = new Set(portalPlugins(ACTIONS).map(p => p.pluginId));
  const fromPortal = (tools: Tool[]) =>
    tools
      .filter(t => pluginIds.has(t.name.slice(0, t.name.indexOf('.'))))
      .sort((a, b) => (a.name < b.name ? -1 : Number(a.name > b.name)));

  const token = newToken('bench-size');
  const ours = await startBackend({
    label: 'size-this',
    token,
    portalActions: ACTIONS,
    mcpActions: { servers: { lean: { name: 'Lean', outputSchemas: false } } },
  });
  const listings: Listing[] = [];
  try {
    for (const version of ['2025-03-26', '2025-06-18', MODERN]) {
      listings.push({
        label: `this plugin, ${version}`,
        tools: fromPortal(await list(ours, token, version)),
      });
    }
    listings.push({
      label: 'this plugin, outputSchemas: false',
      tools: fromPortal(await list(ours, token, '2025-06-18', '/lean')),
    });
  } finally {
    await ours.stop();
  }
  const peer = await startBackend({
    label: 'size-peer',
    token,
    plugin: 'peer',
    portalActions: ACTIONS,
  });
  try {
    listings.push({
      label: 'peer 0.2.2, 2025-06-18',
      tools: fromPortal(await list(peer, token, '2025-06-18')),
    });
  } finally {
    await peer.stop();
  }

  const count = listings[0].tools.length;
  const round = (n: number) => Math.round(n).toLocaleString('en');
  process.stdout.write(
    `\ntools/list of ${count} realistic tools (${pluginIds.size} plugins); per tool, o200k_base tokens\n\n`,
  );
  process.stdout.write(
    `${table(
      ['list', 'bytes', 'tokens', 'model-facing tokens', 'whole list bytes'],
      listings.map(l => [
        l.label,
        round(bytes(l.tools) / l.tools.length),
        (tokens(l.tools) / l.tools.length).toFixed(1),
        (tokens(modelPart(l.tools)) / l.tools.length).toFixed(1),
        round(bytes(l.tools)),
      ]),
    )}\n\n`,
  );

  const shown = [listings[1], listings[3], listings[4]];
  const columns = shown.map(l => breakdown(l.tools));
  process.stdout.write('Bytes per tool, by field\n\n');
  process.stdout.write(
    `${table(
      ['field', ...shown.map(l => l.label)],
      [
        ...columns[0].rows.map(([field], i) => [
          field,
          ...columns.map(c => c.rows[i][1].toFixed(1)),
        ]),
        ['total', ...columns.map(c => c.total.toFixed(1))],
      ],
    )}\n\n`,
  );

  const names = (l: Listing) => l.tools.map(t => t.name).join(',');
  const peerList = listings[listings.length - 1];
  const lean = listings[3];
  const checks: Check[] = [
    {
      name: 'every list holds every portal action, under the same names',
      ok:
        count === ACTIONS && listings.every(l => names(l) === names(peerList)),
      detail: listings.map(l => `${l.label}: ${l.tools.length}`).join('; '),
    },
    {
      name: 'no draft-07 $schema left in this plugin’s lists',
      ok: listings
        .slice(0, 4)
        .every(l => !JSON.stringify(l.tools).includes(DRAFT_07)),
      detail: 'the portal uses only keywords both dialects read alike',
    },
    {
      name: 'without outputSchema, no larger than the peer’s tools',
      ok: bytes(lean.tools) <= bytes(peerList.tools),
      detail: `${round(bytes(lean.tools) / count)} vs ${round(
        bytes(peerList.tools) / count,
      )} bytes per tool`,
    },
  ];
  return printChecks(checks) ? 0 : 1;
});
