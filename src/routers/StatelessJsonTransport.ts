import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type {
  JSONRPCMessage,
  MessageExtraInfo,
  RequestId,
} from '@modelcontextprotocol/sdk/types.js';
import type { Response } from 'express';
import { invalidRequestResponse, type BatchEntry } from './jsonRpcBody';
import {
  byteLengthOf,
  serializeMessage,
} from '../services/preserializedJson';

/**
 * The server side of one stateless Streamable HTTP POST, answering in plain
 * JSON: the messages of the body go to the SDK server, and once every
 * request among them has its answer, the answers go out as one JSON body
 * (an array for a batch); a body without requests gets a bodiless 202.
 *
 * The SDK's own transport does the same, but through a conversion to web
 * `Request`/`Response` objects and with a second validation of every
 * message; the router has already validated the body and checked the
 * headers, so this one only moves messages. Invalid entries of a batch are
 * answered here, each with an Invalid Request error.
 */
export class StatelessJsonTransport implements Transport {
  onmessage?: (message: JSONRPCMessage, extra?: MessageExtraInfo) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;

  readonly #res: Response;
  /** Answers by request id, in the order the requests came. */
  readonly #answers = new Map<RequestId, Array<string | Buffer> | undefined>();
  #isBatch = false;
  #closed = false;

  constructor(res: Response) {
    this.#res = res;
  }

  async start() {}

  /** Delivers the body's messages; `entries` for a batch, else one message. */
  receive(body: JSONRPCMessage | BatchEntry[], extra: MessageExtraInfo) {
    this.#isBatch = Array.isArray(body);
    const entries: BatchEntry[] = Array.isArray(body)
      ? body
      : [{ valid: true, message: body }];
    const delivered: JSONRPCMessage[] = [];
    for (const [index, entry] of entries.entries()) {
      if (!entry.valid) {
        // Invalid entries may lack an id; the index keeps their place.
        this.#answers.set(`\u0000invalid:${index}`, [
          JSON.stringify(invalidRequestResponse(entry.id)),
        ]);
      } else {
        if ('method' in entry.message && 'id' in entry.message) {
          this.#answers.set(entry.message.id, undefined);
        }
        delivered.push(entry.message);
      }
    }
    if (this.#answers.size === 0) {
      this.#res.status(202).end();
    }
    for (const message of delivered) {
      this.onmessage?.(message, extra);
    }
    this.#flushIfComplete();
  }

  async send(message: JSONRPCMessage) {
    // Only answers to this POST's requests have somewhere to go; without a
    // stream, server-initiated messages (none are sent here) are dropped.
    if ('id' in message && !('method' in message) && message.id !== undefined) {
      if (this.#answers.has(message.id) && this.#answers.get(message.id) === undefined) {
        this.#answers.set(message.id, serializeMessage(message));
        this.#flushIfComplete();
      }
    }
  }

  async close() {
    if (this.#closed) {
      return;
    }
    this.#closed = true;
    this.onclose?.();
  }

  #flushIfComplete() {
    if (this.#res.headersSent || this.#answers.size === 0) {
      return;
    }
    const answers = [...this.#answers.values()];
    if (answers.some(a => a === undefined)) {
      return;
    }
    const pieces = this.#isBatch
      ? ['[', ...answers.flatMap((a, i) => (i === 0 ? a! : [',', ...a!])), ']']
      : answers[0]!;
    this.#res.writeHead(200, {
      'Content-Type': 'application/json',
      'Content-Length': byteLengthOf(pieces),
    });
    // Corked, the pieces leave as one write.
    this.#res.cork();
    for (const piece of pieces) {
      this.#res.write(piece);
    }
    this.#res.end();
    this.#res.uncork();
  }
}
