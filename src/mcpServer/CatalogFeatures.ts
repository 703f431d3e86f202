import type {
  CacheHint,
  Server,
  ServerCapabilities,
  ServerOptions,
} from '@modelcontextprotocol/server';
import type { AppResources } from '../apps/AppResources';
import { UI_EXTENSION_ID } from '../apps/uiExtension';
import type { CallerCatalog } from '../catalog/CallerCatalog';
import { CatalogCompletions } from '../completions/CatalogCompletions';
import { serveCompletions } from '../completions/serveCompletions';
import { promptsOf, type PromptsConfig } from '../prompts/readPromptsConfig';
import { ServerPrompts } from '../prompts/ServerPrompts';
import { servePrompts } from '../prompts/servePrompts';
import type { RateLimitCheck } from '../rateLimits/RateLimitCheck';
import { EntityResources } from '../resources/EntityResources';
import {
  resourcesOf,
  type ResourcesConfig,
} from '../resources/readResourcesConfig';
import { serveResources } from '../resources/serveResources';
import type { ToolCatalog } from '../tools/ToolCatalog';
import type { McpServerConfig } from '../tools/readToolsConfig';

export interface CatalogFeaturesOptions {
  config: { resources: ResourcesConfig; prompts: PromptsConfig };
  catalog: CallerCatalog;
  /** The caller's tools, to find the scaffolder's for template prompts. */
  tools: ToolCatalog;
  /** Counts completions against the tool-call limits, when configured. */
  rateLimits?: RateLimitCheck;
  /** How long a client may keep a list or a read entity (`cache.ttl`). */
  ttlMs: number;
  /** The shipped MCP Apps, when they are built; listed as `ui://` resources. */
  apps?: AppResources;
}

/** The resource template is the same for everyone, until a deployment. */
const TEMPLATES_TTL_MS = 300_000;

/**
 * What a server offers besides tools, each where configured: catalog
 * entities as resources, scaffolder templates and the operator's prompts as
 * prompts, and completions for both. Tells the SDK server which
 * capabilities to declare and which cache hints to give, and registers the
 * handlers, which read the catalog as the caller of each request.
 */
export class CatalogFeatures {
  readonly #options: CatalogFeaturesOptions;
  readonly #resources: EntityResources;
  readonly #prompts: ServerPrompts;
  readonly #completions: CatalogCompletions;

  static create(options: CatalogFeaturesOptions): CatalogFeatures {
    return new CatalogFeatures(options);
  }

  private constructor(options: CatalogFeaturesOptions) {
    this.#options = options;
    this.#resources = new EntityResources(options.catalog);
    this.#prompts = new ServerPrompts({
      catalog: options.catalog,
      tools: options.tools,
    });
    this.#completions = new CatalogCompletions(options.catalog);
  }

  /**
   * The capabilities `server` declares beside tools. Neither list is ever
   * announced as changed (see README, "Resources, prompts and completions").
   */
  capabilities(server: McpServerConfig, forApps: boolean): ServerCapabilities {
    const listing = resourcesOf(this.#options.config.resources, server);
    const prompts = promptsOf(this.#options.config.prompts, server);
    const apps = forApps && this.appsOn(server);
    return {
      ...(listing || apps
        ? { resources: { subscribe: false, listChanged: false } }
        : {}),
      ...(apps ? { extensions: { [UI_EXTENSION_ID]: {} } } : {}),
      ...(prompts ? { prompts: { listChanged: false } } : {}),
      ...(listing || prompts ? { completions: {} } : {}),
    };
  }

  /**
   * The 2026-07-28 cache hints of what `server` offers: lists and entities
   * depend on the caller (the catalog's permissions), so they are private
   * and kept as long as the caller's tool list; the resource template is
   * the same for every caller.
   */
  cacheHints(
    server: McpServerConfig,
    forApps: boolean,
  ): NonNullable<ServerOptions['cacheHints']> {
    const perCaller: CacheHint = {
      ttlMs: this.#options.ttlMs,
      cacheScope: 'private',
    };
    return {
      ...(resourcesOf(this.#options.config.resources, server) ||
      (forApps && this.appsOn(server))
        ? {
            'resources/list': perCaller,
            'resources/read': perCaller,
            'resources/templates/list': {
              ttlMs: TEMPLATES_TTL_MS,
              cacheScope: 'public',
            },
          }
        : {}),
      ...(promptsOf(this.#options.config.prompts, server)
        ? { 'prompts/list': perCaller }
        : {}),
    };
  }

  /** Whether `server` offers the shipped MCP Apps (and they are built). */
  appsOn(server: McpServerConfig): boolean {
    return this.#options.apps !== undefined && server.apps !== false;
  }

  /**
   * Registers the handlers of what `server` offers on `mcp`; the apps'
   * resources only on a server built `forApps` (see `capabilities`).
   */
  serve(mcp: Server, server: McpServerConfig, forApps: boolean): void {
    const listing = resourcesOf(this.#options.config.resources, server);
    const offer = promptsOf(this.#options.config.prompts, server);
    const apps =
      forApps && this.appsOn(server) ? this.#options.apps : undefined;
    if (listing || apps) {
      serveResources(mcp, {
        ...(listing
          ? { entities: { resources: this.#resources, listing } }
          : {}),
        ...(apps
          ? {
              apps: {
                resources: apps,
                toolsetFor: credentials =>
                  this.#options.tools.toolsetFor(credentials, server),
              },
            }
          : {}),
      });
    }
    if (offer) {
      servePrompts(mcp, this.#prompts, server, offer);
    }
    if (listing || offer) {
      const { rateLimits } = this.#options;
      serveCompletions(mcp, {
        completions: this.#completions,
        server,
        ...(listing ? { listing } : {}),
        ...(offer ? { prompts: { prompts: this.#prompts, offer } } : {}),
        ...(rateLimits
          ? {
              limit: (s, credentials) =>
                rateLimits.checkRequest(s, credentials),
            }
          : {}),
      });
    }
  }
}
