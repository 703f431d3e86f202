import { HumanDuration } from '@backstage/types';

/** Tool search mode of a server. */
interface McpActionsToolSearch {
  /** Whether `tools/list` lists the search tool instead of every tool. */
  enabled?: boolean;
  /**
   * Globs over action ids (`catalog:*`, `*:get-entity`) whose tools are
   * listed beside the search tool.
   */
  pinned?: string[];
  /** The most tools one search returns. Defaults to 10. */
  maxResults?: number;
}

/** A filter rule: a glob on the action id and/or attribute values. */
interface McpActionsFilterRule {
  /**
   * A minimatch glob on the action id, `<pluginId>:<actionName>`, such as
   * `catalog:*` or `*:get-*`.
   */
  id?: string;
  /**
   * Attribute values the action must have; every one named must match.
   */
  attributes?: {
    destructive?: boolean;
    readOnly?: boolean;
    idempotent?: boolean;
  };
}

/** At most `limit` tool calls per `window` (whole seconds), per caller. */
interface McpActionsRateLimit {
  limit: number;
  window: number | string | HumanDuration;
}

/**
 * Which catalog entities a server offers as MCP resources
 * (`backstage://catalog/{kind}/{namespace}/{name}`); see README,
 * "Resources, prompts and completions".
 */
interface McpActionsResources {
  /**
   * Entity kinds offered, such as [Component, API], or ['*'] for every
   * kind. Defaults to API, Component, Domain, Group, Resource, System,
   * Template and User (Location left out).
   */
  kinds?: string[];
  /**
   * A catalog filter every offered entity matches: dot-separated paths into
   * the entity, each with a value or a list of values it may take (compared
   * case-insensitively), such as { spec.lifecycle: production }. Kinds go
   * under `kinds`. Defaults to no filter.
   */
  filter?: { [path: string]: string | string[] };
  /** Resources per `resources/list` page, 1 to 1000. Defaults to 100. */
  pageSize?: number;
}

/** An argument of an operator's prompt. */
interface McpActionsPromptArgument {
  /** Letters, digits, '_' and '-'; its placeholder is `{{name}}`. */
  name: string;
  /** Shown to the user beside the argument. */
  description?: string;
  /** Whether `prompts/get` needs it. Defaults to false. */
  required?: boolean;
  /**
   * Where `completion/complete` takes its values from, in the catalog as
   * the caller sees it: entity refs (`entityRef`, narrowed by `kinds`),
   * groups and users (`owner`), entity kinds (`kind`) or namespaces
   * (`namespace`). Defaults to none.
   */
  complete?: 'entityRef' | 'owner' | 'kind' | 'namespace';
  /** With `complete: entityRef`, the kinds offered. Defaults to every kind. */
  kinds?: string[];
}

/** A prompt an operator writes, served beside the template prompts. */
interface McpActionsCustomPrompt {
  /** Letters, digits, '_', '-' and '.'; wins over a template's prompt. */
  name: string;
  /** What clients show as its name. */
  title?: string;
  /** What the prompt does, shown to the user. Required. */
  description: string;
  arguments?: McpActionsPromptArgument[];
  /**
   * Its messages, in order; `{{argument}}` placeholders are replaced by the
   * user's values (an optional one left out by nothing).
   */
  messages: Array<{
    /** Defaults to "user". */
    role?: 'user' | 'assistant';
    text: string;
  }>;
}

/** The prompts a server offers; see README, "Resources, prompts and completions". */
interface McpActionsPrompts {
  /**
   * Whether every scaffolder template the caller may see (and may run here:
   * the server shows them `scaffolder:execute-template`) is a prompt.
   * Defaults to true.
   */
  templates?: boolean;
  /** Prompts of the operator's own. Defaults to none. */
  custom?: McpActionsCustomPrompt[];
}

/** Rate limits of one scope; see README, "Rate limits". */
interface McpActionsRateLimits {
  /** Every tool call. */
  toolCalls?: McpActionsRateLimit;
  /** Calls of tools not marked read-only, counted apart. */
  destructiveToolCalls?: McpActionsRateLimit;
}

export interface Config {
  /** Configuration of the MCP actions backend plugin. */
  mcpActions?: {
    /**
     * The name the default MCP server reports to clients
     * (`serverInfo.name`). Defaults to "backstage".
     */
    name?: string;

    /**
     * What an AI agent can do with these tools, reported to clients in
     * `serverInfo.description`. Optional.
     */
    description?: string;

    /**
     * Instructions for the agent, returned by `initialize`. Optional.
     */
    instructions?: string;

    /**
     * Whether tool names carry the plugin id: `catalog.get-catalog-entity`
     * rather than `get-catalog-entity`. Defaults to true. With false, actions
     * of two plugins that share a name keep their namespaced names.
     */
    namespacedToolNames?: boolean;

    /**
     * What joins plugin id and action name in tool names: ".", "_" or "__".
     * Defaults to ".". With "_" or "__" every name also matches
     * `^[a-zA-Z0-9_-]{1,64}$`, which some clients (Claude Desktop among them)
     * require.
     */
    toolNameSeparator?: '.' | '_' | '__';

    /**
     * Whether `/api/mcp-actions/v1` serves every action. Defaults to true;
     * set to false to serve only the servers under `servers`.
     */
    defaultServer?: boolean;

    /**
     * Focused MCP servers, each served at `/api/mcp-actions/v1/{key}`.
     * Keys use lowercase letters, digits and hyphens.
     */
    servers?: {
      [key: string]: {
        /** The name the server reports to clients. Required. */
        name: string;
        /** What an agent can do with this server's tools. Optional. */
        description?: string;
        /** Instructions for the agent, returned by `initialize`. */
        instructions?: string;
        /**
         * Which actions this server exposes. Exclude rules win over include
         * rules; with include rules, an action must match at least one.
         */
        filter?: {
          include?: McpActionsFilterRule[];
          exclude?: McpActionsFilterRule[];
        };
        /**
         * This server's own rate limits; each kind replaces the shared one
         * on this server and is counted apart.
         */
        rateLimit?: McpActionsRateLimits;
        /**
         * Whether this server's tools carry their `outputSchema`. Defaults
         * to `mcpActions.outputSchemas`.
         */
        outputSchemas?: boolean;
        /**
         * Whether this server's tools point at the MCP Apps this plugin
         * ships, for clients that declare the extension. Defaults to
         * `mcpActions.apps`.
         */
        apps?: boolean;
        /**
         * This server's tool search mode: its keys override those of
         * `mcpActions.toolSearch`, `enabled` included.
         */
        toolSearch?: McpActionsToolSearch;
        /**
         * Tools per `tools/list` page on this server. Defaults to
         * `mcpActions.toolsPageSize`.
         */
        toolsPageSize?: number;
        /**
         * Whether this server offers catalog entities as resources: true
         * takes `mcpActions.resources`, an object overrides some of its
         * keys. Defaults to false.
         */
        resources?: boolean | McpActionsResources;
        /**
         * Whether this server offers prompts: true takes
         * `mcpActions.prompts`, an object overrides some of its keys.
         * Defaults to false.
         */
        prompts?: boolean | McpActionsPrompts;
      };
    };

    /**
     * Catalog entities as MCP resources on the default server, and what
     * servers with `resources: true` start from. Read with each caller's
     * credentials, so the catalog's permissions apply.
     */
    resources?: McpActionsResources & {
      /** Whether the default server offers resources. Defaults to true. */
      enabled?: boolean;
    };

    /**
     * Prompts on the default server (every scaffolder template the caller
     * may see, and the operator's own), and what servers with
     * `prompts: true` start from.
     */
    prompts?: McpActionsPrompts & {
      /** Whether the default server offers prompts. Defaults to true. */
      enabled?: boolean;
    };

    /**
     * Whether listed tools carry their `outputSchema` (the shape of their
     * structured results), on the default server and on every server that
     * does not set its own. Defaults to true; false saves about 38 % of a
     * realistic `tools/list`, for clients that never validate structured
     * results. Calls answer with structured content either way.
     */
    outputSchemas?: boolean;

    /**
     * Whether tools point at the MCP Apps this plugin ships (an entity
     * card, a template form, a task view and a generic output view), on
     * the default server and on every server that does not set its own.
     * Only clients that declare the MCP Apps extension
     * (`io.modelcontextprotocol/ui`) see them; the others get the same
     * tool list either way. Defaults to true.
     */
    apps?: boolean;

    /**
     * Tool search mode, on the default server and on every server that
     * does not set its own: `tools/list` lists only a search tool
     * (`search_tools`) and the pinned tools; the search tool finds any tool
     * the caller may use on the server and returns its definition, and
     * every such tool can be called. Off by default.
     */
    toolSearch?: McpActionsToolSearch;

    /**
     * Tools per `tools/list` page, with a `nextCursor` to the next page, on
     * the default server and on every server that does not set its own.
     * Defaults to one page of every tool: some clients read only the first
     * page.
     */
    toolsPageSize?: number;

    /** How long each caller's action list is reused, and how much is kept. */
    cache?: {
      /**
       * Milliseconds as a number, or a duration such as "30s". Defaults to
       * 30 seconds; 0 lists the actions on every request.
       */
      ttl?: number | string | HumanDuration;
      /**
       * How many callers are remembered at most (each holds only a pointer
       * to the list it was given). Defaults to 1000.
       */
      maxEntries?: number;
      /**
       * How much memory the distinct tool lists may take together: bytes as
       * a number, or a string such as "64 MB". Callers who see the same
       * actions share one list. Beyond the budget the least recently used
       * lists are dropped and rebuilt on their next request. Defaults to
       * "64 MB".
       */
      maxBytes?: number | string;
    };

    /**
     * How long a tool call may run before the client gets a timeout result.
     * Milliseconds as a number, or a duration. Defaults to 2 minutes.
     */
    toolCallTimeout?: number | string | HumanDuration;

    /**
     * While a tool call that asked for progress (`_meta.progressToken`)
     * runs, a progress notification goes out this often, which keeps it
     * alive in clients that reset their timeout on progress. Milliseconds as
     * a number, or a duration. Defaults to 5 seconds.
     */
    progressInterval?: number | string | HumanDuration;

    /**
     * The largest request body accepted, in bytes; larger ones get 413.
     * Defaults to 1000000 (1 MB).
     */
    maxRequestBytes?: number;

    /** The legacy SSE transport (deprecated). */
    sse?: {
      /** Open SSE sessions allowed at once; more get 503. Defaults to 1000. */
      maxSessions?: number;
      /**
       * Open SSE sessions one principal (a user, or a service token) may
       * hold at once in one backend instance; more get 503, so that one
       * caller cannot lock the others out. Defaults to 20.
       */
      maxSessionsPerPrincipal?: number;
      /**
       * A session with no message for this long is closed. Defaults to 30
       * minutes.
       */
      idleTimeout?: number | string | HumanDuration;
      /**
       * How often a keep-alive comment is sent on an idle stream. Defaults
       * to 15 seconds.
       */
      keepAliveInterval?: number | string | HumanDuration;
    };

    /**
     * Ask the user before a destructive tool runs: a form-mode elicitation
     * shows the tool and its arguments; declining answers `isError` and
     * nothing runs. Needs `secrets.encryptionKey`. Defaults to false.
     */
    confirmDestructive?: boolean;

    /**
     * Answer the plain `tools/list` and `tools/call` requests (no cursor, no
     * progress token, no gate or task involved) straight from the tool
     * catalog, without building an MCP SDK server per request; everything
     * else, and every error, is answered by the SDK. Set to false to send
     * every request through the SDK. Defaults to true.
     */
    fastLane?: boolean;

    /**
     * What a client that cannot ask its user (no elicitation capability,
     * or a stateless 2025 request) gets for a destructive tool when
     * `confirmDestructive` is on: "refuse" (an `isError` result, nothing
     * runs) or "run" (as without confirmation). Defaults to "refuse".
     */
    confirmDestructiveFallback?: 'refuse' | 'run';

    /** Secrets of actions, given by the user, never by the model. */
    secrets?: {
      /**
       * Encrypts the secrets users submit (AES-256-GCM) and signs the state
       * of multi round-trip calls. At least 32 characters; the same on
       * every replica. Required when an action declares secrets or
       * `confirmDestructive` is on.
       * @visibility secret
       */
      encryptionKey?: string;
      /**
       * How long submitted secrets are kept for the call that asked for
       * them. Defaults to 10 minutes.
       */
      ttl?: number | string | HumanDuration;
      /**
       * How long a request for secrets (its page and one-time link) stays
       * valid. Defaults to 10 minutes.
       */
      requestTtl?: number | string | HumanDuration;
      /**
       * Auth providers (keys of `auth.providers`) whose existing session the
       * secrets page uses to sign a user in, tried in this order: the page
       * asks the auth backend's `/<provider>/refresh` for a token and turns
       * it into this plugin's Backstage cookie. Defaults to every provider
       * under `auth.providers`. A user with no session is asked to sign in
       * to Backstage (`app.baseUrl`) and reload.
       */
      signInProviders?: string[];
    };

    /**
     * Long calls that become tasks of the MCP Tasks extension
     * (`io.modelcontextprotocol/tasks`), for 2026-07-28 clients that declare
     * it: the call answers with a task the client polls with `tasks/get`
     * while the action goes on running.
     */
    /**
     * Tool calls allowed per caller and window, counted in the plugin's
     * database so replicas share one limit. Nothing is limited by default.
     */
    rateLimit?: McpActionsRateLimits;

    tasks?: {
      /**
       * Which actions' calls may become tasks, as filter rules (an `id` glob
       * and/or `attributes`); a call may when its action matches one rule.
       * Defaults to none.
       */
      tools?: McpActionsFilterRule[];
      /**
       * A call of such an action still running after this long becomes a
       * task; quicker calls answer as usual. Milliseconds as a number, or a
       * duration. Defaults to 2 seconds; 0 makes every such call a task.
       */
      after?: number | string | HumanDuration;
      /**
       * How long a task and its result are kept, from its creation; then it
       * is removed. Longer than `toolCallTimeout`. Defaults to 1 hour.
       */
      ttl?: number | string | HumanDuration;
      /**
       * How often clients are asked to poll a task (`pollIntervalMs`).
       * Defaults to 2 seconds.
       */
      pollInterval?: number | string | HumanDuration;
      /**
       * How often each backend instance marks its running tasks alive. A
       * task whose instance missed three heartbeats (it stopped or crashed)
       * is marked failed by another instance. Clocks of the instances must
       * agree to well within this. Defaults to 10 seconds.
       */
      heartbeatInterval?: number | string | HumanDuration;
    };

    /** Tracing of tool calls. */
    tracing?: {
      capture?: {
        /**
         * Whether tool arguments and results are recorded on the
         * `tools/call` span (`gen_ai.tool.call.arguments`,
         * `gen_ai.tool.call.result`) and on audit events. Defaults to false:
         * they may hold personal data. The same key as the upstream plugin's.
         */
        toolPayload?: boolean;
      };
    };

    /**
     * Deprecated alias of `tracing.capture.toolPayload`, which wins when
     * both are set. Logs a warning at start-up.
     * @deprecated Use `tracing.capture.toolPayload`.
     */
    captureToolPayloads?: boolean;
  };
}
