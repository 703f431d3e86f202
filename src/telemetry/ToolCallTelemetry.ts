import type {
  AuditorService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import type {
  MetricsServiceCounter,
  TracingService,
  TracingServiceAttributes,
} from '@backstage/backend-plugin-api/alpha';
import type { JsonObject } from '@backstage/types';
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { Request } from 'express';
import { serverKeyOf, type RefusalAttributes } from './metrics';

/** The tool and action of a call, as telemetry needs them. */
export interface ToolCallTarget {
  toolName: string;
  actionId: string;
  readOnly: boolean;
  destructive: boolean;
}

export interface ToolCallDetails {
  serverKey: string | undefined;
  target: ToolCallTarget;
  arguments: JsonObject;
  /** The HTTP request that carried the call; its caller is the audit actor. */
  request?: Request;
  /** W3C trace context sent in the request's `params._meta`, if any. */
  traceContext?: Record<string, string>;
  credentials: BackstageCredentials;
}

export interface ToolCallTelemetryOptions {
  tracing: TracingService;
  auditor: AuditorService;
  /** Put arguments and results on spans and audit events. */
  capturePayloads: boolean;
  /** Counts the calls refused before their action ran. */
  refusals?: MetricsServiceCounter<RefusalAttributes>;
}

/** Why a call was refused before its action ran, and what the caller was told. */
export interface ToolCallRefusal {
  /** The step that refused: `permission`, `rate-limit`, or a check's name. */
  reason: string;
  message: string;
}

/**
 * A span (`tools/call <tool>`, kind server) and an audit event for every tool
 * call. The span's parent is the trace context the client sent in
 * `params._meta`, or else the HTTP request's. Audit severity follows the
 * action: read-only calls are `low`, destructive ones `high`.
 */
export class ToolCallTelemetry {
  readonly #options: ToolCallTelemetryOptions;

  constructor(options: ToolCallTelemetryOptions) {
    this.#options = options;
  }

  async observe(
    details: ToolCallDetails,
    run: () => Promise<CallToolResult>,
  ): Promise<CallToolResult> {
    const { tracing } = this.#options;
    const { target } = details;
    const carrier = details.traceContext ?? headerCarrier(details.request);
    const parent = tracing.propagation.extract(
      tracing.context.active(),
      carrier,
    );
    return tracing.context.with(parent, () =>
      tracing.startActiveSpan(
        `tools/call ${target.toolName}`,
        {
          kind: 'server',
          credentials: details.credentials,
          attributes: this.#spanAttributes(details),
        },
        async span => {
          const audit = await this.#auditStart(details);
          const result = await run();
          if (result.isError) {
            const message = textOf(result);
            span.setAttribute('error.type', 'tool_error');
            span.setStatus({ code: 'error', message });
            await audit?.fail({
              error: Object.assign(new Error(message), { name: 'ToolError' }),
            });
          } else {
            if (this.#options.capturePayloads) {
              span.setAttribute(
                'gen_ai.tool.call.result',
                JSON.stringify(result.structuredContent ?? textOf(result)),
              );
            }
            await audit?.success();
          }
          return result;
        },
      ),
    );
  }

  /**
   * A call refused before its action ran (a permission policy, a rate
   * limit): its `tool-execution` audit event, failed with the reason, and
   * the refusals counter. Never throws.
   */
  async refused(details: ToolCallDetails, refusal: ToolCallRefusal) {
    const { target } = details;
    this.#options.refusals?.add(1, {
      'backstage.mcp.refusal.reason': refusal.reason,
      'gen_ai.tool.name': target.toolName,
      'backstage.mcp.server.key': serverKeyOf(details.serverKey),
    });
    const audit = await this.#auditStart(details, refusal.reason);
    try {
      await audit?.fail({
        error: Object.assign(new Error(refusal.message), {
          name: 'ToolCallRefused',
        }),
      });
    } catch {
      // The audit log failing must not turn a refusal into an error.
    }
  }

  /** An audit event for a tools/list. */
  async auditDiscovery(details: {
    serverKey: string | undefined;
    request?: Request;
    toolCount: number;
  }) {
    const event = await this.#options.auditor.createEvent({
      eventId: 'tool-discovery',
      severityLevel: 'low',
      request: details.request,
      meta: {
        server: serverKeyOf(details.serverKey),
        toolCount: details.toolCount,
      },
    });
    await event.success();
  }

  #spanAttributes(details: ToolCallDetails): TracingServiceAttributes {
    const { target } = details;
    return {
      'mcp.method.name': 'tools/call',
      'gen_ai.tool.name': target.toolName,
      'gen_ai.operation.name': 'execute_tool',
      'network.transport': 'tcp',
      'network.protocol.name': 'http',
      'backstage.mcp.server.key': serverKeyOf(details.serverKey),
      'backstage.action.id': target.actionId,
      ...(this.#options.capturePayloads
        ? { 'gen_ai.tool.call.arguments': JSON.stringify(details.arguments) }
        : {}),
    };
  }

  async #auditStart(details: ToolCallDetails, refusedBy?: string) {
    const { target } = details;
    const { readOnly, destructive } = target;
    try {
      return await this.#options.auditor.createEvent({
        eventId: 'tool-execution',
        severityLevel: severityOf(readOnly, destructive),
        request: details.request,
        meta: {
          server: serverKeyOf(details.serverKey),
          tool: target.toolName,
          actionId: target.actionId,
          readOnly,
          destructive,
          ...(refusedBy ? { refusedBy } : {}),
          ...(this.#options.capturePayloads
            ? { arguments: details.arguments }
            : {}),
        },
      });
    } catch {
      return undefined;
    }
  }
}

function headerCarrier(request?: Request): Record<string, string> {
  const carrier: Record<string, string> = {};
  for (const name of ['traceparent', 'tracestate', 'baggage']) {
    const value = request?.headers[name];
    if (typeof value === 'string') {
      carrier[name] = value;
    }
  }
  return carrier;
}

function textOf(result: CallToolResult): string {
  const first = result.content?.[0];
  return first && first.type === 'text' ? first.text : 'tool error';
}

/** Destructive calls stand out; read-only ones stay at the bottom. */
function severityOf(readOnly: boolean, destructive: boolean) {
  if (destructive) {
    return 'high';
  }
  return readOnly ? 'low' : 'medium';
}
