import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type {
  JSONRPCErrorResponse,
  JSONRPCMessage,
  JSONRPCNotification,
  JSONRPCRequest,
  JSONRPCResultResponse,
  RequestId,
} from '@modelcontextprotocol/sdk/types.js';
import type { McpMetrics, OperationAttributes } from './metrics';

/** Methods MCP defines; any other is recorded as `_OTHER`, bounding cardinality. */
const KNOWN_METHODS = new Set([
  'initialize',
  'ping',
  'tools/list',
  'tools/call',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'resources/subscribe',
  'resources/unsubscribe',
  'prompts/list',
  'prompts/get',
  'completion/complete',
  'logging/setLevel',
  'tasks/get',
  'tasks/list',
  'tasks/cancel',
  'tasks/result',
  'notifications/initialized',
  'notifications/cancelled',
  'notifications/progress',
  'notifications/roots/list_changed',
]);

interface Pending {
  startedAt: bigint;
  attributes: OperationAttributes;
}

/**
 * Records `mcp.server.operation.duration` for every request and notification
 * that passes through one transport: from the moment the message arrives to
 * the moment its response is handed back (requests) or it has been handled
 * (notifications). Sitting on the transport, it sees every method, those the
 * SDK answers itself (initialize, ping, unknown methods) included.
 */
export class OperationRecorder {
  readonly #metrics: McpMetrics;
  readonly #base: Pick<
    OperationAttributes,
    'network.transport' | 'network.protocol.name' | 'backstage.mcp.server.key'
  >;
  readonly #pending = new Map<RequestId, Pending>();
  /** The version negotiated on this connection, once known. */
  protocolVersion?: string;

  constructor(metrics: McpMetrics, serverKey: string) {
    this.#metrics = metrics;
    this.#base = {
      'network.transport': 'tcp',
      'network.protocol.name': 'http',
      'backstage.mcp.server.key': serverKey,
    };
  }

  /** Hooks into a transport the SDK server is already connected to. */
  attach(transport: Transport) {
    const deliver = transport.onmessage;
    transport.onmessage = (message, extra) => {
      const header = extra?.requestInfo?.headers?.['mcp-protocol-version'];
      if (typeof header === 'string' && !this.protocolVersion) {
        this.protocolVersion = header;
      }
      if (isRequest(message)) {
        this.#pending.set(message.id, {
          startedAt: process.hrtime.bigint(),
          attributes: this.#attributesFor(message.method),
        });
        deliver?.(message, extra);
      } else if (isNotification(message)) {
        if (message.method === 'notifications/cancelled') {
          this.#cancelled(message.params?.requestId as RequestId | undefined);
        }
        const startedAt = process.hrtime.bigint();
        deliver?.(message, extra);
        this.#record({ startedAt, attributes: this.#attributesFor(message.method) });
      } else {
        deliver?.(message, extra);
      }
    };

    const send = transport.send.bind(transport);
    transport.send = (message: JSONRPCMessage, options) => {
      this.#onOutgoing(message);
      return send(message, options);
    };

    const close = transport.onclose;
    transport.onclose = () => {
      // Requests still open when the connection goes were never answered.
      for (const id of [...this.#pending.keys()]) {
        this.#cancelled(id);
      }
      close?.();
    };
  }

  /** A request the client cancelled (or walked away from): it gets no answer. */
  #cancelled(id: RequestId | undefined) {
    const pending = id === undefined ? undefined : this.#pending.get(id);
    if (pending) {
      this.#pending.delete(id!);
      pending.attributes['error.type'] = 'cancelled';
      this.#record(pending);
    }
  }

  /** Adds what only the request's handler knows (tool name, tool errors). */
  annotate(id: RequestId, attributes: Partial<OperationAttributes>) {
    const pending = this.#pending.get(id);
    if (pending) {
      Object.assign(pending.attributes, attributes);
    }
  }

  #attributesFor(method: string): OperationAttributes {
    const attributes: OperationAttributes = {
      'mcp.method.name': KNOWN_METHODS.has(method) ? method : '_OTHER',
      ...this.#base,
    };
    if (method === 'tools/call') {
      // Replaced by the real name once the handler has resolved the tool.
      attributes['gen_ai.tool.name'] = '_OTHER';
      attributes['gen_ai.operation.name'] = 'execute_tool';
    }
    return attributes;
  }

  #onOutgoing(message: JSONRPCMessage) {
    if (isResult(message)) {
      const pending = this.#pending.get(message.id);
      if (!pending) {
        return;
      }
      this.#pending.delete(message.id);
      const result = message.result as { protocolVersion?: unknown; isError?: unknown };
      if (
        pending.attributes['mcp.method.name'] === 'initialize' &&
        typeof result.protocolVersion === 'string'
      ) {
        this.protocolVersion = result.protocolVersion;
      }
      if (result.isError === true) {
        pending.attributes['error.type'] = 'tool_error';
      }
      this.#record(pending);
    } else if (isError(message) && message.id !== undefined) {
      const pending = this.#pending.get(message.id);
      if (!pending) {
        return;
      }
      this.#pending.delete(message.id);
      const code = String(message.error.code);
      pending.attributes['error.type'] = code;
      pending.attributes['rpc.response.status_code'] = code;
      this.#record(pending);
    }
  }

  #record({ startedAt, attributes }: Pending) {
    if (this.protocolVersion) {
      attributes['mcp.protocol.version'] = this.protocolVersion;
    }
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    this.#metrics.operationDuration.record(seconds, attributes);
  }
}

// Shape checks only: the SDK has validated the message already, and these
// run on every message.
function isRequest(m: JSONRPCMessage): m is JSONRPCRequest {
  return 'method' in m && 'id' in m;
}
function isNotification(m: JSONRPCMessage): m is JSONRPCNotification {
  return 'method' in m && !('id' in m);
}
function isResult(m: JSONRPCMessage): m is JSONRPCResultResponse {
  return 'result' in m;
}
function isError(m: JSONRPCMessage): m is JSONRPCErrorResponse {
  return 'error' in m;
}
