import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { ActionsService } from '@backstage/backend-plugin-api/alpha';
import type { JsonObject } from '@backstage/types';
import {
  ProtocolError,
  ProtocolErrorCode,
  type CallToolResult,
  type InputRequiredResult,
  type RequestId,
  type RequestStateCodec,
  type Server,
  type ServerContext,
} from '@modelcontextprotocol/server';
import type { McpServerConfig } from '../tools/readToolsConfig';
import type { Caller } from '../mcpServer/caller';
import { principalKey } from '../mcpServer/principalKey';
import type { ToolCatalog, ToolEntry } from '../tools/ToolCatalog';
import { servedToolset } from '../tools/toolSearch';
import type { CreateTaskResult } from '../tasks/taskWire';
import type { TaskManager } from '../tasks/TaskManager';
import type {
  ToolCallDetails,
  ToolCallTelemetry,
} from '../telemetry/ToolCallTelemetry';
import { traceContextOf } from '../telemetry/traceContext';
import type { CallCheck } from './CallCheck';
import { passGates } from './gates/passGates';
import type { CallGate } from './gates/types';
import { invokeWithLimits } from './invokeWithLimits';
import type { CallRoundState } from './requestState';
import { textOf, toolErrorResult, toolSuccessResult } from './toolResults';
import { withProgress } from './withProgress';

/** One `tools/call` as a lane hands it over. */
export interface ToolCall {
  server: McpServerConfig;
  caller: Caller;
  /** The JSON-RPC id, under which the exchange records the call's metric. */
  id: RequestId;
  /** The tool's name as the client sent it (its own or the dotted form). */
  name: string;
  input: JsonObject;
  /** The request's `params._meta` (trace context, progress token). */
  meta: JsonObject | undefined;
  /** Aborts when the client goes away or cancels. */
  signal: AbortSignal;
}

/**
 * The SDK's context of a request, which asking the user (multi
 * round-trip), progress and tasks need.
 */
export interface ProtocolContext {
  ctx: ServerContext;
  mcp: Server;
}

/** What a call answers: a tool result, a round of questions, or a task. */
export type ToolCallAnswer =
  | CallToolResult
  | InputRequiredResult
  | CreateTaskResult;

export interface ToolCallPipelineOptions {
  catalog: ToolCatalog;
  actions: ActionsService;
  logger: LoggerService;
  telemetry: ToolCallTelemetry;
  toolCallTimeoutMs: number;
  /** How often a call that asked for progress hears that it still runs. */
  progressIntervalMs: number;
  /** Who may call what, how often: refusals before anything is asked. */
  checks?: CallCheck[];
  /** What stands between a call and its action, in order (confirmation, secrets). */
  gates?: CallGate[];
  /** Signs the state of multi round-trip calls; without it no gate can ask. */
  callStateCodec?: RequestStateCodec<CallRoundState>;
  /** Long calls that become tasks (2026-07-28 clients declaring the extension). */
  tasks?: TaskManager;
}

/**
 * The one way a `tools/call` reaches an action, whatever carried it
 * (2026-07-28 or 2025 Streamable HTTP, legacy SSE, the fast lane, a call
 * that becomes a task). The steps, in order:
 *
 * 1. resolve the tool among those the caller is shown on this server;
 * 2. checks (`CallCheck`: permissions, rate limits), each may refuse;
 * 3. a call cancelled in its own batch ends here;
 * 4. gates (`CallGate`: confirmation, secrets), which may ask the user;
 * 5. the task decision (a long call becomes a task);
 * 6. the action, with the caller's credentials, the timeout and the
 *    call's abort signal, inside its span, audit event and metric; a
 *    built-in tool (the search tool) answers here in its place.
 *
 * Lanes only translate between their wire and `ToolCall`/`ToolCallOutcome`.
 * A step added here applies to every lane (`everyLane.test.ts`).
 */
export class ToolCallPipeline {
  readonly #options: ToolCallPipelineOptions;
  readonly #logger: LoggerService;

  constructor(options: ToolCallPipelineOptions) {
    this.#options = options;
    this.#logger = options.logger.child({ component: 'tool-calls' });
  }

  /**
   * Runs the call through every step, for a lane that has the SDK's
   * context. Throws a `ProtocolError` for what the protocol answers as an
   * error (an unknown tool, a refused round), never for what the action
   * did: that is an `isError` result.
   */
  async call(
    call: ToolCall,
    protocol: ProtocolContext,
  ): Promise<ToolCallAnswer> {
    return (await this.#run(call, protocol)) as ToolCallAnswer;
  }

  /**
   * The same, for a lane without the SDK's context (the fast lane):
   * undefined, before any step has acted, when the call needs that
   * context (a gate may ask the user, or it may become a task); the lane
   * then hands the request to the SDK.
   */
  async callWithoutProtocol(
    call: ToolCall,
  ): Promise<CallToolResult | undefined> {
    return (await this.#run(call, undefined)) as CallToolResult | undefined;
  }

  async #run(
    call: ToolCall,
    protocol: ProtocolContext | undefined,
  ): Promise<ToolCallAnswer | undefined> {
    const { server, caller, id, input } = call;
    const exchange = caller.exchange;

    // 1. Resolve.
    const toolset = await this.#options.catalog.toolsetFor(
      caller.credentials,
      server,
    );
    const entry = servedToolset(toolset, server).find(call.name);
    if (!entry) {
      // A tool the permission policy hides reads as unknown, as MCP asks
      // for a tool the caller may not use; the refusal is audited.
      const denied = await this.#options.catalog.deniedTool(
        caller.credentials,
        server,
        call.name,
      );
      const message = `Unknown tool "${call.name}": the "${server.name}" server offers no tool of that name to this caller; call tools/list for the available tools`;
      if (denied) {
        await this.#options.telemetry.refused(this.#detailsOf(call, denied), {
          reason: 'permission',
          message: `Not allowed to call "${denied.tool.name}" (mcp.tool.invoke denied by the permission policy)`,
        });
      }
      throw new ProtocolError(ProtocolErrorCode.InvalidParams, message);
    }
    if (!protocol && this.#needsProtocol(entry)) {
      return undefined;
    }
    exchange?.annotate(id, { toolName: entry.tool.name });
    const answer = (result: CallToolResult | InputRequiredResult) => {
      if ('isError' in result && result.isError) {
        exchange?.annotate(id, { toolError: true });
      }
      return result;
    };

    // 2. Checks.
    for (const check of this.#options.checks ?? []) {
      let refusal: CallToolResult | undefined;
      try {
        refusal = await check.check({ server, caller, entry, input });
      } catch (error) {
        await this.#refused(call, entry, check, String(error));
        throw error;
      }
      if (refusal) {
        await this.#refused(call, entry, check, textOf(refusal));
        return answer(refusal);
      }
    }

    // 3. Cancelled before it started.
    if (exchange?.isCancelledBeforeStart(id)) {
      return answer(
        toolErrorResult(
          new Error(
            `Tool "${entry.tool.name}" was cancelled by the client before it started`,
          ),
        ),
      );
    }

    // 4. Gates.
    let secrets: JsonObject | undefined;
    if (protocol) {
      const gated = await passGates({
        gates: this.#options.gates ?? [],
        codec: this.#options.callStateCodec,
        server: protocol.mcp,
        ctx: protocol.ctx,
        call: { entry, input, caller, serverKey: server.key },
      });
      if (gated.kind === 'answer') {
        return answer(gated.result);
      }
      secrets = gated.secrets;
    }

    // 5 and 6. The task decision around the action.
    const protocolCtx = protocol?.ctx;
    const run = (signal: AbortSignal) => {
      const invoke = () =>
        this.#invoke(call, entry, caller.credentials, signal, secrets);
      return protocolCtx
        ? withProgress(
            protocolCtx,
            this.#options.progressIntervalMs,
            entry.tool.name,
            invoke,
          )
        : invoke();
    };
    const { tasks } = this.#options;
    if (tasks && protocolCtx) {
      const result = await tasks.call({
        ctx: protocolCtx,
        principal: principalKey(caller.credentials),
        serverKey: server.key,
        entry,
        run,
      });
      if (result.resultType === 'task') {
        return result;
      }
      return answer(result as CallToolResult);
    }
    return answer(await run(call.signal));
  }

  /**
   * Whether a call of this tool needs the SDK's context: a gate may ask
   * the user about it, or it may become a task.
   */
  #needsProtocol(entry: ToolEntry): boolean {
    const { gates = [], tasks } = this.#options;
    return (
      gates.some(gate => gate.concerns(entry)) ||
      Boolean(tasks?.mayBecomeTask(entry))
    );
  }

  /** The call as telemetry and audit see it. */
  #detailsOf(call: ToolCall, entry: ToolEntry): ToolCallDetails {
    return {
      serverKey: call.server.key,
      target: {
        toolName: entry.tool.name,
        actionId: entry.action.id,
        readOnly: entry.action.attributes.readOnly,
        destructive: entry.action.attributes.destructive,
      },
      arguments: call.input,
      credentials: call.caller.credentials,
      request: call.caller.request,
      traceContext: traceContextOf(call.meta),
    };
  }

  /** A check refused the call: audited and counted, then answered. */
  async #refused(
    call: ToolCall,
    entry: ToolEntry,
    check: CallCheck,
    message: string,
  ) {
    this.#logger.info('Tool call refused', {
      tool: entry.tool.name,
      check: check.name,
    });
    await this.#options.telemetry.refused(this.#detailsOf(call, entry), {
      reason: check.name,
      message,
    });
  }

  /**
   * The action with the caller's credentials, inside the call's span and
   * audit event, bounded by the call timeout and by `signal`. Never
   * throws: failures are `isError` results. The only place that invokes
   * an action.
   */
  #invoke(
    call: ToolCall,
    entry: ToolEntry,
    credentials: BackstageCredentials,
    signal: AbortSignal,
    secrets: JsonObject | undefined,
  ): Promise<CallToolResult> {
    const { actions, telemetry, toolCallTimeoutMs } = this.#options;
    return telemetry.observe(
      { ...this.#detailsOf(call, entry), credentials },
      async () => {
        try {
          if (entry.answer) {
            // A tool of the plugin's own (the search tool): no action.
            return await entry.answer(call.input);
          }
          const { output } = await invokeWithLimits(
            () =>
              actions.invoke({
                id: entry.action.id,
                input: call.input,
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
          this.#logger.warn('Tool call failed', {
            tool: entry.tool.name,
            action: entry.action.id,
            error: String(error),
          });
          return toolErrorResult(error);
        }
      },
    );
  }
}
