import type { JSONRPCMessage, RequestId } from '@modelcontextprotocol/sdk/types.js';

/**
 * Lets a `notifications/cancelled` reach the request it cancels when the two
 * arrive in different POSTs, as they always do on stateless Streamable HTTP
 * (each POST has its own SDK server, which knows only its own requests).
 * Requests are registered per principal, so nobody can cancel another's
 * calls. Only requests held by this process can be cancelled this way.
 */
export class InFlightRequests {
  readonly #cancellers = new Map<string, () => void>();

  /**
   * Registers the requests in `messages` as cancellable by `cancel`, and
   * returns the function that unregisters them.
   */
  register(
    owner: string,
    messages: JSONRPCMessage | JSONRPCMessage[],
    cancel: () => void,
  ): () => void {
    const keys = idsOfRequests(messages).map(id => keyOf(owner, id));
    for (const key of keys) {
      this.#cancellers.set(key, cancel);
    }
    return () => {
      for (const key of keys) {
        if (this.#cancellers.get(key) === cancel) {
          this.#cancellers.delete(key);
        }
      }
    };
  }

  /** Cancels the requests that `messages` cancel; true if any was found. */
  cancel(owner: string, messages: JSONRPCMessage | JSONRPCMessage[]): boolean {
    let found = false;
    for (const message of [messages].flat()) {
      if ('method' in message && message.method === 'notifications/cancelled') {
        const id = (message.params as { requestId?: RequestId } | undefined)?.requestId;
        const cancel = id === undefined ? undefined : this.#cancellers.get(keyOf(owner, id));
        if (cancel) {
          found = true;
          cancel();
        }
      }
    }
    return found;
  }

  get size(): number {
    return this.#cancellers.size;
  }
}

function keyOf(owner: string, id: RequestId) {
  return `${owner}\u0000${typeof id}:${id}`;
}

function idsOfRequests(messages: JSONRPCMessage | JSONRPCMessage[]): RequestId[] {
  return [messages]
    .flat()
    .flatMap(m => ('method' in m && 'id' in m ? [m.id] : []));
}
