import type { Request, Response, NextFunction } from 'express';

/**
 * The responses of this plugin's MCP routes that are still open, so that
 * shutdown can release those stuck on a client that stopped reading.
 *
 * Backstage's HTTP server stops by closing idle connections and waiting for
 * the others; an answer the client never reads (a 400 KB tool list to a
 * paused reader, an event stream) keeps its connection busy, and the
 * backend would wait for it without end. From shutdown on, the plugin
 * therefore ends the answers that are fully written but not yet taken, and
 * those whose writes wait for the client, checking again until none is
 * open; a call still running is left to finish (within `toolCallTimeout`)
 * and answer, and is let go only if its client then does not read it.
 */
export class OpenResponses {
  readonly #open = new Set<Response>();

  /** Express middleware: tracks every response that passes until it closes. */
  readonly track = (_req: Request, res: Response, next: NextFunction) => {
    this.#open.add(res);
    res.once('close', () => this.#open.delete(res));
    next();
  };

  /**
   * Releases the stuck responses now, and keeps doing so every
   * `intervalMs` until no response is open; nothing waits for that.
   * Returns how many were released now.
   */
  releaseStuckUntilClosed(intervalMs = 100): number {
    const released = this.releaseStuck();
    if (this.#open.size > 0) {
      const timer = setInterval(() => {
        this.releaseStuck();
        if (this.#open.size === 0) {
          clearInterval(timer);
        }
      }, intervalMs);
      timer.unref();
    }
    return released;
  }

  /**
   * Destroys the responses whose bytes wait for a client that does not
   * read them; returns how many there were.
   */
  releaseStuck(): number {
    let released = 0;
    for (const res of this.#open) {
      if (isStuck(res)) {
        res.destroy();
        this.#open.delete(res);
        released++;
      }
    }
    return released;
  }
}

/**
 * An answer is stuck when all of it was handed over but not all of it has
 * left (`writableEnded` without `writableFinished`), or when its writes
 * wait for `drain` (`writableNeedDrain`; also what a compressed answer shows
 * while its compressor waits for the client).
 */
function isStuck(res: Response): boolean {
  return (
    res.headersSent &&
    (res.writableNeedDrain || (res.writableEnded && !res.writableFinished))
  );
}
