import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { ActionsService } from '@backstage/backend-plugin-api/alpha';
import type { JsonObject } from '@backstage/types';
import {
  ProtocolError,
  ProtocolErrorCode,
  SUPPORTED_PROTOCOL_VERSIONS,
  type CallToolResult,
  type Implementation,
  type RequestStateCodec,
  type Server,
  type ServerContext,
} from '@modelcontextprotocol/server';
import { passGates } from '../toolCalls/gates/passGates';
import type { CallGate } from '../toolCalls/gates/types';
import type { CallRoundState } from '../toolCalls/requestState';
import { traceContextOf } from '../telemetry/traceContext';
import { withProgress } from '../toolCalls/withProgress';
import type { McpServerConfig } from '../config';
import { callerOf, type Caller } from './caller';
import { invokeWithLimits } from '../toolCalls/invokeWithLimits';
import { principalKey } from './principalKey';
import { serveTaskMethods } from '../tasks/serveTaskMethods';
import { TaskAwareServer } from '../tasks/TaskAwareServer';
import type { TaskManager } from '../tasks/TaskManager';
import type { ToolCallTelemetry } from '../telemetry/ToolCallTelemetry';
import type { ToolCatalog, ToolEntry, Toolset } from '../tools/ToolCatalog';
import { toolErrorResult, toolSuccessResult } from '../toolCalls/toolResults';

export interface McpServerFactoryOptions {
  catalog: ToolCatalog;
  actions: ActionsService;
  logger: LoggerService;
  version: string;
  toolCallTimeoutMs: number;
  /** How long a client may reuse a `tools/list` result (the list cache's TTL). */
  listTtlMs: number;
  /** What stands between a call and its action, in order (confirmation, secrets). */
  gates?: CallGate[];
  /** Signs the state of multi round-trip calls; without it no gate can ask. */
  callStateCodec?: RequestStateCodec<CallRoundState>;
  /**
   * How often a call that asked for progress (`_meta.progressToken`) gets a
   * progress notification while it runs.
   */
  progressIntervalMs: number;
  telemetry: ToolCallTelemetry;
  /** Long calls that become tasks (2026-07-28 clients declaring the extension). */
  tasks?: TaskManager;
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
    this.#options = {
      ...options,
      logger: options.logger.child({ component: 'mcp-server' }),
    };
  }

  /**
   * @param options.sessionOnly - for a legacy SSE session: speaks only the
   * 2025-era revisions, which negotiate with `initialize`; 2026-07-28 has no
   * sessions and is served on Streamable HTTP.
   * @param options.era - the era the SDK builds this server for; the Tasks
   * extension is served on 2026-07-28 only.
   */
  build(
    server: McpServerConfig,
    options?: { sessionOnly?: boolean; era?: 'modern' | 'legacy' },
  ): Server {
    const { listTtlMs, tasks } = this.#options;
    const mcp = new TaskAwareServer(this.serverInfo(server), {
      capabilities: { tools: { listChanged: false } },
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
      },
      ...(this.#options.callStateCodec
        ? { requestState: { verify: this.#options.callStateCodec.verify } }
        : {}),
    });

    mcp.setRequestHandler('tools/list', async (_request, ctx) => {
      const toolset = await this.listTools(server, requireCaller(ctx));
      return toolset.listResult;
    });

    mcp.setRequestHandler('tools/call', async (request, ctx) => {
      const caller = requireCaller(ctx);
      const { name } = request.params;
      const entry = await this.findTool(server, caller.credentials, name);
      if (!entry) {
        throw new ProtocolError(
          ProtocolErrorCode.InvalidParams,
          `Unknown tool "${name}": the "${server.name}" server offers no tool of that name to this caller; call tools/list for the available tools`,
        );
      }
      caller.exchange?.annotate(ctx.mcpReq.id, { toolName: entry.tool.name });
      const input = (request.params.arguments ?? {}) as JsonObject;
      if (caller.exchange?.isCancelledBeforeStart(ctx.mcpReq.id)) {
        caller.exchange.annotate(ctx.mcpReq.id, { toolError: true });
        return toolErrorResult(
          new Error(
            `Tool "${entry.tool.name}" was cancelled by the client before it started`,
          ),
        );
      }
      const gated = await passGates({
        gates: this.#options.gates ?? [],
        codec: this.#options.callStateCodec,
        server: mcp,
        ctx,
        call: { entry, input, caller, serverKey: server.key },
      });
      if (gated.kind === 'answer') {
        if ('isError' in gated.result && gated.result.isError) {
          caller.exchange?.annotate(ctx.mcpReq.id, { toolError: true });
        }
        return gated.result;
      }
      const run = (signal: AbortSignal) =>
        withProgress(
          ctx,
          this.#options.progressIntervalMs,
          entry.tool.name,
          () =>
            this.runTool({
              server,
              entry,
              input,
              caller,
              meta: ctx.mcpReq._meta,
              signal,
              secrets: gated.secrets,
            }),
        );
      // An eligible call still running after `tasks.after` answers with a task.
      const result = tasks
        ? await tasks.call({
            ctx,
            principal: principalKey(caller.credentials),
            serverKey: server.key,
            entry,
            run,
          })
        : await run(ctx.mcpReq.signal);
      if ('isError' in result && result.isError) {
        caller.exchange?.annotate(ctx.mcpReq.id, { toolError: true });
      }
      // The SDK's types know no task handle; TaskAwareServer sends it as is.
      return result as CallToolResult;
    });

    if (tasks?.offered && options?.era === 'modern') {
      serveTaskMethods(mcp, tasks, server.key);
    }
    return mcp;
  }

  /** How long a client may reuse a `tools/list` result (its `ttlMs`). */
  get listTtlMs(): number {
    return this.#options.listTtlMs;
  }

  /** The tools `server` shows the caller, audited as a discovery. */
  async listTools(server: McpServerConfig, caller: Caller): Promise<Toolset> {
    const { catalog, telemetry } = this.#options;
    const toolset = await catalog.toolsetFor(caller.credentials, server);
    telemetry
      .auditDiscovery({
        serverKey: server.key,
        request: caller.request,
        toolCount: toolset.tools.length,
      })
      .catch(() => {});
    return toolset;
  }

  /** The caller's tool of this name (or dotted name) on `server`. */
  async findTool(
    server: McpServerConfig,
    credentials: BackstageCredentials,
    name: string,
  ): Promise<ToolEntry | undefined> {
    const toolset = await this.#options.catalog.toolsetFor(credentials, server);
    return toolset.find(name);
  }

  /** The identity every 2026-07-28 result carries in its `_meta`. */
  serverInfo(server: McpServerConfig): Implementation {
    return {
      name: server.name,
      version: this.#options.version,
      ...(server.description ? { description: server.description } : {}),
    };
  }

  /**
   * Whether a call of this tool is plain: no gate has anything to decide
   * for it and it can never become a task, so it is the action's answer
   * and nothing else, whatever the client sent.
   */
  isPlainCall(entry: ToolEntry): boolean {
    const { gates = [], tasks } = this.#options;
    return (
      !gates.some(gate => gate.concerns(entry)) && !tasks?.mayBecomeTask(entry)
    );
  }

  /**
   * Runs the tool past its gates: the action with the caller's
   * credentials, inside the call's span and audit event, bounded by the
   * call timeout and by `signal`. Never throws; failures are `isError`
   * results.
   */
  runTool(call: {
    server: McpServerConfig;
    entry: ToolEntry;
    input: JsonObject;
    caller: Caller;
    /** The request's `params._meta` (trace context). */
    meta: unknown;
    signal: AbortSignal;
    secrets?: JsonObject;
  }): Promise<CallToolResult> {
    const { server, entry, input, caller } = call;
    return this.#options.telemetry.observe(
      {
        serverKey: server.key,
        target: {
          toolName: entry.tool.name,
          actionId: entry.action.id,
          readOnly: entry.action.attributes.readOnly,
          destructive: entry.action.attributes.destructive,
        },
        arguments: input,
        credentials: caller.credentials,
        request: caller.request,
        traceContext: traceContextOf(call.meta),
      },
      () =>
        this.#callTool(
          entry,
          input,
          caller.credentials,
          call.signal,
          call.secrets,
        ),
    );
  }

  async #callTool(
    entry: ToolEntry,
    input: JsonObject,
    credentials: BackstageCredentials,
    signal: AbortSignal,
    secrets?: JsonObject,
  ): Promise<CallToolResult> {
    const { actions, logger, toolCallTimeoutMs } = this.#options;
    try {
      const { output } = await invokeWithLimits(
        () =>
          actions.invoke({
            id: entry.action.id,
            input,
            credentials,
            ...(secrets ? { secrets } : {}),
          }),
        {
          timeoutMs: toolCallTimeoutMs,
          signal,
          label: `Tool "${entry.tool.name}"`,
        },
      );
      return toolSuccessResult(output);
    } catch (error) {
      logger.warn('Tool call failed', {
        tool: entry.tool.name,
        action: entry.action.id,
        error: String(error),
      });
      return toolErrorResult(error);
    }
  }
}

/** The caller the router attached to this message's `authInfo`. */
function requireCaller(ctx: ServerContext): Caller {
  const caller = callerOf(ctx.http?.authInfo);
  if (!caller) {
    // Every route authenticates before a message reaches a server.
    throw new ProtocolError(
      ProtocolErrorCode.InternalError,
      'The request reached the MCP server without credentials',
    );
  }
  return caller;
}
