import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { ActionsService } from '@backstage/backend-plugin-api/alpha';
import type { JsonObject } from '@backstage/types';
// The low-level Server, not McpServer: tools are decided per caller and
// arrive as ready-made JSON Schema, which McpServer's zod-based API cannot take.
// eslint-disable-next-line @typescript-eslint/no-deprecated
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { McpServerConfig } from '../config';
import { invokeWithLimits } from './invokeWithLimits';
import type { ToolCatalog, ToolEntry } from './ToolCatalog';
import { toolErrorResult, toolSuccessResult } from './toolResults';

/**
 * Carries the credentials of the HTTP request that delivered a message to
 * the handlers (the SDK hands `authInfo` through). On the legacy SSE
 * transport this is the message POST, so calls use fresh credentials rather
 * than those of the request that opened the stream.
 */
export function authInfoFor(credentials: BackstageCredentials): AuthInfo {
  return { token: '', clientId: '', scopes: [], extra: { credentials } };
}

function credentialsOf(
  authInfo: AuthInfo | undefined,
  fallback: BackstageCredentials,
): BackstageCredentials {
  return (authInfo?.extra?.credentials as BackstageCredentials) ?? fallback;
}

/** What the server knows about a tool call, for telemetry and audit. */
export interface ToolCallContext {
  server: McpServerConfig;
  credentials: BackstageCredentials;
  entry: ToolEntry;
  arguments: JsonObject;
  /** The JSON-RPC request id, to tie the call to its operation record. */
  requestId: string | number;
}

/** Observes tool calls; telemetry and audit plug in here. */
export interface ToolCallObserver {
  observe(
    context: ToolCallContext,
    run: () => Promise<CallToolResult>,
  ): Promise<CallToolResult>;
  /** A call naming a tool this server does not offer the caller. */
  unknownTool?(requestId: string | number): void;
}

export interface McpServerFactoryOptions {
  catalog: ToolCatalog;
  actions: ActionsService;
  logger: LoggerService;
  version: string;
  toolCallTimeoutMs: number;
  observer?: ToolCallObserver;
}

/**
 * Builds an MCP SDK server bound to one caller on one configured server.
 * Everything it needs is prepared once; only the binding is per request,
 * since one SDK server can serve only one transport at a time.
 */
export class McpServerFactory {
  readonly #options: McpServerFactoryOptions;

  static create(options: McpServerFactoryOptions): McpServerFactory {
    return new McpServerFactory(options);
  }

  private constructor(options: McpServerFactoryOptions) {
    this.#options = options;
  }

  create(server: McpServerConfig, credentials: BackstageCredentials): Server {
    const { catalog, version } = this.#options;
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const mcp = new Server(
      {
        name: server.name,
        version,
        ...(server.description ? { description: server.description } : {}),
      },
      {
        capabilities: { tools: { listChanged: false } },
        ...(server.instructions ? { instructions: server.instructions } : {}),
      },
    );

    mcp.setRequestHandler(ListToolsRequestSchema, async (_request, extra) => {
      const toolset = await catalog.toolsetFor(
        credentialsOf(extra.authInfo, credentials),
        server,
      );
      return { tools: toolset.tools };
    });

    mcp.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
      const { name } = request.params;
      const caller = credentialsOf(extra.authInfo, credentials);
      const toolset = await catalog.toolsetFor(caller, server);
      const entry = toolset.find(name);
      if (!entry) {
        this.#options.observer?.unknownTool?.(extra.requestId);
        throw new McpError(
          ErrorCode.InvalidParams,
          `Unknown tool "${name}": the "${server.name}" server offers no tool of that name to this caller; call tools/list for the available tools`,
        );
      }
      const context: ToolCallContext = {
        server,
        credentials: caller,
        entry,
        arguments: (request.params.arguments ?? {}) as JsonObject,
        requestId: extra.requestId,
      };
      const run = () => this.#callTool(context, extra.signal);
      return this.#options.observer
        ? this.#options.observer.observe(context, run)
        : run();
    });

    return mcp;
  }

  async #callTool(
    { entry, credentials, arguments: input }: ToolCallContext,
    signal: AbortSignal,
  ): Promise<CallToolResult> {
    const { actions, logger, toolCallTimeoutMs } = this.#options;
    try {
      const { output } = await invokeWithLimits(
        () => actions.invoke({ id: entry.action.id, input, credentials }),
        {
          timeoutMs: toolCallTimeoutMs,
          signal,
          label: `Tool "${entry.tool.name}"`,
        },
      );
      return toolSuccessResult(output);
    } catch (error) {
      logger.warn(`Tool "${entry.tool.name}" (action "${entry.action.id}") failed`, error as Error);
      return toolErrorResult(error);
    }
  }
}
