import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { ActionsService } from '@backstage/backend-plugin-api/alpha';
import type { JsonObject } from '@backstage/types';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
// The low-level Server, not McpServer: tools are decided per caller and
// arrive as ready-made JSON Schema, which McpServer's zod-based API cannot take.
// eslint-disable-next-line @typescript-eslint/no-deprecated
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  ErrorCode,
  McpError,
  type CallToolRequest,
  type CallToolResult,
} from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod/v4';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { Request } from 'express';
import type { McpServerConfig } from '../config';
import type { McpMetrics } from '../telemetry/metrics';
import { serverKeyOf } from '../telemetry/metrics';
import { OperationRecorder } from '../telemetry/OperationRecorder';
import type { ToolCallTelemetry } from '../telemetry/ToolCallTelemetry';
import { invokeWithLimits } from './invokeWithLimits';
import type { ToolCatalog, ToolEntry } from './ToolCatalog';
import { toolErrorResult, toolSuccessResult } from './toolResults';

/**
 * Request envelopes that accept any params. With the SDK's full schemas a
 * malformed tools/call (no name, arguments not an object) fails before the
 * handler and reaches the client as an internal error (-32603); this way the
 * SDK's own tools/call validation answers it as invalid params (-32602).
 */
const ListToolsEnvelope = z.looseObject({
  method: z.literal('tools/list'),
  params: z.unknown().optional(),
});
const CallToolEnvelope = z.looseObject({
  method: z.literal('tools/call'),
  params: z.unknown().optional(),
});

/**
 * The SDK server builds a JSON Schema validator (a new Ajv) per instance
 * unless given one, and it is created per request; one shared instance
 * saves that work. (A server only uses it for elicitation, which this one
 * never asks for.)
 */
const sharedValidator = new AjvJsonSchemaValidator();

/** Who sent a message, and over which HTTP request. */
export interface Caller {
  credentials: BackstageCredentials;
  request?: Request;
}

/**
 * Hands the caller of the HTTP request that delivered a message to the
 * handlers (the SDK passes `authInfo` through). On the legacy SSE transport
 * that is the message POST, so calls use fresh credentials rather than
 * those of the request that opened the stream.
 */
export function authInfoFor(caller: Caller): AuthInfo {
  return { token: '', clientId: '', scopes: [], extra: { caller } };
}

export interface McpServerFactoryOptions {
  catalog: ToolCatalog;
  actions: ActionsService;
  logger: LoggerService;
  version: string;
  toolCallTimeoutMs: number;
  metrics: McpMetrics;
  telemetry: ToolCallTelemetry;
}

export interface ConnectOptions {
  server: McpServerConfig;
  transport: Transport;
  /** The caller that opened the connection; messages may bring their own. */
  caller: Caller;
}

/**
 * Builds an MCP SDK server for one connection: bound to one configured
 * server and one transport, with every operation measured. Everything else
 * is prepared once; one SDK server can serve only one transport at a time.
 */
export class McpServerFactory {
  readonly #options: McpServerFactoryOptions;

  static create(options: McpServerFactoryOptions): McpServerFactory {
    return new McpServerFactory(options);
  }

  private constructor(options: McpServerFactoryOptions) {
    this.#options = options;
  }

  async connect({ server, transport, caller }: ConnectOptions) {
    const { catalog, version, telemetry } = this.#options;
    const recorder = new OperationRecorder(
      this.#options.metrics,
      serverKeyOf(server.key),
    );
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const mcp = new Server(
      {
        name: server.name,
        version,
        ...(server.description ? { description: server.description } : {}),
      },
      {
        capabilities: { tools: { listChanged: false } },
        jsonSchemaValidator: sharedValidator,
        ...(server.instructions ? { instructions: server.instructions } : {}),
      },
    );
    const callerOf = (authInfo?: AuthInfo): Caller =>
      (authInfo?.extra?.caller as Caller | undefined) ?? caller;

    mcp.setRequestHandler(ListToolsEnvelope, async (_request, extra) => {
      const current = callerOf(extra.authInfo);
      const toolset = await catalog.toolsetFor(current.credentials, server);
      telemetry
        .auditDiscovery({
          serverKey: server.key,
          request: current.request,
          toolCount: toolset.tools.length,
        })
        .catch(() => {});
      return toolset.listResult;
    });

    mcp.setRequestHandler(CallToolEnvelope, async (envelope, extra) => {
      // Validated by the SDK's tools/call wrapper before this runs.
      const request = envelope as unknown as CallToolRequest;
      const { name } = request.params;
      const current = callerOf(extra.authInfo);
      const toolset = await catalog.toolsetFor(current.credentials, server);
      const entry = toolset.find(name);
      if (!entry) {
        throw new McpError(
          ErrorCode.InvalidParams,
          `Unknown tool "${name}": the "${server.name}" server offers no tool of that name to this caller; call tools/list for the available tools`,
        );
      }
      recorder.annotate(extra.requestId, { 'gen_ai.tool.name': entry.tool.name });
      const input = (request.params.arguments ?? {}) as JsonObject;
      return telemetry.observe(
        {
          serverKey: server.key,
          entry,
          arguments: input,
          credentials: current.credentials,
          request: current.request,
          traceContext: traceContextOf(request.params._meta),
        },
        () => this.#callTool(entry, input, current.credentials, extra.signal),
      );
    });

    await mcp.connect(transport);
    recorder.attach(transport);
    return { mcp, recorder };
  }

  async #callTool(
    entry: ToolEntry,
    input: JsonObject,
    credentials: BackstageCredentials,
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
      logger.warn(
        `Tool "${entry.tool.name}" (action "${entry.action.id}") failed: ${error}`,
      );
      return toolErrorResult(error);
    }
  }
}

/** W3C trace context a client put in `params._meta`, per the MCP conventions. */
function traceContextOf(meta: unknown): Record<string, string> | undefined {
  if (!meta || typeof meta !== 'object') {
    return undefined;
  }
  const carrier: Record<string, string> = {};
  for (const key of ['traceparent', 'tracestate', 'baggage']) {
    const value = (meta as Record<string, unknown>)[key];
    if (typeof value === 'string') {
      carrier[key] = value;
    }
  }
  return carrier.traceparent ? carrier : undefined;
}
