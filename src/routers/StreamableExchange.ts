import type { RequestId } from '@modelcontextprotocol/server';
import type { IncomingHttpHeaders } from 'node:http';
import type { ExchangeHooks } from '../services/caller';
import type {
  MessageId,
  OperationRecorder,
} from '../telemetry/OperationRecorder';

/** Frames longer than this are results, never errors: not worth parsing. */
const MAX_ERROR_FRAME = 16_384;

type Message = { method?: unknown; id?: unknown; params?: unknown };

/**
 * One POST on a Streamable HTTP endpoint, as the router sees it around the
 * SDK: what came in, what the handlers noted, and how the answer went out,
 * for the operation metrics. It also settles a batch that cancels one of
 * its own requests (see `forwardedBody`).
 */
export class StreamableExchange implements ExchangeHooks {
  readonly #recorder: OperationRecorder;
  readonly #cancelledBeforeStart = new Set<MessageId>();
  /** The body to hand the SDK. */
  readonly forwardedBody: unknown;
  #finished = false;
  #pendingLine = '';
  readonly #decoder = new TextDecoder();

  constructor(
    body: unknown,
    headers: IncomingHttpHeaders,
    recorder: OperationRecorder,
  ) {
    this.#recorder = recorder;
    const messages = (Array.isArray(body) ? body : [body]).filter(
      (m): m is Message => typeof m === 'object' && m !== null,
    );
    recorder.protocolVersion = protocolVersionOf(headers, messages[0]);
    for (const message of messages) {
      recorder.received(message);
    }
    this.forwardedBody = Array.isArray(body)
      ? this.#settleSelfCancellations(messages, body)
      : body;
  }

  /**
   * A batch that carries a request and its own `notifications/cancelled`
   * cancels it before it starts. Left to the SDK, such a request would
   * never be answered and the POST would hang; here the cancellation is
   * taken out of the batch and the request is answered at once with an
   * `isError` result, without running.
   */
  #settleSelfCancellations(messages: Message[], body: unknown[]): unknown[] {
    const requestIds = new Set(
      messages.flatMap(m =>
        typeof m.method === 'string' && isId(m.id) ? [m.id] : [],
      ),
    );
    const kept = body.filter(entry => {
      const m = entry as Message;
      if (m?.method !== 'notifications/cancelled' || m.id !== undefined) {
        return true;
      }
      const target = (m.params as { requestId?: unknown } | undefined)
        ?.requestId;
      if (isId(target) && requestIds.has(target)) {
        this.#cancelledBeforeStart.add(target);
        return false;
      }
      return true;
    });
    return kept.length === body.length ? body : kept;
  }

  isCancelledBeforeStart(id: RequestId): boolean {
    return this.#cancelledBeforeStart.has(id);
  }

  annotate(id: RequestId, details: { toolName?: string; toolError?: boolean }) {
    this.#recorder.annotate(id, details);
  }

  /**
   * Passes the SDK's answer through, noting the errors in it. JSON bodies
   * are read whole (they are complete already); event streams are watched
   * frame by frame as they flow.
   */
  async observe(response: Response): Promise<Response> {
    const type = response.headers.get('content-type') ?? '';
    if (!response.body || response.status === 202) {
      this.#noteError(undefined, response.status);
      this.finish();
      return response;
    }
    if (!type.startsWith('text/event-stream')) {
      const text = await response.text();
      this.#noteFrame(text, response.status);
      this.finish();
      return new Response(text, {
        status: response.status,
        headers: response.headers,
      });
    }
    const watch = new TransformStream<Uint8Array, Uint8Array>({
      transform: (chunk, controller) => {
        controller.enqueue(chunk);
        this.#scanEvents(chunk);
      },
      flush: () => this.finish(),
    });
    return new Response(response.body.pipeThrough(watch), {
      status: response.status,
      headers: response.headers,
    });
  }

  /** The answer is complete: whatever is still open was answered. */
  finish() {
    if (!this.#finished) {
      this.#finished = true;
      for (const id of this.#cancelledBeforeStart) {
        this.#recorder.answered(id, { cancelled: true });
      }
      this.#recorder.answerAll({});
    }
  }

  /** The client went away: whatever is still open was never answered. */
  abandon() {
    if (!this.#finished) {
      this.#finished = true;
      this.#recorder.answerAll({ cancelled: true });
    }
  }

  #scanEvents(chunk: Uint8Array) {
    const text = this.#pendingLine + this.#decoder.decode(chunk, { stream: true });
    const lines = text.split('\n');
    this.#pendingLine = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('data: ')) {
        this.#noteFrame(line.slice(6), 200);
      }
    }
  }

  #noteFrame(text: string, status: number) {
    if (text.length > MAX_ERROR_FRAME || !text.includes('"error"')) {
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return;
    }
    for (const message of [parsed].flat() as Message[]) {
      const error = (message as { error?: { code?: unknown } })?.error;
      if (error && typeof error.code === 'number') {
        this.#noteError(message.id, status, error.code);
      }
    }
  }

  #noteError(id: unknown, status: number, code?: number) {
    if (code === undefined && status < 400) {
      return;
    }
    const outcome = { errorCode: code ?? status };
    if (isId(id) && this.#recorder.isPending(id)) {
      this.#recorder.answered(id, outcome);
    } else if (status >= 400 || id === null) {
      // An error about the whole POST answers every request in it.
      this.#recorder.answerAll(outcome);
    }
  }
}

function isId(value: unknown): value is MessageId {
  return typeof value === 'string' || typeof value === 'number';
}

/**
 * The protocol version the exchange speaks: the `MCP-Protocol-Version`
 * header (required on 2026-07-28, sent after initialize on 2025), else the
 * version an `initialize` asks for.
 */
function protocolVersionOf(
  headers: IncomingHttpHeaders,
  first: Message | undefined,
): string | undefined {
  const header = headers['mcp-protocol-version'];
  if (typeof header === 'string' && header) {
    return header;
  }
  const requested = (first?.params as { protocolVersion?: unknown } | undefined)
    ?.protocolVersion;
  return first?.method === 'initialize' && typeof requested === 'string'
    ? requested
    : undefined;
}
