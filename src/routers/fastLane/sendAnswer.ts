import type { Response } from 'express';
import type { AnswerBody } from './PlainAnswers';

/** Below this, an answer's chunks are joined and written in one call. */
const JOIN_BELOW = 64 * 1024;

/** Writes a fast-lane answer: one JSON body with its length. */
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
  res.cork();
  for (const chunk of chunks.slice(0, -1)) {
    res.write(chunk);
  }
  res.end(chunks[chunks.length - 1]);
}
