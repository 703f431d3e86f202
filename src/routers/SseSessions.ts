import type { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import type { McpServerConfig } from '../config';

/** One open legacy SSE session. */
export interface SseSession {
  id: string;
  server: McpServerConfig;
  transport: SSEServerTransport;
  /** Who opened it; only the same principal may post to it. */
  ownerKey: string;
  /** Pushes the idle deadline back; called on every message. */
  touch(): void;
}

export interface SseSessionsOptions {
  maxSessions: number;
}

/**
 * The open SSE sessions of this process. They live in memory only, so with
 * several backend replicas an SSE client needs sticky routing to reach the
 * replica that holds its stream; Streamable HTTP needs nothing of the kind.
 */
export class SseSessions {
  readonly #sessions = new Map<string, SseSession>();
  readonly #maxSessions: number;

  constructor(options: SseSessionsOptions) {
    this.#maxSessions = options.maxSessions;
  }

  get size(): number {
    return this.#sessions.size;
  }

  get isFull(): boolean {
    return this.#sessions.size >= this.#maxSessions;
  }

  add(session: SseSession) {
    this.#sessions.set(session.id, session);
  }

  get(id: string): SseSession | undefined {
    return this.#sessions.get(id);
  }

  delete(id: string) {
    this.#sessions.delete(id);
  }

  /** Closes every session, e.g. when the backend shuts down. */
  async closeAll() {
    await Promise.all(
      [...this.#sessions.values()].map(s => s.transport.close().catch(() => {})),
    );
  }
}
