import type { ActionsServiceAction } from '@backstage/backend-plugin-api/alpha';
import type { JsonObject } from '@backstage/types';
import { InputError } from '@backstage/errors';
import type { CallToolResult, Tool } from '@modelcontextprotocol/server';
import MiniSearch, { type Query } from 'minisearch';
import type { McpServerConfig, ToolSearchConfig } from './readToolsConfig';
import type { ToolEntry, Toolset } from './ToolCatalog';
import { toolSuccessResult } from '../toolCalls/toolResults';

/** The name of the search tool a server in tool search mode lists. */
export const SEARCH_TOOL_NAME = 'search_tools';

/** The action id the search tool is audited and rate limited under. */
export const SEARCH_TOOL_ACTION_ID = 'mcp-actions:search-tools';

/** What a search returns when the call names no limit. */
const DEFAULT_LIMIT = 5;

/**
 * The toolset a server serves: as the catalog gives it, or, in tool search
 * mode, its search-mode form (see `toolsetInSearchMode`). Both the listing
 * and the pipeline's resolve step go through here, so a server lists and
 * resolves the same way on every lane.
 */
export function servedToolset(
  toolset: Toolset,
  server: McpServerConfig,
): Toolset {
  return isSearching(server) ? toolsetInSearchMode(toolset, server) : toolset;
}

/** A server in tool search mode. */
type SearchingServer = McpServerConfig & { toolSearch: ToolSearchConfig };

function isSearching(server: McpServerConfig): server is SearchingServer {
  return server.toolSearch !== undefined;
}

/** Search-mode forms of each toolset, per server. */
const searchModes = new WeakMap<Toolset, WeakMap<McpServerConfig, Toolset>>();

/**
 * `toolset` in tool search mode: it lists the search tool and the tools
 * whose action matches a `pinned` glob, and resolves every tool of
 * `toolset` (found or not) besides the search tool, so a call of a tool
 * found by a search works though it was never listed. The listing is the
 * only thing that shrinks.
 *
 * Built once per toolset and server and the same object every time, so
 * the fast lane's serialized list (kept per toolset object) and
 * `toolsetAsListed`'s variants stay one per distinct list.
 */
export function toolsetInSearchMode(
  toolset: Toolset,
  server: SearchingServer,
): Toolset {
  let byServer = searchModes.get(toolset);
  if (!byServer) {
    byServer = new WeakMap();
    searchModes.set(toolset, byServer);
  }
  let searchMode = byServer.get(server);
  if (!searchMode) {
    searchMode = buildSearchMode(toolset, server);
    byServer.set(server, searchMode);
  }
  return searchMode;
}

function buildSearchMode(toolset: Toolset, server: SearchingServer): Toolset {
  const config = server.toolSearch;
  const searchEntry = searchToolEntry(toolset, config, {
    outputSchemas: server.outputSchemas !== false,
  });
  const pinned = toolset.tools.filter(tool => {
    const entry = toolset.find(tool.name);
    return (
      entry !== undefined &&
      tool.name !== SEARCH_TOOL_NAME &&
      config.pinned.some(glob => glob.match(entry.action.id))
    );
  });
  const tools = [searchEntry.tool, ...pinned];
  return {
    tools,
    listResult: { tools },
    find: name =>
      name === SEARCH_TOOL_NAME ? searchEntry : toolset.find(name),
  };
}

function searchToolEntry(
  toolset: Toolset,
  config: ToolSearchConfig,
  options: { outputSchemas: boolean },
): ToolEntry {
  const maxLimit = config.maxResults;
  const title = 'Search tools';
  const description = `Finds this server's tools by what you want to do, and returns their full definitions. This server lists only a few of its ${toolset.tools.length} tools: describe the task in plain words (for example "restart the billing deployment" or "who is on call for payments"), then call a tool found here by its name, with arguments that follow its inputSchema.`;
  const inputSchema = {
    type: 'object' as const,
    properties: {
      query: {
        type: 'string' as const,
        description:
          'What you want to do, in plain words: the task, the system or product it concerns, the kind of thing it acts on.',
      },
      limit: {
        type: 'integer' as const,
        minimum: 1,
        maximum: maxLimit,
        description: `How many tools to return at most; ${Math.min(
          DEFAULT_LIMIT,
          maxLimit,
        )} when absent.`,
      },
    },
    required: ['query'],
  };
  const tool: Tool = {
    name: SEARCH_TOOL_NAME,
    title,
    description,
    inputSchema,
    annotations: { title, readOnlyHint: true, openWorldHint: false },
  };
  const action: ActionsServiceAction = {
    id: SEARCH_TOOL_ACTION_ID,
    pluginId: 'mcp-actions',
    name: 'search-tools',
    title,
    description,
    schema: { input: inputSchema, output: { type: 'object' } },
    attributes: { readOnly: true, destructive: false, idempotent: true },
  };
  return {
    tool,
    action,
    answer: async input => {
      const { query, limit } = readSearchInput(input, maxLimit);
      const found = searchToolset(toolset, query, limit);
      return toolSuccessResult({
        query,
        // Definitions as the server lists tools: without `outputSchema`
        // where it leaves them out.
        tools: found.map(entry => {
          if (options.outputSchemas) {
            return entry.tool;
          }
          const { outputSchema: _left, ...rest } = entry.tool;
          return rest;
        }) as unknown as JsonObject[],
      });
    },
  };
}

function readSearchInput(
  input: JsonObject,
  maxLimit: number,
): { query: string; limit: number } {
  const { query, limit } = input;
  if (typeof query !== 'string' || !query.trim()) {
    throw new InputError('"query" must be a non-empty string');
  }
  if (
    limit !== undefined &&
    (typeof limit !== 'number' ||
      !Number.isInteger(limit) ||
      limit < 1 ||
      limit > maxLimit)
  ) {
    throw new InputError(
      `"limit" must be a whole number from 1 to ${maxLimit}`,
    );
  }
  return { query, limit: limit ?? Math.min(DEFAULT_LIMIT, maxLimit) };
}

/** Words that say nothing about which tool is meant. */
const STOP_WORDS = new Set(
  (
    'a an and any are as at be by can could do does for from get give have ' +
    'how i in into is it its let me my of on or our please show should so ' +
    'some tell that the their them there these this those to us we what ' +
    'when where which who why will with would you your all'
  ).split(' '),
);

/**
 * A light stemmer: enough that "deployments", "deploying" and "deployed"
 * meet "deployment" and "deploy", and "savings" meets "save", without a
 * dictionary. Applied alike to what is indexed and to queries.
 */
export function stem(word: string): string {
  let w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) {
    w = `${w.slice(0, -3)}y`;
  } else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) {
    w = w.slice(0, -1);
  }
  for (const suffix of ['ment', 'ing', 'ed']) {
    if (w.length >= suffix.length + 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length > 3 && w.endsWith('e')) {
    w = w.slice(0, -1);
  }
  return w;
}

/**
 * Words people use for what tools call otherwise: a query word brings its
 * stand-ins along (at a lower weight than the word itself, since MiniSearch
 * scores each term of a query on its own). General vocabulary of the
 * trade, not of any one plugin.
 */
const SYNONYMS: Record<string, string[]> = {
  pr: ['pull', 'request'],
  prs: ['pull', 'request'],
  mr: ['merge', 'request'],
  mrs: ['merge', 'request'],
  file: ['create', 'open'],
  raise: ['create', 'open'],
  waiting: ['open', 'pending'],
  before: ['earlier', 'previous'],
  push: ['deploy', 'sync', 'release'],
  ticket: ['issue'],
  bug: ['issue'],
  spend: ['cost'],
  bill: ['cost', 'spend'],
  money: ['cost', 'spend'],
  cost: ['spend'],
  expensive: ['cost'],
  save: ['saving'],
  cheaper: ['saving'],
  revert: ['rollback'],
  undo: ['rollback'],
  previous: ['rollback', 'earlier'],
  retry: ['rerun'],
  backup: ['snapshot'],
  silence: ['mute', 'downtime', 'maintenance'],
  mute: ['silence', 'snooze'],
  vulnerable: ['vulnerability'],
  access: ['grant', 'role', 'iam', 'permission'],
  permission: ['capability', 'iam', 'access'],
  tell: ['post', 'message', 'notify'],
  notify: ['post', 'message'],
  announce: ['post', 'message'],
  write: ['create'],
  down: ['incident', 'outage'],
  outage: ['incident'],
  oncall: ['on', 'call'],
  stop: ['abort', 'cancel'],
  kill: ['abort', 'cancel'],
  hung: ['abort', 'cancel', 'stuck'],
  fast: ['performance', 'speed'],
  slow: ['performance', 'latency'],
  ship: ['deploy', 'release', 'sync'],
  crash: ['error', 'issue', 'event'],
  error: ['issue', 'event'],
  doc: ['documentation', 'techdoc'],
  documentation: ['doc', 'techdoc'],
  dead: ['broken'],
  done: ['transition', 'resolve', 'close'],
  page: ['incident', 'trigger'],
  secret: ['vault'],
  credential: ['secret'],
  flag: ['feature'],
};

/** The synonyms of each word, by the word's stem. */
const SYNONYMS_BY_STEM = new Map(
  Object.entries(SYNONYMS).map(([word, others]) => [stem(word), others]),
);

/** How much a synonym counts beside a word the user wrote. */
const SYNONYM_WEIGHT = 0.4;

function indexTerm(term: string): string | null {
  const word = term.toLowerCase();
  return STOP_WORDS.has(word) ? null : stem(word);
}

/** What the index reads of an entry. */
interface SearchDocument {
  id: number;
  name: string;
  title: string;
  description: string;
  examples: string;
  plugin: string;
  attributes: string;
  parameters: string;
}

/** How much each field counts; tuned on `bench/toolSearch.ts`. */
const FIELD_BOOSTS = {
  name: 3,
  title: 3,
  plugin: 2.5,
  description: 1,
  examples: 0.5,
  attributes: 0.5,
  parameters: 0.3,
};

const SYNONYM_BOOSTS = Object.fromEntries(
  Object.entries(FIELD_BOOSTS).map(([field, boost]) => [
    field,
    boost * SYNONYM_WEIGHT,
  ]),
);

function documentOf(entry: ToolEntry, id: number): SearchDocument {
  const { action, tool } = entry;
  const attributes = [
    action.attributes.readOnly ? 'read only view look' : 'change write',
    action.attributes.destructive ? 'destructive delete remove' : '',
    action.attributes.idempotent ? 'idempotent' : '',
  ];
  const properties = (tool.inputSchema as { properties?: object }).properties;
  return {
    id,
    name: tool.name,
    title: action.title,
    description: action.description,
    examples: (action.examples ?? [])
      .map(e => `${e.title} ${e.description ?? ''}`)
      .join(' '),
    plugin: action.pluginId,
    attributes: attributes.join(' '),
    parameters: Object.keys(properties ?? {})
      .join(' ')
      .replace(/([a-z])([A-Z])/g, '$1 $2'),
  };
}

interface ToolIndex {
  search: MiniSearch<SearchDocument>;
  entries: ToolEntry[];
}

/** Each toolset's index, built on its first search and kept as long as it is. */
const indexes = new WeakMap<Toolset, ToolIndex>();

function indexOf(toolset: Toolset): ToolIndex {
  let index = indexes.get(toolset);
  if (!index) {
    const entries = toolset.tools.map(tool => toolset.find(tool.name)!);
    const search = new MiniSearch<SearchDocument>({
      fields: Object.keys(FIELD_BOOSTS),
      processTerm: indexTerm,
      searchOptions: {
        boost: FIELD_BOOSTS,
        prefix: term => term.length >= 4,
        fuzzy: term => (term.length >= 6 ? 0.15 : false),
        combineWith: 'OR',
      },
    });
    search.addAll(entries.map(documentOf));
    index = { search, entries };
    indexes.set(toolset, index);
  }
  return index;
}

/**
 * The entries of `toolset` that best match `query`, best first: BM25 over
 * name, title, description, examples, plugin, attributes and parameter
 * names. Only what `toolset` holds can be found, and the catalog gives a
 * caller only the tools they may use.
 */
export function searchToolset(
  toolset: Toolset,
  query: string,
  limit: number,
): ToolEntry[] {
  const { search, entries } = indexOf(toolset);
  const synonyms = query
    .split(/[^\p{L}\p{N}]+/u)
    .flatMap(word => SYNONYMS_BY_STEM.get(indexTerm(word) ?? '') ?? []);
  const queries: Query[] = [query];
  if (synonyms.length > 0) {
    queries.push({ queries: [synonyms.join(' ')], boost: SYNONYM_BOOSTS });
  }
  return search
    .search({ combineWith: 'OR', queries })
    .slice(0, limit)
    .map(hit => entries[hit.id as number]);
}

/** The answer of a tool the plugin serves itself, for the pipeline. */
export type BuiltInAnswer = (input: JsonObject) => Promise<CallToolResult>;
