import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type {
  ActionsService,
  ActionsServiceAction,
} from '@backstage/backend-plugin-api/alpha';
import type { Tool } from '@modelcontextprotocol/server';
import type { McpServerConfig } from '../config';
import { isActionAllowed } from './actionFilter';
import { principalKey } from './principalKey';
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
}

/** The tools one server shows one caller. */
export interface Toolset {
  tools: Tool[];
  /** The `tools/list` result, the same object every time. */
  listResult: { tools: Tool[] };
  /** Resolves a tool name, or its dotted form, to its entry. */
  find(name: string): ToolEntry | undefined;
}

/** What one caller's action list turns into; built once per list. */
class ActionsSnapshot {
  readonly #entries: ToolEntry[];
  readonly #toolsets = new Map<McpServerConfig, Toolset>();

  constructor(entries: ToolEntry[]) {
    this.#entries = entries;
  }

  toolsetFor(server: McpServerConfig): Toolset {
    let toolset = this.#toolsets.get(server);
    if (!toolset) {
      toolset = buildToolset(
        this.#entries.filter(e => isActionAllowed(e.action, server.filter)),
      );
      this.#toolsets.set(server, toolset);
    }
    return toolset;
  }
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

export interface ToolCatalogOptions {
  actions: ActionsService;
  logger: LoggerService;
  naming: ToolNamingOptions;
  /** How long a caller's action list is reused; 0 lists on every request. */
  ttlMs: number;
  /** How many callers' lists are kept at most. */
  maxEntries: number;
  /** For tests. */
  now?: () => number;
}

/**
 * Lists actions with each caller's own credentials and turns them into MCP
 * tools. A caller's list is kept for a short time so that `tools/list` and
 * `tools/call` need not ask every action source again; it is keyed by the
 * principal (and a service's access restrictions) and never shared between
 * callers. Invocations always go to the actions service, which checks
 * authorization live.
 */
export class ToolCatalog {
  readonly #actions: ActionsService;
  readonly #logger: LoggerService;
  readonly #naming: ToolNamingOptions;
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  readonly #cache = new Map<
    string,
    { expiresAt: number; snapshot: Promise<ActionsSnapshot> }
  >();
  readonly #warned = new Set<string>();

  static create(options: ToolCatalogOptions): ToolCatalog {
    return new ToolCatalog(options);
  }

  private constructor(options: ToolCatalogOptions) {
    this.#actions = options.actions;
    this.#logger = options.logger.child({ component: 'tool-catalog' });
    this.#naming = options.naming;
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries;
    this.#now = options.now ?? Date.now;
  }

  /** The tools that `server` shows the caller. */
  async toolsetFor(
    credentials: BackstageCredentials,
    server: McpServerConfig,
  ): Promise<Toolset> {
    const snapshot = await this.#snapshotFor(credentials);
    return snapshot.toolsetFor(server);
  }

  /** How many callers' lists are cached; for tests and diagnostics. */
  get size(): number {
    return this.#cache.size;
  }

  #snapshotFor(credentials: BackstageCredentials): Promise<ActionsSnapshot> {
    if (this.#ttlMs <= 0) {
      return this.#load(credentials);
    }
    const key = principalKey(credentials);
    const now = this.#now();
    const cached = this.#cache.get(key);
    if (cached && cached.expiresAt > now) {
      return cached.snapshot;
    }
    // Concurrent misses for one caller share a single listing.
    const snapshot = this.#load(credentials);
    this.#cache.delete(key);
    this.#cache.set(key, { expiresAt: now + this.#ttlMs, snapshot });
    snapshot.catch(() => {
      if (this.#cache.get(key)?.snapshot === snapshot) {
        this.#cache.delete(key);
      }
    });
    this.#evict(now);
    return snapshot;
  }

  #evict(now: number) {
    if (this.#cache.size <= this.#maxEntries) {
      return;
    }
    for (const [key, entry] of this.#cache) {
      if (entry.expiresAt <= now) {
        this.#cache.delete(key);
      }
    }
    // Map order is insertion order: the oldest entries go first.
    for (const key of this.#cache.keys()) {
      if (this.#cache.size <= this.#maxEntries) {
        break;
      }
      this.#cache.delete(key);
    }
  }

  async #load(credentials: BackstageCredentials): Promise<ActionsSnapshot> {
    const { actions } = await this.#actions.list({ credentials });
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
    return new ActionsSnapshot(entries);
  }

  #warnOnce(key: string, message: string, fields: Record<string, string>) {
    if (!this.#warned.has(key)) {
      this.#warned.add(key);
      this.#logger.warn(message, fields);
    }
  }
}
