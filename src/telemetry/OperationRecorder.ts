import type { McpMetrics, OperationAttributes } from './metrics';

/** Methods MCP defines; any other is recorded as `_OTHER`, bounding cardinality. */
const KNOWN_METHODS = new Set([
  'initialize',
  'ping',
  'server/discover',
  'subscriptions/listen',
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
  'tasks/update',
  'tasks/list',
  'tasks/cancel',
  'tasks/result',
  'notifications/initialized',
  'notifications/cancelled',
  'notifications/progress',
  'notifications/roots/list_changed',
]);

/** A JSON-RPC id, as this recorder keys it. */
export type MessageId = string | number;

/** The parts of an incoming message the recorder reads. */
export interface IncomingMessage {
  method?: unknown;
  id?: unknown;
}

/** How a request ended. */
export interface Outcome {
  /** The JSON-RPC error code of an error response. */
  errorCode?: number;
  /** A tools/call result with `isError: true`. */
  toolError?: boolean;
  /** Never answered: cancelled, or the client went away. */
  cancelled?: boolean;
}

interface Pending {
  startedAt: bigint;
  attributes: OperationAttributes;
}

/**
 * Records `mcp.server.operation.duration` for the messages of one HTTP
 * exchange or one SSE session: a request from the moment it arrives to the
 * moment its answer leaves, a notification once it has been handed on. The
 * router feeds it what it received and what it answered; it never touches
 * a transport.
 */
export class OperationRecorder {
  readonly #metrics: McpMetrics;
  readonly #base: Pick<
    OperationAttributes,
    'network.transport' | 'network.protocol.name' | 'backstage.mcp.server.key'
  >;
  readonly #pending = new Map<MessageId, Pending>();
  /** The protocol version of the exchange or session, once known. */
  protocolVersion?: string;

  constructor(metrics: McpMetrics, serverKey: string) {
    this.#metrics = metrics;
    this.#base = {
      'network.transport': 'tcp',
      'network.protocol.name': 'http',
      'backstage.mcp.server.key': serverKey,
    };
  }

  /**
   * A message arrived. Notifications are recorded at once; a cancellation
   * also ends the request it cancels, which will get no answer.
   */
  received(message: IncomingMessage & { params?: unknown }) {
    if (typeof message.method !== 'string') {
      return;
    }
    if (message.method === 'notifications/cancelled') {
      const target = (message.params as { requestId?: unknown } | undefined)
        ?.requestId;
      if (typeof target === 'string' || typeof target === 'number') {
        this.answered(target, { cancelled: true });
      }
    }
    const attributes = this.#attributesFor(message.method);
    const id = message.id;
    if (typeof id === 'string' || typeof id === 'number') {
      this.#pending.set(id, { startedAt: process.hrtime.bigint(), attributes });
    } else {
      this.#record({ startedAt: process.hrtime.bigint(), attributes });
    }
  }

  /** Adds what only the request's handler knows. */
  annotate(id: MessageId, details: { toolName?: string; toolError?: boolean }) {
    const pending = this.#pending.get(id);
    if (!pending) {
      return;
    }
    if (details.toolName) {
      pending.attributes['gen_ai.tool.name'] = details.toolName;
    }
    if (details.toolError) {
      pending.attributes['error.type'] = 'tool_error';
    }
  }

  /** Whether a request with this id is still waiting for its answer. */
  isPending(id: MessageId): boolean {
    return this.#pending.has(id);
  }

  /** The answer to request `id` left (or it never will: `cancelled`). */
  answered(id: MessageId, outcome: Outcome = {}) {
    const pending = this.#pending.get(id);
    if (!pending) {
      return;
    }
    this.#pending.delete(id);
    const { attributes } = pending;
    if (outcome.errorCode !== undefined) {
      const code = String(outcome.errorCode);
      attributes['error.type'] = code;
      attributes['rpc.response.status_code'] = code;
    } else if (outcome.cancelled) {
      attributes['error.type'] = 'cancelled';
    } else if (outcome.toolError) {
      attributes['error.type'] = 'tool_error';
    }
    this.#record(pending);
  }

  /** Ends every request still open with the same outcome. */
  answerAll(outcome: Outcome) {
    for (const id of [...this.#pending.keys()]) {
      this.answered(id, outcome);
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

  #record({ startedAt, attributes }: Pending) {
    if (this.protocolVersion) {
      attributes['mcp.protocol.version'] = this.protocolVersion;
    }
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    this.#metrics.operationDuration.record(seconds, attributes);
  }
}
