import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type {
  ActionsService,
  ActionsServiceAction,
} from '@backstage/backend-plugin-api/alpha';
import type { Tool } from '@modelcontextprotocol/server';
import { LRUCache } from 'lru-cache';
import { createHash } from 'node:crypto';
import type { McpServerConfig } from './readToolsConfig';
import { isActionAllowed } from './actionFilter';
import { ALLOW_ALL, type ToolDecision } from './toolDecision';
import { principalKey } from '../mcpServer/principalKey';
import type { BuiltInAnswer } from './toolSearch';
import { actionToTool } from './toolDefinition';
import {
  assignToolNames,
  dottedToolName,
  type ToolNamingOptions,
} from './toolNames';

/** A tool together with the action behind it. */
export interface ToolEntry {
  tool: Tool;
  action: ActionsServiceAction;
  /**
   * For a tool the plugin answers itself (the search tool of tool search
   * mode): its answer, which the pipeline runs in place of the action.
   */
  answer?: BuiltInAnswer;
}

/** The tools one server shows one caller. */
export interface Toolset {
  tools: Tool[];
  /** The `tools/list` result, the same object every time. */
  listResult: { tools: Tool[] };
  /** Resolves a tool name, or its dotted form, to its entry. */
  find(name: string): ToolEntry | undefined;
}

/** Permission decisions kept per list and server; a few are expected. */
const MAX_DECISIONS_PER_LIST = 16;

/**
 * What one action list turns into; built once per distinct list and shared,
 * read-only, by every caller who is given exactly that list.
 */
class ActionsSnapshot {
  readonly #entries: ToolEntry[];
  readonly #toolsets = new Map<McpServerConfig, ServerTools>();
  /** Roughly what the snapshot holds in memory, for the cache's budget. */
  readonly bytes: number;

  constructor(entries: ToolEntry[], bytes: number) {
    this.#entries = entries;
    this.bytes = bytes;
  }

  /** What `server` shows of this list to a caller `decision` is about. */
  toolsetFor(server: McpServerConfig, decision: ToolDecision): Toolset {
    let tools = this.#toolsets.get(server);
    if (!tools) {
      const entries = this.#entries.filter(e =>
        isActionAllowed(e.action, server.filter),
      );
      tools = { entries, all: buildToolset(entries) };
      this.#toolsets.set(server, tools);
    }
    if (decision.key === ALLOW_ALL.key) {
      return tools.all;
    }
    // Filtered lists are kept by the decision's content, so callers with
    // the same list and the same decision share one (and its serialized
    // form); a few distinct decisions per list are expected.
    tools.permitted ??= new LRUCache({ max: MAX_DECISIONS_PER_LIST });
    let permitted = tools.permitted.get(decision.key);
    if (!permitted) {
      permitted = buildToolset(
        tools.entries.filter(e => decision.allows(e, server.key)),
      );
      tools.permitted.set(decision.key, permitted);
    }
    return permitted;
  }
}

/** One server's share of a snapshot. */
interface ServerTools {
  entries: ToolEntry[];
  /** Every tool the server shows of the list. */
  all: Toolset;
  /** The same, filtered by a permission decision, by decision key. */
  permitted?: LRUCache<string, Toolset>;
}

/**
 * Tools are listed by name: the same order on every replica and every call,
 * whatever order the action sources registered in, so a client's cached
 * list stays valid wherever its next request lands.
 */
function buildToolset(unordered: ToolEntry[]): Toolset {
  const entries = [...unordered].sort((a, b) =>
    a.tool.name < b.tool.name ? -1 : Number(a.tool.name > b.tool.name),
  );
  const byName = new Map<string, ToolEntry>();
  for (const entry of entries) {
    byName.set(entry.tool.name, entry);
  }
  const byDottedName = new Map<string, ToolEntry>();
  for (const entry of entries) {
    const dotted = dottedToolName(entry.action);
    if (!byName.has(dotted)) {
      byDottedName.set(dotted, entry);
    }
  }
  const tools = entries.map(e => e.tool);
  return {
    tools,
    listResult: { tools },
    find: name => byName.get(name) ?? byDottedName.get(name),
  };
}

/**
 * How much memory a snapshot takes per byte of its action list as JSON:
 * the parsed actions and their tools on the heap, and the serialized list
 * the fast lane keeps per server and era. An estimate, not a measurement:
 * it only steers eviction, and lists are rebuilt when it errs.
 */
const BYTES_PER_JSON_BYTE = 4;

export interface ToolCatalogOptions {
  actions: ActionsService;
  logger: LoggerService;
  naming: ToolNamingOptions;
  /** How long a caller's action list is reused; 0 lists on every request. */
  ttlMs: number;
  /** How many callers are remembered at most. */
  maxEntries: number;
  /** How many bytes the distinct lists may take together, roughly. */
  maxBytes: number;
  /** The clock of both caches; for tests. */
  now?: () => number;
  /**
   * Which listed tools a caller may see and call (the permission policy);
   * every listed tool when absent.
   */
  decide?: (credentials: BackstageCredentials) => Promise<ToolDecision>;
}

/**
 * Lists actions with each caller's own credentials and turns them into MCP
 * tools. Invocations always go to the actions service, which checks
 * authorization live; the lists are kept for `ttlMs` so that `tools/list`
 * and `tools/call` need not ask every action source again.
 *
 * Memory is bounded by bytes, not by callers. A list is kept once per
 * distinct content: its key is a hash of the actions exactly as the actions
 * service listed them for the caller, so callers whose permissions give
 * them the same actions share one immutable snapshot, and a caller whose
 * list differs by one action gets a snapshot of their own. Per caller, only
 * that key is remembered (keyed by principal, and by a service's access
 * restrictions). A snapshot evicted for the byte budget is rebuilt from a
 * fresh listing on the caller's next request: lists are rebuilt, never
 * wrong. Both caches drop expired entries on time (`ttlAutopurge`), so
 * callers who went away hold nothing past the TTL.
 */
export class ToolCatalog {
  readonly #actions: ActionsService;
  readonly #logger: LoggerService;
  readonly #naming: ToolNamingOptions;
  /** Principal → the content key of the list they were given. */
  readonly #callers?: LRUCache<string, string>;
  /** Content key → the snapshot built from that list. */
  readonly #lists?: LRUCache<string, ActionsSnapshot>;
  /** One listing per caller at a time; concurrent requests share it. */
  readonly #loading = new Map<string, Promise<ActionsSnapshot>>();
  readonly #warned = new Set<string>();
  readonly #decide?: ToolCatalogOptions['decide'];

  static create(options: ToolCatalogOptions): ToolCatalog {
    return new ToolCatalog(options);
  }

  private constructor(options: ToolCatalogOptions) {
    this.#actions = options.actions;
    this.#logger = options.logger.child({ component: 'tool-catalog' });
    this.#naming = options.naming;
    this.#decide = options.decide;
    if (options.ttlMs > 0) {
      // A clock of the caller's own is read on every check, not cached.
      const perf = options.now ? { now: options.now } : undefined;
      const ttlResolution = options.now ? 0 : undefined;
      this.#callers = new LRUCache<string, string>({
        perf,
        ttlResolution,
        max: options.maxEntries,
        ttl: options.ttlMs,
        ttlAutopurge: true,
      });
      this.#lists = new LRUCache<string, ActionsSnapshot>({
        perf,
        ttlResolution,
        maxSize: options.maxBytes,
        sizeCalculation: snapshot => Math.max(1, snapshot.bytes),
        ttl: options.ttlMs,
        // A list in use stays while any of its callers still asks for it.
        updateAgeOnGet: true,
        ttlAutopurge: true,
      });
    }
  }

  /** The tools that `server` shows the caller and lets them call. */
  async toolsetFor(
    credentials: BackstageCredentials,
    server: McpServerConfig,
  ): Promise<Toolset> {
    const [snapshot, decision] = await Promise.all([
      this.#snapshotFor(credentials),
      this.#decide ? this.#decide(credentials) : ALLOW_ALL,
    ]);
    return snapshot.toolsetFor(server, decision);
  }

  /**
   * A tool the caller is listed but the permission policy hides from them;
   * undefined for a tool they may call or that does not exist. For the
   * audit of a refused call, after `toolsetFor` did not find it.
   */
  async deniedTool(
    credentials: BackstageCredentials,
    server: McpServerConfig,
    name: string,
  ): Promise<ToolEntry | undefined> {
    if (!this.#decide) {
      return undefined;
    }
    const snapshot = await this.#snapshotFor(credentials);
    return snapshot.toolsetFor(server, ALLOW_ALL).find(name);
  }

  /** What the caches hold; for tests, diagnostics and the README's figures. */
  get stats(): { callers: number; lists: number; bytes: number } {
    return {
      callers: this.#callers?.size ?? 0,
      lists: this.#lists?.size ?? 0,
      bytes: this.#lists?.calculatedSize ?? 0,
    };
  }

  #snapshotFor(credentials: BackstageCredentials): Promise<ActionsSnapshot> {
    if (!this.#callers || !this.#lists) {
      // Nothing is kept: list and build for this request alone.
      return this.#actions
        .list({ credentials })
        .then(({ actions }) => this.#build(actions, 0));
    }
    const key = principalKey(credentials);
    const contentKey = this.#callers.get(key);
    const cached = contentKey ? this.#lists.get(contentKey) : undefined;
    if (cached) {
      return Promise.resolve(cached);
    }
    let loading = this.#loading.get(key);
    if (!loading) {
      loading = this.#loadShared(key, credentials).finally(() =>
        this.#loading.delete(key),
      );
      this.#loading.set(key, loading);
    }
    return loading;
  }

  async #loadShared(
    key: string,
    credentials: BackstageCredentials,
  ): Promise<ActionsSnapshot> {
    const { actions } = await this.#actions.list({ credentials });
    const json = JSON.stringify(actions);
    const contentKey = createHash('sha256').update(json).digest('base64url');
    // Someone with the same list may have built it already: share theirs.
    let snapshot = this.#lists!.get(contentKey);
    if (!snapshot) {
      snapshot = this.#build(actions, json.length * BYTES_PER_JSON_BYTE);
      this.#lists!.set(contentKey, snapshot);
    }
    this.#callers!.set(key, contentKey);
    return snapshot;
  }

  #build(actions: ActionsServiceAction[], bytes: number): ActionsSnapshot {
    const { names, collisions } = assignToolNames(actions, this.#naming);
    for (const group of collisions) {
      this.#warnOnce(
        `collision:${group.join(',')}`,
        'Actions share a short tool name; they are exposed under their namespaced tool names instead',
        { actions: group.join(', ') },
      );
    }
    const entries: ToolEntry[] = [];
    for (const action of actions) {
      const result = actionToTool(action, names.get(action.id)!);
      if ('problem' in result) {
        this.#warnOnce(
          `skip:${action.id}`,
          'Action is not exposed as an MCP tool',
          { action: action.id, problem: result.problem },
        );
        continue;
      }
      entries.push({ tool: result.tool, action });
    }
    return new ActionsSnapshot(entries, bytes);
  }

  #warnOnce(key: string, message: string, fields: Record<string, string>) {
    if (!this.#warned.has(key)) {
      this.#warned.add(key);
      this.#logger.warn(message, fields);
    }
  }
}
