import http from 'node:http';
import net from 'node:net';

/** What a client using Node's own http module saw for one POST. */
export interface RawPostResult {
  /**
   * The status, or the code of the error the request failed with (EPIPE,
   * ECONNRESET), even after an answer: an error is what makes a client give
   * up on the answer.
   */
  outcome: number | string;
  connection?: string;
  body?: unknown;
  /** Milliseconds from the start until the whole answer had arrived. */
  answeredMs?: number;
  /** Milliseconds from the start until the connection closed. */
  closedMs: number;
}

/**
 * POSTs with Node's own `http.request` on a connection of its own, writing
 * the body with `send`; resolves once the connection is closed, or after
 * `deadlineMs` (then destroying it, the outcome `'deadline'`).
 */
export function rawPost(
  target: URL,
  options: {
    headers?: Record<string, string | number>;
    send: (req: http.ClientRequest) => void;
    deadlineMs?: number;
  },
): Promise<RawPostResult> {
  const started = Date.now();
  return new Promise(resolve => {
    let answer: Omit<RawPostResult, 'outcome' | 'closedMs'> & {
      status?: number;
    } = {};
    let error: string | undefined;
    const failed = (e: Error) => {
      error ??= (e as NodeJS.ErrnoException).code ?? e.message;
    };
    const req = http.request(target, {
      method: 'POST',
      agent: false,
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        ...options.headers,
      },
    });
    const deadline = setTimeout(
      () => req.destroy(new Error('deadline')),
      options.deadlineMs ?? 30_000,
    );
    req.on('response', res => {
      const chunks: Buffer[] = [];
      res.on('data', chunk => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        answer = {
          status: res.statusCode,
          connection: res.headers.connection,
          body: text ? JSON.parse(text) : undefined,
          answeredMs: Date.now() - started,
        };
      });
      res.on('error', failed);
    });
    req.on('error', failed);
    req.on('close', () => {
      clearTimeout(deadline);
      const { status, ...rest } = answer;
      resolve({
        outcome: error ?? status ?? 'no answer',
        ...rest,
        closedMs: Date.now() - started,
      });
    });
    options.send(req);
  });
}

/** What a client that never stops sending saw. */
export interface EndlessPostResult {
  /** The raw answer: status line, headers and body. */
  answer: string;
  /** Milliseconds from the start until the whole answer had arrived. */
  answeredMs?: number;
  /** Milliseconds from the start until the connection closed. */
  closedMs: number;
  /** Whether the client gave up at `deadlineMs` (the server never closed). */
  deadline: boolean;
}

/**
 * POSTs over a plain socket and sends the body without end, as a client
 * that pays no heed to the answer (nor to the server's end of the
 * connection) would: `chunk` as fast as the socket takes it, or one every
 * `everyMs`; chunked unless `headers` has a Content-Length. Resolves once
 * the connection is closed, or at `deadlineMs`.
 */
export function postWithoutEnd(
  target: URL,
  options: {
    headers?: Record<string, string | number>;
    chunk: Buffer;
    everyMs?: number;
    deadlineMs: number;
  },
): Promise<EndlessPostResult> {
  const started = Date.now();
  const headers: Record<string, string | number> = {
    Host: target.host,
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    ...options.headers,
  };
  const chunked = !Object.keys(headers).some(
    name => name.toLowerCase() === 'content-length',
  );
  if (chunked) {
    headers['Transfer-Encoding'] = 'chunked';
  }
  const frame = chunked
    ? Buffer.concat([
        Buffer.from(`${options.chunk.length.toString(16)}\r\n`),
        options.chunk,
        Buffer.from('\r\n'),
      ])
    : options.chunk;

  return new Promise(resolve => {
    let answer = Buffer.alloc(0);
    let answeredMs: number | undefined;
    let stopped = false;
    let deadlineHit = false;
    const socket = net.connect({
      host: target.hostname,
      port: Number(target.port),
      allowHalfOpen: true,
    });
    const deadline = setTimeout(() => {
      deadlineHit = true;
      socket.destroy();
    }, options.deadlineMs);
    const pump = () => {
      while (!stopped && socket.write(frame)) {
        // keep writing while the socket takes it
      }
      if (!stopped) {
        socket.once('drain', pump);
      }
    };
    const trickle = options.everyMs
      ? setInterval(() => socket.write(frame), options.everyMs)
      : undefined;
    socket.on('data', (data: Buffer) => {
      answer = Buffer.concat([answer, data]);
      const text = answer.toString('latin1');
      const headEnd = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(text);
      if (
        answeredMs === undefined &&
        headEnd >= 0 &&
        length &&
        answer.length - headEnd - 4 >= Number(length[1])
      ) {
        answeredMs = Date.now() - started;
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      stopped = true;
      clearInterval(trickle);
      clearTimeout(deadline);
      resolve({
        answer: answer.toString(),
        answeredMs,
        closedMs: Date.now() - started,
        deadline: deadlineHit,
      });
    });
    socket.write(
      `POST ${target.pathname}${target.search} HTTP/1.1\r\n${Object.entries(
        headers,
      )
        .map(([name, value]) => `${name}: ${value}\r\n`)
        .join('')}\r\n`,
    );
    if (!trickle) {
      pump();
    }
  });
}
