import { Config, ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { Minimatch } from 'minimatch';
import {
  readByteSize,
  readMilliseconds,
  readPositiveInteger,
} from '../config/readValues';

/** Attributes of an action that filter rules may match on. */
export const ACTION_ATTRIBUTES = [
  'destructive',
  'readOnly',
  'idempotent',
] as const;
export type ActionAttribute = (typeof ACTION_ATTRIBUTES)[number];

/** Separators allowed between plugin id and action name in tool names. */
export const TOOL_NAME_SEPARATORS = ['.', '_', '__'] as const;
export type ToolNameSeparator = (typeof TOOL_NAME_SEPARATORS)[number];

/** A compiled include or exclude rule. */
export interface FilterRule {
  /** The glob as written, for messages. */
  id?: string;
  idMatcher?: Minimatch;
  attributes?: Partial<Record<ActionAttribute, boolean>>;
}

export interface ActionFilter {
  include: FilterRule[];
  exclude: FilterRule[];
}

/** One MCP server: the default one (`key` undefined) or a configured one. */
export interface McpServerConfig {
  /** The key under `mcpActions.servers`, or undefined for the default server. */
  key?: string;
  name: string;
  description?: string;
  instructions?: string;
  filter: ActionFilter;
  /**
   * Whether listed tools carry their `outputSchema`; false leaves it out
   * (`outputSchemas` in config). Read as true when absent.
   */
  outputSchemas?: boolean;
  /**
   * Whether tools point at the shipped MCP Apps (`apps` in config), for
   * clients that declare the extension. Read as true when absent.
   */
  apps?: boolean;
  /** Tool search mode (`toolSearch`); absent when off. */
  toolSearch?: ToolSearchConfig;
  /** Tools per `tools/list` page (`toolsPageSize`); absent lists one page. */
  toolsPageSize?: number;
}

/** A server in tool search mode: what it lists besides the search tool. */
export interface ToolSearchConfig {
  /** Globs over action ids whose tools are listed beside the search tool. */
  pinned: Minimatch[];
  /** The most tools one search returns. */
  maxResults: number;
}

/** What a search returns when neither the call nor the config says. */
export const DEFAULT_SEARCH_RESULTS = 10;

/** Which servers exist, which tools each shows, and how tools are named. */
export interface ToolsConfig {
  /** Every server to serve, the default one (when enabled) first. */
  servers: McpServerConfig[];
  namespacedToolNames: boolean;
  toolNameSeparator: ToolNameSeparator;
  /** The per-caller cache of tool listings. */
  cache: { ttlMs: number; maxEntries: number; maxBytes: number };
}

const DEFAULT_SERVER_NAME = 'backstage';

/** Lowercase letters, digits and hyphens, starting with a letter or digit. */
const SERVER_KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Path segments the plugin's own routes use below `/v1`. */
const RESERVED_SERVER_KEYS = ['sse', 'messages', 'well-known', 'mcp'];

const CACHE_DEFAULTS = {
  ttlMs: 30_000,
  maxEntries: 1000,
  maxBytes: 64 * 2 ** 20,
};

/** Reads the servers, tool naming and listing cache of `mcpActions`. */
export function readToolsConfig(config: Config): ToolsConfig {
  return {
    servers: readServers(config),
    ...readToolNaming(config),
    cache: {
      ttlMs: readMilliseconds(config, 'cache.ttl', CACHE_DEFAULTS.ttlMs),
      maxEntries: readPositiveInteger(
        config,
        'cache.maxEntries',
        CACHE_DEFAULTS.maxEntries,
      ),
      maxBytes: readByteSize(config, 'cache.maxBytes', CACHE_DEFAULTS.maxBytes),
    },
  };
}

function readServers(config: Config): McpServerConfig[] {
  const servers: McpServerConfig[] = [];
  // The default server's, and every named server's unless it sets its own.
  const shared: SharedServerOptions = {
    outputSchemas: config.getOptionalBoolean('outputSchemas') ?? true,
    apps: config.getOptionalBoolean('apps') ?? true,
    toolSearch: config.getOptional('toolSearch'),
    toolsPageSize: readPageSize(config, 'toolsPageSize', 'mcpActions'),
  };
  if (config.getOptionalBoolean('defaultServer') ?? true) {
    servers.push({
      name: config.getOptionalString('name') ?? DEFAULT_SERVER_NAME,
      description: config.getOptionalString('description'),
      instructions: config.getOptionalString('instructions'),
      filter: { include: [], exclude: [] },
      outputSchemas: shared.outputSchemas,
      apps: shared.apps,
      ...listingOptions(shared, undefined, undefined, 'mcpActions'),
    });
  }
  const serversConfig = config.getOptionalConfig('servers');
  for (const key of serversConfig?.keys() ?? []) {
    servers.push(readServer(serversConfig!, key, shared));
  }
  if (servers.length === 0) {
    throw new Error(
      "Invalid config at 'mcpActions.defaultServer': the default server is turned off and no 'mcpActions.servers' are configured, so there is nothing to serve",
    );
  }
  return servers;
}

/** What every server takes from the top level unless it sets its own. */
interface SharedServerOptions {
  outputSchemas: boolean;
  apps: boolean;
  toolSearch: unknown;
  toolsPageSize: number | undefined;
}

function readPageSize(
  config: Config,
  key: string,
  path: string,
): number | undefined {
  const value = config.getOptional(key);
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
    throw new Error(
      `Invalid config at '${path}.${key}': expected a whole number greater than zero, got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value;
}

/**
 * A server's tool search and page size: its own section's keys over the
 * shared ones (`own` undefined for the default server).
 */
function listingOptions(
  shared: SharedServerOptions,
  own: Config | undefined,
  ownToolSearch: unknown,
  path: string,
): Pick<McpServerConfig, 'toolSearch' | 'toolsPageSize'> {
  const toolsPageSize = own
    ? (readPageSize(own, 'toolsPageSize', path) ?? shared.toolsPageSize)
    : shared.toolsPageSize;
  const merged = { ...asObject(shared.toolSearch, 'mcpActions.toolSearch') };
  Object.assign(merged, asObject(ownToolSearch, `${path}.toolSearch`));
  const toolSearch = readToolSearch(
    merged,
    own && ownToolSearch !== undefined
      ? `${path}.toolSearch`
      : 'mcpActions.toolSearch',
  );
  return {
    ...(toolSearch ? { toolSearch } : {}),
    ...(toolsPageSize ? { toolsPageSize } : {}),
  };
}

function asObject(value: unknown, path: string): JsonObject {
  if (value === undefined) {
    return {};
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`Invalid config at '${path}': expected an object`);
  }
  return value as JsonObject;
}

function readToolSearch(
  raw: JsonObject,
  path: string,
): ToolSearchConfig | undefined {
  const unknownKey = Object.keys(raw).find(
    k => !['enabled', 'pinned', 'maxResults'].includes(k),
  );
  if (unknownKey) {
    throw new Error(
      `Invalid config at '${path}.${unknownKey}': unknown key; tool search has "enabled", "pinned" and "maxResults"`,
    );
  }
  const config = new ConfigReader(raw, 'app-config', undefined, path);
  if (!(config.getOptionalBoolean('enabled') ?? false)) {
    return undefined;
  }
  const pinned = (config.getOptionalStringArray('pinned') ?? []).map(glob => {
    const matcher = new Minimatch(glob);
    if (!glob.trim() || !matcher.makeRe()) {
      throw new Error(
        `Invalid config at '${path}.pinned': "${glob}" is not a valid glob`,
      );
    }
    return matcher;
  });
  const maxResults = readPageSize(config, 'maxResults', path);
  return { pinned, maxResults: maxResults ?? DEFAULT_SEARCH_RESULTS };
}

function readToolNaming(
  config: Config,
): Pick<ToolsConfig, 'namespacedToolNames' | 'toolNameSeparator'> {
  const separator = config.getOptionalString('toolNameSeparator') ?? '.';
  if (!(TOOL_NAME_SEPARATORS as readonly string[]).includes(separator)) {
    throw new Error(
      `Invalid config at 'mcpActions.toolNameSeparator': "${separator}" is not one of ${TOOL_NAME_SEPARATORS.map(
        s => `"${s}"`,
      ).join(', ')}`,
    );
  }
  return {
    namespacedToolNames:
      config.getOptionalBoolean('namespacedToolNames') ?? true,
    toolNameSeparator: separator as ToolNameSeparator,
  };
}

function readServer(
  serversConfig: Config,
  key: string,
  shared: SharedServerOptions,
): McpServerConfig {
  const path = `mcpActions.servers.${key}`;
  if (!SERVER_KEY_PATTERN.test(key)) {
    throw new Error(
      `Invalid MCP server key "${key}" at '${path}': use lowercase letters, digits and hyphens, starting with a letter or digit`,
    );
  }
  if (RESERVED_SERVER_KEYS.includes(key)) {
    throw new Error(
      `Invalid MCP server key "${key}" at '${path}': it clashes with a route of the plugin (reserved: ${RESERVED_SERVER_KEYS.join(
        ', ',
      )})`,
    );
  }
  // Backstage's own key rule is stricter than ours (no leading digit, no
  // trailing or double hyphen), so the server's section is read from its raw
  // value rather than with getConfig(key), which would refuse such keys.
  const raw = (serversConfig.get() as JsonObject)[key];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`Invalid config at '${path}': expected an object`);
  }
  const config = new ConfigReader(raw, 'app-config', undefined, path);
  const name = config.getOptionalString('name');
  if (!name?.trim()) {
    throw new Error(`Missing required config value at '${path}.name'`);
  }
  return {
    key,
    name,
    description: config.getOptionalString('description'),
    instructions: config.getOptionalString('instructions'),
    filter: {
      include: readRules(config, 'filter.include', `${path}.filter.include`),
      exclude: readRules(config, 'filter.exclude', `${path}.filter.exclude`),
    },
    outputSchemas:
      config.getOptionalBoolean('outputSchemas') ?? shared.outputSchemas,
    apps: config.getOptionalBoolean('apps') ?? shared.apps,
    ...listingOptions(shared, config, (raw as JsonObject).toolSearch, path),
  };
}

/**
 * Reads a list of include or exclude rules (also used by `tasks.tools`);
 * `path` is the list's full key, for messages.
 */
export function readRules(
  config: Config,
  key: string,
  path: string,
): FilterRule[] {
  return (config.getOptionalConfigArray(key) ?? []).map((ruleConfig, index) =>
    readRule(ruleConfig, `${path}[${index}]`),
  );
}

function readRule(config: Config, path: string): FilterRule {
  const unknownKeys = config
    .keys()
    .filter(k => k !== 'id' && k !== 'attributes');
  if (unknownKeys.length > 0) {
    throw new Error(
      `Invalid filter rule at '${path}': unknown key "${unknownKeys[0]}"; a rule has "id" and/or "attributes"`,
    );
  }
  const rule: FilterRule = {};
  if (config.has('id')) {
    const id = config.getString('id');
    if (!id.trim()) {
      throw new Error(`Invalid filter rule at '${path}.id': the glob is empty`);
    }
    const matcher = new Minimatch(id);
    if (!matcher.makeRe()) {
      throw new Error(
        `Invalid filter rule at '${path}.id': "${id}" is not a valid glob`,
      );
    }
    rule.id = id;
    rule.idMatcher = matcher;
  }
  if (config.has('attributes')) {
    const attributesConfig = config.getConfig('attributes');
    const attributes: FilterRule['attributes'] = {};
    for (const attribute of attributesConfig.keys()) {
      if (!(ACTION_ATTRIBUTES as readonly string[]).includes(attribute)) {
        throw new Error(
          `Invalid filter rule at '${path}.attributes.${attribute}': unknown attribute; use one of ${ACTION_ATTRIBUTES.join(
            ', ',
          )}`,
        );
      }
      const value = attributesConfig.getOptional(attribute);
      if (typeof value !== 'boolean') {
        throw new Error(
          `Invalid filter rule at '${path}.attributes.${attribute}': expected true or false, got ${JSON.stringify(
            value,
          )}`,
        );
      }
      attributes[attribute as ActionAttribute] = value;
    }
    if (Object.keys(attributes).length > 0) {
      rule.attributes = attributes;
    }
  }
  if (!rule.idMatcher && !rule.attributes) {
    throw new Error(
      `Invalid filter rule at '${path}': a rule needs an "id" glob or at least one attribute`,
    );
  }
  return rule;
}
