import type { JsonObject } from '@backstage/types';
import {
  SUPPORTED_PROTOCOL_VERSIONS,
  type CallToolResult,
  type Implementation,
  type RequestStateCodec,
  type Server,
} from '@modelcontextprotocol/server';
import { clientDeclaresUi } from '../apps/appsSession';
import type { McpServerConfig } from '../tools/readToolsConfig';
import { serveTaskMethods } from '../tasks/serveTaskMethods';
import { TaskAwareServer } from '../tasks/TaskAwareServer';
import type { TaskManager } from '../tasks/TaskManager';
import type { ToolCallTelemetry } from '../telemetry/ToolCallTelemetry';
import type { CallRoundState } from '../toolCalls/requestState';
import type { ToolCallPipeline } from '../toolCalls/ToolCallPipeline';
import type { ToolCatalog, Toolset } from '../tools/ToolCatalog';
import { toolsetAsListed } from '../tools/toolsetAsListed';
import { servedToolset } from '../tools/toolSearch';
import { pageOfTools } from '../tools/toolPages';
import { requireCaller, type Caller } from './caller';
import type { CatalogFeatures } from './CatalogFeatures';
import { protocolVersionOf, requestedProtocolVersion } from './protocolVersion';

export interface McpServerFactoryOptions {
  catalog: ToolCatalog;
  /** Where every `tools/call` goes. */
  pipeline: ToolCallPipeline;
  version: string;
  /** How long a client may reuse a `tools/list` result (the list cache's TTL). */
  listTtlMs: number;
  /** Verifies the state of multi round-trip calls the pipeline's gates minted. */
  callStateCodec?: RequestStateCodec<CallRoundState>;
  /** Audits discoveries. */
  telemetry: ToolCallTelemetry;
  /** Serves `tasks/*` (2026-07-28 clients declaring the extension). */
  tasks?: TaskManager;
  /** Resources, prompts and completions, on the servers configured so. */
  catalogFeatures?: CatalogFeatures;
}

/**
 * Builds the SDK server that answers one configured MCP server's requests:
 * one per HTTP request on Streamable HTTP (both protocol eras), one per
 * session on legacy SSE. The handlers are the same for every era; the SDK
 * owns the wire.
 *
 * The low-level `Server`, not `McpServer`: tools are decided per caller and
 * arrive as ready-made JSON Schema, which `McpServer`'s schema-first
 * registration cannot take.
 */
export class McpServerFactory {
  readonly #options: McpServerFactoryOptions;

  static create(options: McpServerFactoryOptions): McpServerFactory {
    return new McpServerFactory(options);
  }

  private constructor(options: McpServerFactoryOptions) {
    this.#options = options;
  }

  /**
   * @param options.sessionOnly - for a legacy SSE session: speaks only the
   * 2025-era revisions, which negotiate with `initialize`; 2026-07-28 has no
   * sessions and is served on Streamable HTTP.
   * @param options.era - the era the SDK builds this server for; the Tasks
   * extension is served on 2026-07-28 only.
   * @param options.forApps - for a client that declared the MCP Apps
   * extension (or, on legacy SSE, one that may declare it at `initialize`):
   * declares the extension and the `resources` capability and serves the
   * apps' `ui://` resources, where the server offers apps. Other clients
   * get the capabilities they got before apps existed.
   */
  build(
    server: McpServerConfig,
    options?: {
      sessionOnly?: boolean;
      era?: 'modern' | 'legacy';
      forApps?: boolean;
    },
  ): Server {
    const { listTtlMs, tasks, catalogFeatures } = this.#options;
    const forApps = options?.forApps ?? false;
    const mcp = new TaskAwareServer(this.serverInfo(server), {
      capabilities: {
        tools: { listChanged: false },
        ...catalogFeatures?.capabilities(server, forApps),
      },
      ...(options?.sessionOnly
        ? { supportedProtocolVersions: SUPPORTED_PROTOCOL_VERSIONS }
        : {}),
      ...(server.instructions ? { instructions: server.instructions } : {}),
      // The list differs per caller, and each caller's list is kept for
      // the cache's TTL: a client may keep it that long, privately.
      cacheHints: {
        'tools/list': { ttlMs: listTtlMs, cacheScope: 'private' },
        // Capabilities and server info change only with a deployment.
        'server/discover': { ttlMs: 300_000, cacheScope: 'private' },
        ...catalogFeatures?.cacheHints(server, forApps),
      },
      ...(this.#options.callStateCodec
        ? { requestState: { verify: this.#options.callStateCodec.verify } }
        : {}),
    });

    mcp.setRequestHandler('tools/list', async (request, ctx) => {
      const caller = requireCaller(ctx);
      const toolset = await this.listTools(
        server,
        caller,
        protocolVersionOf(ctx, mcp, caller.request),
        this.offersApps(server) &&
          clientDeclaresUi(ctx, mcp, caller.request.headers),
      );
      // Paged only when the server says so; the fast lane leaves the
      // lists of such servers to this handler.
      return server.toolsPageSize
        ? pageOfTools(
            toolset,
            server.key,
            server.toolsPageSize,
            request.params?.cursor,
          )
        : toolset.listResult;
    });

    mcp.setRequestHandler('tools/call', async (request, ctx) => {
      const answer = await this.#options.pipeline.call(
        {
          server,
          caller: requireCaller(ctx),
          id: ctx.mcpReq.id,
          name: request.params.name,
          input: (request.params.arguments ?? {}) as JsonObject,
          meta: ctx.mcpReq._meta as JsonObject | undefined,
          signal: ctx.mcpReq.signal,
        },
        { ctx, mcp },
      );
      // The SDK's types know no task handle; TaskAwareServer sends it as is.
      return answer as CallToolResult;
    });

    if (tasks?.offered && options?.era === 'modern') {
      serveTaskMethods(mcp, tasks, server.key);
    }
    catalogFeatures?.serve(mcp, server, forApps);
    return mcp;
  }

  /** How long a client may reuse a `tools/list` result (its `ttlMs`). */
  get listTtlMs(): number {
    return this.#options.listTtlMs;
  }

  /** Where every `tools/call` goes (the fast lane calls it too). */
  get pipeline(): ToolCallPipeline {
    return this.#options.pipeline;
  }

  /** Whether `server` points tools at the shipped MCP Apps. */
  offersApps(server: McpServerConfig): boolean {
    return this.#options.catalogFeatures?.appsOn(server) ?? false;
  }

  /**
   * The tools `server` shows the caller, as a client of `protocolVersion`
   * reads them (see `toolsetAsListed`; `withApps` for a client that
   * declared the MCP Apps extension), audited as a discovery. The version
   * is the one the request names in its header unless the caller knows
   * better (a legacy SSE session's, negotiated by `initialize`); on the fast
   * lane the header is exactly the version the SDK would serve.
   */
  async listTools(
    server: McpServerConfig,
    caller: Caller,
    protocolVersion = requestedProtocolVersion(caller.request),
    withApps = false,
  ): Promise<Toolset> {
    const { catalog, telemetry } = this.#options;
    const toolset = await catalog.toolsetFor(caller.credentials, server);
    telemetry
      .auditDiscovery({
        serverKey: server.key,
        request: caller.request,
        toolCount: toolset.tools.length,
      })
      .catch(() => {});
    return toolsetAsListed(
      servedToolset(toolset, server),
      server,
      protocolVersion,
      withApps,
    );
  }

  /** The identity every 2026-07-28 result carries in its `_meta`. */
  serverInfo(server: McpServerConfig): Implementation {
    return {
      name: server.name,
      version: this.#options.version,
      ...(server.description ? { description: server.description } : {}),
    };
  }
}
