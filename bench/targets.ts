import {
  BENCH_PLUGIN_ID,
  CALLED_ACTION,
  CALL_ARGUMENTS,
  LIMITS_PLUGIN_ID,
} from './actions';

/**
 * What the benchmark measures: every target is one kind of server process
 * (see bench/server.ts) spoken to in one way. The MCP targets speak one
 * protocol era; the two limits are plain routes in the same Backstage
 * backend as this plugin, each measured for the one method it bounds.
 */

export type Method = 'tools/list' | 'tools/call';
export type Era = '2025' | '2026';
export type ServerKind = 'this' | 'peer' | 'sdk' | 'sdk-v1';

export const METHODS: Method[] = ['tools/list', 'tools/call'];

export const ERA_VERSIONS: Record<Era, string> = {
  '2025': '2025-06-18',
  '2026': '2026-07-28',
};

export interface TargetSpec {
  id: string;
  label: string;
  server: ServerKind;
  /** The era an MCP target speaks; none for the limits. */
  era?: Era;
  /** For a limit: the route below `/api/bench-limits`. */
  limitRoute?: 'auth' | 'invoke';
  methods: Method[];
}

export const TARGETS: TargetSpec[] = [
  {
    id: 'this-2025',
    label: 'this plugin',
    server: 'this',
    era: '2025',
    methods: METHODS,
  },
  {
    id: 'this-2026',
    label: 'this plugin',
    server: 'this',
    era: '2026',
    methods: METHODS,
  },
  {
    id: 'peer',
    label: 'peer 0.2.2',
    server: 'peer',
    era: '2025',
    methods: METHODS,
  },
  {
    id: 'sdk-2025',
    label: 'bare SDK v2',
    server: 'sdk',
    era: '2025',
    methods: METHODS,
  },
  {
    id: 'sdk-2026',
    label: 'bare SDK v2',
    server: 'sdk',
    era: '2026',
    methods: METHODS,
  },
  {
    id: 'sdk-v1',
    label: 'bare SDK v1',
    server: 'sdk-v1',
    era: '2025',
    methods: METHODS,
  },
  {
    id: 'limit-auth',
    label: 'limit: authenticated route',
    server: 'this',
    limitRoute: 'auth',
    methods: ['tools/list'],
  },
  {
    id: 'limit-invoke',
    label: 'limit: actionsService.invoke only',
    server: 'this',
    limitRoute: 'invoke',
    methods: ['tools/call'],
  },
];

export function targetById(id: string): TargetSpec {
  const target = TARGETS.find(t => t.id === id);
  if (!target) {
    throw new Error(
      `Unknown target "${id}"; known: ${TARGETS.map(t => t.id).join(', ')}`,
    );
  }
  return target;
}

/** The era column of the report. */
export function eraLabel(target: TargetSpec): string {
  return target.era ? ERA_VERSIONS[target.era] : '–';
}

export const MCP_PATH = '/api/mcp-actions/v1';

/** The id of the action `tools/call` invokes, in the Actions Registry. */
export const CALLED_ACTION_ID = `${BENCH_PLUGIN_ID}:${CALLED_ACTION}`;

/** One HTTP request, as autocannon repeats it. */
export interface BenchRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

function commonHeaders(token: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    Authorization: `Bearer ${token}`,
  };
}

/**
 * A JSON-RPC request to an MCP target in its era: 2025 with only the
 * version header; 2026-07-28 with the `_meta` envelope in the body and the
 * `Mcp-Method` / `Mcp-Name` headers that revision requires.
 */
export function mcpRequest(options: {
  origin: string;
  token: string;
  era: Era;
  method: Method;
  toolName?: string;
}): BenchRequest {
  const { origin, token, era, method, toolName } = options;
  const params: Record<string, unknown> =
    method === 'tools/call'
      ? { name: toolName, arguments: CALL_ARGUMENTS }
      : {};
  const headers = {
    ...commonHeaders(token),
    'MCP-Protocol-Version': ERA_VERSIONS[era],
  };
  if (era === '2026') {
    params._meta = {
      'io.modelcontextprotocol/protocolVersion': ERA_VERSIONS[era],
      'io.modelcontextprotocol/clientCapabilities': {},
    };
    Object.assign(headers, {
      'Mcp-Method': method,
      ...(toolName && method === 'tools/call' ? { 'Mcp-Name': toolName } : {}),
    });
  }
  return {
    url: `${origin}${MCP_PATH}`,
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  };
}

/**
 * The request to a limit route: the authenticated route gets the very body
 * of a 2025 `tools/list` (it parses it and answers a few bytes); the
 * invoke-only route gets the action and arguments `tools/call` sends.
 */
export function limitRequest(options: {
  origin: string;
  token: string;
  route: 'auth' | 'invoke';
}): BenchRequest {
  const { origin, token, route } = options;
  const body =
    route === 'auth'
      ? JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/list',
          params: {},
        })
      : JSON.stringify({ id: CALLED_ACTION_ID, input: CALL_ARGUMENTS });
  return {
    url: `${origin}/api/${LIMITS_PLUGIN_ID}/${route}`,
    headers: commonHeaders(token),
    body,
  };
}
