import type {
  JSONRPCMessage,
  MessageExtraInfo,
  Transport,
} from '@modelcontextprotocol/server';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';

/** Observes what a transport sends; set before the server connects. */
export type SentMessageObserver = (message: JSONRPCMessage) => void;

/**
 * The server side of the legacy HTTP+SSE transport (protocol 2024-11-05):
 * one event stream per session, opened by GET, whose first event names the
 * URL the client posts its messages to; every answer and notification goes
 * out as a `message` event. It serves clients that do not speak Streamable
 * HTTP yet.
 *
 * `@modelcontextprotocol/server` v2 has no server for this transport; the
 * deprecated `@modelcontextprotocol/server-legacy` (2.3.x) has one, and this
 * small class stays in its place because that package pins its own
 * `@modelcontextprotocol/core` (2.3, beside the 2.4 the server uses) and
 * brings zod 4, CORS, rate-limit and OAuth-server code into every Backstage
 * app; its POST handler parses bodies itself (a fixed 4 MB limit instead of
 * `mcpActions.maxRequestBytes`) and answers bad input with plain-text
 * bodies rather than JSON-RPC errors; and it offers no hook to observe what
 * is sent, which the session metrics need. Here the router parses and
 * refuses requests as on every other route, and this class only writes
 * events.
 */
export class SseServerTransport implements Transport {
  readonly sessionId = randomUUID();
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;

  readonly #res: Response;
  readonly #endpoint: string;
  readonly #onSent?: SentMessageObserver;
  #closed = false;

  /**
   * @param endpoint - the path messages are posted to; the session id is
   * added as the `sessionId` query parameter.
   */
  constructor(endpoint: string, res: Response, onSent?: SentMessageObserver) {
    this.#endpoint = `${endpoint}?sessionId=${encodeURIComponent(this.sessionId)}`;
    this.#res = res;
    this.#onSent = onSent;
  }

  async start() {
    // `no-transform` also keeps Backstage's compression middleware off the
    // stream, which would hold events in its buffer.
    this.#res.writeHead(200, {
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    this.#res.write(`event: endpoint\ndata: ${this.#endpoint}\n\n`);
    this.#res.on('close', () => this.#ended());
  }

  /** Delivers a message the client posted for this session. */
  receive(message: JSONRPCMessage, extra: MessageExtraInfo) {
    this.onmessage?.(message, extra);
  }

  /**
   * Writes one event. When the client reads slower than the session
   * answers, the next message waits until the stream drains (or closes), so
   * a slow reader holds at most one answer in this process's buffers.
   */
  async send(message: JSONRPCMessage) {
    if (this.#closed) {
      throw new Error('The SSE session is closed');
    }
    const flowing = this.#res.write(
      `event: message\ndata: ${JSON.stringify(message)}\n\n`,
    );
    this.#onSent?.(message);
    if (!flowing) {
      await this.#drained();
    }
  }

  /**
   * Writes an SSE comment, which keeps proxies from closing an idle stream;
   * none while the client has not read what came before.
   */
  keepAlive() {
    if (!this.#closed && !this.#res.writableNeedDrain) {
      this.#res.write(': keep-alive\n\n');
    }
  }

  #drained(): Promise<void> {
    return new Promise(resolve => {
      const done = () => {
        this.#res.off('drain', done);
        this.#res.off('close', done);
        resolve();
      };
      this.#res.on('drain', done);
      this.#res.on('close', done);
    });
  }

  async close() {
    this.#res.end();
    this.#ended();
  }

  #ended() {
    if (!this.#closed) {
      this.#closed = true;
      this.onclose?.();
    }
  }
}
