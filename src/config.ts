import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { durationToMilliseconds, type JsonObject } from '@backstage/types';
import { Minimatch } from 'minimatch';

/**
 * Everything this plugin reads from configuration, validated once at
 * start-up. No other module touches `Config`.
 */

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
}

export interface McpActionsConfig {
  /** Every server to serve, the default one (when enabled) first. */
  servers: McpServerConfig[];
  namespacedToolNames: boolean;
  toolNameSeparator: ToolNameSeparator;
  cache: { ttlMs: number; maxEntries: number; maxBytes: number };
  toolCallTimeoutMs: number;
  /** How often a call that asked for progress is told it is still running. */
  progressIntervalMs: number;
  maxRequestBytes: number;
  /**
   * Answer plain `tools/list` and `tools/call` requests without building an
   * SDK server for them (see `routers/fastLane`).
   */
  fastLane: boolean;
  sse: {
    maxSessions: number;
    maxSessionsPerPrincipal: number;
    idleTimeoutMs: number;
    keepAliveMs: number;
  };
  /** Put tool arguments and results on spans and audit events. */
  captureToolPayloads: boolean;
  /** Ask the user before a destructive tool runs (form elicitation). */
  confirmDestructive: boolean;
  /** What a client that cannot ask gets for a destructive tool. */
  confirmDestructiveFallback: 'refuse' | 'run';
  secrets: {
    /** Encrypts stored secrets and signs multi round-trip state. */
    encryptionKey?: string;
    /** How long submitted secrets are kept for their call. */
    ttlMs: number;
    /** How long a request for secrets (its page and link) stays valid. */
    requestTtlMs: number;
    /** How the secrets page signs a user in; see `readSignIn`. */
    signIn: SecretsPageSignIn;
  };
  /** Config that works but should change (deprecated keys), for start-up warnings. */
  warnings: string[];
  /** Origins a browser may send requests from; others are refused. */
  allowedOrigins: OriginMatcher;
  /** True when the auth backend offers an OAuth flow MCP clients can use. */
  oauthEnabled: boolean;
  /** Long calls that become tasks (the MCP Tasks extension). */
  tasks: TasksConfig;
}

export type OriginMatcher = (origin: string) => boolean;

export interface SecretsPageSignIn {
  /** Auth providers whose refresh endpoints the page tries, in order. */
  providers: string[];
  /** The auth backend's environment (`auth.environment`), for the refresh URLs. */
  environment: string;
  /** The Backstage app, where a user without a session signs in. */
  appUrl?: string;
}

export const DEFAULT_SERVER_NAME = 'backstage';

/** Lowercase letters, digits and hyphens, starting with a letter or digit. */
const SERVER_KEY_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Path segments the plugin's own routes use below `/v1`. */
export const RESERVED_SERVER_KEYS = ['sse', 'messages', 'well-known', 'mcp'];

const DEFAULTS = {
  cacheTtlMs: 30_000,
  cacheMaxEntries: 1000,
  cacheMaxBytes: 64 * 2 ** 20,
  toolCallTimeoutMs: 120_000,
  progressIntervalMs: 5_000,
  maxRequestBytes: 1_000_000,
  sseMaxSessions: 1000,
  sseMaxSessionsPerPrincipal: 20,
  sseIdleTimeoutMs: 30 * 60_000,
  sseKeepAliveMs: 15_000,
  secretsTtlMs: 10 * 60_000,
  secretsRequestTtlMs: 10 * 60_000,
};

/** The shortest `mcpActions.secrets.encryptionKey` accepted. */
const MIN_KEY_LENGTH = 32;

/**
 * Reads and validates the `mcpActions` section (and the few backend and auth
 * keys the plugin depends on). Throws an error naming the offending key.
 */
export function readMcpActionsConfig(rootConfig: Config): McpActionsConfig {
  // An absent section reads like an empty one.
  const config =
    rootConfig.getOptionalConfig('mcpActions') ?? new ConfigReader({});

  const servers: McpServerConfig[] = [];
  if (config.getOptionalBoolean('defaultServer') ?? true) {
    servers.push({
      name: config.getOptionalString('name') ?? DEFAULT_SERVER_NAME,
      description: config.getOptionalString('description'),
      instructions: config.getOptionalString('instructions'),
      filter: { include: [], exclude: [] },
    });
  }
  const serversConfig = config.getOptionalConfig('servers');
  for (const key of serversConfig?.keys() ?? []) {
    servers.push(readServer(serversConfig!, key));
  }
  if (servers.length === 0) {
    throw new Error(
      "Invalid config at 'mcpActions.defaultServer': the default server is turned off and no 'mcpActions.servers' are configured, so there is nothing to serve",
    );
  }

  const separator = config.getOptionalString('toolNameSeparator') ?? '.';
  if (!(TOOL_NAME_SEPARATORS as readonly string[]).includes(separator)) {
    throw new Error(
      `Invalid config at 'mcpActions.toolNameSeparator': "${separator}" is not one of ${TOOL_NAME_SEPARATORS.map(
        s => `"${s}"`,
      ).join(', ')}`,
    );
  }

  return {
    servers,
    namespacedToolNames:
      config.getOptionalBoolean('namespacedToolNames') ?? true,
    toolNameSeparator: separator as ToolNameSeparator,
    cache: {
      ttlMs: readMilliseconds(config, 'cache.ttl', DEFAULTS.cacheTtlMs),
      maxEntries: readPositiveInteger(
        config,
        'cache.maxEntries',
        DEFAULTS.cacheMaxEntries,
      ),
      maxBytes: readByteSize(config, 'cache.maxBytes', DEFAULTS.cacheMaxBytes),
    },
    toolCallTimeoutMs: readMilliseconds(
      config,
      'toolCallTimeout',
      DEFAULTS.toolCallTimeoutMs,
      { positive: true },
    ),
    progressIntervalMs: readMilliseconds(
      config,
      'progressInterval',
      DEFAULTS.progressIntervalMs,
      { positive: true },
    ),
    maxRequestBytes: readPositiveInteger(
      config,
      'maxRequestBytes',
      DEFAULTS.maxRequestBytes,
    ),
    fastLane: config.getOptionalBoolean('fastLane') ?? true,
    sse: {
      maxSessions: readPositiveInteger(
        config,
        'sse.maxSessions',
        DEFAULTS.sseMaxSessions,
      ),
      maxSessionsPerPrincipal: readPositiveInteger(
        config,
        'sse.maxSessionsPerPrincipal',
        DEFAULTS.sseMaxSessionsPerPrincipal,
      ),
      idleTimeoutMs: readMilliseconds(
        config,
        'sse.idleTimeout',
        DEFAULTS.sseIdleTimeoutMs,
        { positive: true },
      ),
      keepAliveMs: readMilliseconds(
        config,
        'sse.keepAliveInterval',
        DEFAULTS.sseKeepAliveMs,
        { positive: true },
      ),
    },
    ...readPayloadCapture(config),
    ...readConfirmation(config),
    secrets: readSecrets(config, rootConfig),
    allowedOrigins: readAllowedOrigins(rootConfig),
    oauthEnabled: readOAuthEnabled(rootConfig),
    tasks: readTasksConfig(config),
  };
}

function readServer(serversConfig: Config, key: string): McpServerConfig {
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
  };
}

function readRules(config: Config, key: string, path: string): FilterRule[] {
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

function readConfirmation(config: Config) {
  const confirmDestructive =
    config.getOptionalBoolean('confirmDestructive') ?? false;
  const fallback =
    config.getOptionalString('confirmDestructiveFallback') ?? 'refuse';
  if (fallback !== 'refuse' && fallback !== 'run') {
    throw new Error(
      `Invalid config at 'mcpActions.confirmDestructiveFallback': "${fallback}" is not one of "refuse", "run"`,
    );
  }
  if (
    confirmDestructive &&
    !config.getOptionalString('secrets.encryptionKey')
  ) {
    throw new Error(
      "Missing required config value at 'mcpActions.secrets.encryptionKey': mcpActions.confirmDestructive signs the state of its confirmation rounds with it, and every replica needs the same key",
    );
  }
  return {
    confirmDestructive,
    confirmDestructiveFallback: fallback as 'refuse' | 'run',
  };
}

function readSecrets(
  config: Config,
  rootConfig: Config,
): McpActionsConfig['secrets'] {
  const encryptionKey = config.getOptionalString('secrets.encryptionKey');
  if (encryptionKey !== undefined && encryptionKey.length < MIN_KEY_LENGTH) {
    throw new Error(
      `Invalid config at 'mcpActions.secrets.encryptionKey': use at least ${MIN_KEY_LENGTH} characters (e.g. the output of "openssl rand -base64 32")`,
    );
  }
  return {
    encryptionKey,
    ttlMs: readMilliseconds(config, 'secrets.ttl', DEFAULTS.secretsTtlMs, {
      positive: true,
    }),
    requestTtlMs: readMilliseconds(
      config,
      'secrets.requestTtl',
      DEFAULTS.secretsRequestTtlMs,
      { positive: true },
    ),
    signIn: readSignIn(config, rootConfig),
  };
}

/**
 * The secrets page signs users in with a session they already have at the
 * auth backend: by default through every configured provider, in config
 * order.
 */
function readSignIn(config: Config, rootConfig: Config): SecretsPageSignIn {
  const configured =
    rootConfig.getOptionalConfig('auth.providers')?.keys() ?? [];
  const providers =
    config.getOptionalStringArray('secrets.signInProviders') ?? configured;
  for (const [index, provider] of providers.entries()) {
    if (!/^[A-Za-z0-9_-]+$/.test(provider)) {
      throw new Error(
        `Invalid config at 'mcpActions.secrets.signInProviders[${index}]': "${provider}" is not a provider id (letters, digits, '-' and '_')`,
      );
    }
  }
  return {
    providers,
    environment:
      rootConfig.getOptionalString('auth.environment') ?? 'development',
    appUrl: rootConfig.getOptionalString('app.baseUrl'),
  };
}

/**
 * `tracing.capture.toolPayload` is the key the upstream plugin reads;
 * `captureToolPayloads`, this plugin's earlier name, still works as a
 * deprecated alias. When both are set, the upstream key wins.
 */
function readPayloadCapture(config: Config): {
  captureToolPayloads: boolean;
  warnings: string[];
} {
  const upstream = config.getOptionalBoolean('tracing.capture.toolPayload');
  const alias = config.getOptionalBoolean('captureToolPayloads');
  const warnings =
    alias === undefined
      ? []
      : [
          "'mcpActions.captureToolPayloads' is deprecated; use 'mcpActions.tracing.capture.toolPayload' instead",
        ];
  return { captureToolPayloads: upstream ?? alias ?? false, warnings };
}

/** Numbers are milliseconds; strings and objects are Backstage durations. */
function readMilliseconds(
  config: Config,
  key: string,
  defaultValue: number,
  options?: { positive?: boolean },
): number {
  const path = `mcpActions.${key}`;
  const raw = config.getOptional(key);
  if (raw === undefined) {
    return defaultValue;
  }
  let ms: number;
  if (typeof raw === 'number') {
    ms = raw;
  } else {
    try {
      ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
    } catch (error) {
      throw new Error(
        `Invalid duration at '${path}': ${(error as Error).message}`,
      );
    }
  }
  if (!Number.isFinite(ms) || ms < 0 || (options?.positive && ms === 0)) {
    throw new Error(
      `Invalid duration at '${path}': must be ${
        options?.positive ? 'greater than zero' : 'zero or more'
      }`,
    );
  }
  return ms;
}

/** A size in bytes: a whole number, or a string such as "64 MB" (1024-based). */
function readByteSize(
  config: Config,
  key: string,
  defaultValue: number,
): number {
  if (!config.has(key)) {
    return defaultValue;
  }
  const raw = config.get(key);
  const units: Record<string, number> = {
    b: 1,
    kb: 2 ** 10,
    mb: 2 ** 20,
    gb: 2 ** 30,
  };
  const match = /^\s*(\d+)\s*(b|kb|mb|gb)?\s*$/i.exec(String(raw));
  let value = NaN;
  if (typeof raw === 'number') {
    value = raw;
  } else if (match) {
    value = Number(match[1]) * units[(match[2] ?? 'b').toLowerCase()];
  }
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new Error(
      `Invalid config at 'mcpActions.${key}': expected a size in bytes greater than zero, such as 67108864 or "64 MB", got ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

function readPositiveInteger(
  config: Config,
  key: string,
  defaultValue: number,
): number {
  const value = config.getOptionalNumber(key) ?? defaultValue;
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(
      `Invalid config at 'mcpActions.${key}': expected a whole number greater than zero, got ${value}`,
    );
  }
  return value;
}

/**
 * Browsers send `Origin`; a page on another origin must not reach the MCP
 * endpoints (DNS rebinding). Allowed: the backend's and the app's own origins
 * and whatever `backend.cors.origin` allows (globs, as Backstage reads them).
 */
function readAllowedOrigins(rootConfig: Config): OriginMatcher {
  const exact = new Set<string>();
  for (const key of ['backend.baseUrl', 'app.baseUrl']) {
    const url = rootConfig.getOptionalString(key);
    if (url) {
      try {
        for (const origin of withLoopbackAliases(new URL(url))) {
          exact.add(origin);
        }
      } catch {
        // Backstage itself reports a malformed base URL.
      }
    }
  }
  const cors = rootConfig.getOptional('backend.cors.origin');
  const globs = [cors]
    .flat()
    .filter((p): p is string => typeof p === 'string')
    .map(p => new Minimatch(p, { nocase: true, noglobstar: true }));
  return origin => exact.has(origin) || globs.some(glob => glob.match(origin));
}

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * A base URL on a loopback name stands for all of them: a page served from
 * http://127.0.0.1:7007 is the same machine and port as localhost:7007. (A
 * rebinding attack comes from a foreign name, never from these.)
 */
function withLoopbackAliases(url: URL): string[] {
  if (!LOOPBACK_HOSTS.includes(url.hostname)) {
    return [url.origin];
  }
  const port = url.port ? `:${url.port}` : '';
  return LOOPBACK_HOSTS.map(host => `${url.protocol}//${host}${port}`);
}

function readOAuthEnabled(rootConfig: Config): boolean {
  return [
    'auth.clientIdMetadataDocuments.enabled',
    'auth.experimentalClientIdMetadataDocuments.enabled',
    'auth.experimentalDynamicClientRegistration.enabled',
  ].some(key => rootConfig.getOptionalBoolean(key) === true);
}

/** Which calls may become tasks of the MCP Tasks extension, and how. */
export interface TasksConfig {
  /** Actions whose calls may become tasks; none when empty. */
  tools: FilterRule[];
  /** A call of such an action still running after this long becomes a task. */
  afterMs: number;
  /** How long a task and its result are kept, counted from its creation. */
  ttlMs: number;
  /** How often clients are asked to poll a task. */
  pollIntervalMs: number;
  /**
   * How often each backend instance marks its running tasks alive; a task
   * whose instance missed three heartbeats is failed.
   */
  heartbeatIntervalMs: number;
}

const TASK_DEFAULTS = {
  afterMs: 2_000,
  ttlMs: 60 * 60_000,
  pollIntervalMs: 2_000,
  heartbeatIntervalMs: 10_000,
};

/**
 * Reads `mcpActions.tasks`. Its durations travel to clients as integer
 * milliseconds, so fractions are refused; and a task must outlive the
 * longest call it can hold, or it would vanish while its call still runs.
 */
export function readTasksConfig(config: Config): TasksConfig {
  const wholeMs = (key: string, defaultValue: number, positive = true) => {
    const ms = readMilliseconds(config, `tasks.${key}`, defaultValue, {
      positive,
    });
    if (!Number.isSafeInteger(ms)) {
      throw new Error(
        `Invalid duration at 'mcpActions.tasks.${key}': must be a whole number of milliseconds, got ${ms}`,
      );
    }
    return ms;
  };
  const tasks: TasksConfig = {
    tools: readRules(config, 'tasks.tools', 'mcpActions.tasks.tools'),
    afterMs: wholeMs('after', TASK_DEFAULTS.afterMs, false),
    ttlMs: wholeMs('ttl', TASK_DEFAULTS.ttlMs),
    pollIntervalMs: wholeMs('pollInterval', TASK_DEFAULTS.pollIntervalMs),
    heartbeatIntervalMs: wholeMs(
      'heartbeatInterval',
      TASK_DEFAULTS.heartbeatIntervalMs,
    ),
  };
  const callLimitMs = readMilliseconds(
    config,
    'toolCallTimeout',
    DEFAULTS.toolCallTimeoutMs,
    { positive: true },
  );
  if (tasks.ttlMs <= callLimitMs) {
    throw new Error(
      `Invalid duration at 'mcpActions.tasks.ttl': must be longer than mcpActions.toolCallTimeout (${callLimitMs} ms), or a task could expire while its call still runs`,
    );
  }
  return tasks;
}
