import type { RequestId } from '@modelcontextprotocol/server';
import type { IncomingHttpHeaders } from 'node:http';
import type { ExchangeHooks } from '../mcpServer/caller';
import type { ResponseObserver } from './serveFetchHandler';
import type {
  MessageId,
  OperationRecorder,
} from '../telemetry/OperationRecorder';

/** Frames longer than this are results, never errors: not worth parsing. */
const MAX_ERROR_FRAME = 16_384;
const DATA_PREFIX = Buffer.from('data: ');
const NEWLINE = 0x0a;
const RESULT_START = Buffer.from('{"result"');

/** Whether the JSON at `offset` is a response that starts with its result. */
function startsWithResult(bytes: Buffer, offset: number): boolean {
  return (
    bytes.compare(
      RESULT_START,
      0,
      RESULT_START.length,
      offset,
      offset + RESULT_START.length,
    ) === 0
  );
}

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

  /** A lane that answers without the SDK answered `id` with this error. */
  answeredWithError(id: RequestId, code: number) {
    this.#recorder.answered(id, { errorCode: code });
  }

  /**
   * Watches the SDK's answer as the adapter writes it, without copying it:
   * only what may be an error is decoded and parsed. A frame (a JSON body,
   * or an event's `data:` line) that starts as a result is a result; the
   * SDK writes `result` first. Anything else that is small is parsed.
   *
   * Why a scan of bytes stays: what a tool call decides (its tool, whether
   * it failed) the pipeline reports through `annotate`. But many errors are
   * decided inside the SDK before any handler of ours runs (unknown method,
   * invalid params, a wrong protocol version, a malformed batch entry), and
   * the metric's `error.type` must name them too; the SDK offers no hook for
   * its own answers, so their codes are read from what it writes. The
   * `result`-first shortcut is only a saving: if a later SDK wrote another
   * key first, small frames would still be parsed and classified right, and
   * only errors longer than `MAX_ERROR_FRAME` (which the SDK never writes)
   * would be missed.
   */
  readonly observer: ResponseObserver = {
    start: response => {
      this.#stream = (response.headers.get('content-type') ?? '').startsWith(
        'text/event-stream',
      );
      this.#status = response.status;
      if (!response.body || response.status === 202) {
        this.#noteError(undefined, response.status);
      }
    },
    chunk: chunk => {
      const bytes = Buffer.from(
        chunk.buffer,
        chunk.byteOffset,
        chunk.byteLength,
      );
      if (this.#stream) {
        this.#scanEvents(bytes);
      } else {
        this.#collectBody(bytes);
      }
    },
    end: () => {
      if (this.#body) {
        this.#noteFrame(
          Buffer.concat(this.#body).toString('utf8'),
          this.#status,
        );
      }
      this.finish();
    },
  };

  #stream = false;
  #status = 200;
  /** The start of a JSON body that is not a plain result, kept to parse. */
  #body?: Buffer[];
  #bodyBytes = 0;
  #sawBody = false;

  #collectBody(bytes: Buffer) {
    if (!this.#sawBody) {
      this.#sawBody = true;
      if (startsWithResult(bytes, 0)) {
        return;
      }
      this.#body = [];
    }
    if (!this.#body) {
      return;
    }
    this.#bodyBytes += bytes.length;
    if (this.#bodyBytes > MAX_ERROR_FRAME) {
      this.#body = undefined;
      return;
    }
    this.#body.push(bytes);
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

  /**
   * Looks at the `data:` lines of the events in a chunk. The SDK writes an
   * event per chunk, so a small error frame is whole in its chunk; a frame
   * cut across chunks is a large result or is left unread.
   */
  #scanEvents(bytes: Buffer) {
    let at = bytes.indexOf(DATA_PREFIX);
    while (at !== -1) {
      const start = at + DATA_PREFIX.length;
      const end = bytes.indexOf(NEWLINE, start);
      if (
        !startsWithResult(bytes, start) &&
        end !== -1 &&
        end - start <= MAX_ERROR_FRAME
      ) {
        this.#noteFrame(bytes.toString('utf8', start, end), 200);
      }
      at = end === -1 ? -1 : bytes.indexOf(DATA_PREFIX, end);
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
