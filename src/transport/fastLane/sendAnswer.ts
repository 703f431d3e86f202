import type { Response } from 'express';
import type { AnswerBody } from './PlainAnswers';

/** Below this, an answer's chunks are joined and written in one call. */
const JOIN_BELOW = 64 * 1024;

/**
 * Writes a fast-lane answer: one JSON body with its length.
 *
 * Every byte of the answer is in memory already (a large list is the
 * caller's cached serialization), so the chunks are handed to the response
 * at once and Node buffers references to them, not copies; a slow reader
 * holds nothing more than the list it is reading.
 *
 * Never corks the response: Backstage puts `compression` in front of every
 * plugin router, which replaces `write`/`end` and waits for `drain` from the
 * response before it writes more of the compressed stream. A corked
 * response emits no `drain` until it ends, and a compressed one ends only
 * after that wait: lists larger than the compressor's buffer never arrived.
 */
export function sendAnswer(res: Response, answer: AnswerBody) {
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': answer.length,
  });
  const { chunks } = answer;
  if (chunks.length === 1 || answer.length < JOIN_BELOW) {
    res.end(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    return;
  }
  // A large list: its serialized tools go out as they are kept, uncopied.
  for (const chunk of chunks.slice(0, -1)) {
    res.write(chunk);
  }
  res.end(chunks[chunks.length - 1]);
}
