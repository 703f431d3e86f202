import type { McpServerConfig } from '../tools/readToolsConfig';
import type { ExchangeHooks } from '../mcpServer/caller';
import type { SseServerTransport } from './SseServerTransport';

/** One open legacy SSE session. */
export interface SseSession {
  id: string;
  server: McpServerConfig;
  transport: SseServerTransport;
  /** Who opened it; only the same principal may post to it. */
  ownerKey: string;
  /** Pushes the idle deadline back; called on every message. */
  touch(): void;
  /** Records a message the client posted, for the operation metrics. */
  received(message: { method?: unknown; id?: unknown; params?: unknown }): void;
  /** What the handlers report about the session's requests. */
  hooks: ExchangeHooks;
}

export interface SseSessionsOptions {
  /** Open sessions allowed in this process. */
  maxSessions: number;
  /** Open sessions allowed per principal in this process. */
  maxSessionsPerPrincipal: number;
}

/** Why a new session may not open, if it may not. */
export type SseRefusal = 'full' | 'principal-full';

/**
 * The open SSE sessions of this process. They live in memory only, so with
 * several backend replicas an SSE client needs sticky routing to reach the
 * replica that holds its stream; Streamable HTTP needs nothing of the kind.
 * Two caps apply: one for the process, and one per principal, so that one
 * caller cannot take every stream and lock the others out.
 */
export class SseSessions {
  readonly #sessions = new Map<string, SseSession>();
  readonly #perPrincipal = new Map<string, number>();
  readonly #options: SseSessionsOptions;

  constructor(options: SseSessionsOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#sessions.size;
  }

  /** Whether `ownerKey` may open one more session now. */
  refusalFor(ownerKey: string): SseRefusal | undefined {
    if (
      (this.#perPrincipal.get(ownerKey) ?? 0) >=
      this.#options.maxSessionsPerPrincipal
    ) {
      return 'principal-full';
    }
    if (this.#sessions.size >= this.#options.maxSessions) {
      return 'full';
    }
    return undefined;
  }

  add(session: SseSession) {
    this.#sessions.set(session.id, session);
    this.#perPrincipal.set(
      session.ownerKey,
      (this.#perPrincipal.get(session.ownerKey) ?? 0) + 1,
    );
  }

  get(id: string): SseSession | undefined {
    return this.#sessions.get(id);
  }

  delete(id: string) {
    const session = this.#sessions.get(id);
    if (!session) {
      return;
    }
    this.#sessions.delete(id);
    const count = (this.#perPrincipal.get(session.ownerKey) ?? 1) - 1;
    if (count > 0) {
      this.#perPrincipal.set(session.ownerKey, count);
    } else {
      this.#perPrincipal.delete(session.ownerKey);
    }
  }

  /** Closes every session, e.g. when the backend shuts down. */
  async closeAll() {
    await Promise.all(
      [...this.#sessions.values()].map(s =>
        s.transport.close().catch(() => {}),
      ),
    );
  }
}
