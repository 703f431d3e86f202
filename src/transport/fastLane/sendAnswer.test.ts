import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { sendAnswer } from './sendAnswer';
import type { AnswerBody } from './PlainAnswers';

describe('sendAnswer', () => {
  let server: Server;
  let url: string;
  let answer: AnswerBody;

  beforeAll(async () => {
    const app = express();
    app.post('/', (_req, res) => sendAnswer(res, answer));
    server = await new Promise<Server>(resolve => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });

  function bodyOf(chunks: string[]): AnswerBody {
    const buffers = chunks.map(c => Buffer.from(c));
    return {
      chunks: buffers,
      length: buffers.reduce((n, b) => n + b.length, 0),
    };
  }

  it.each([
    ['one chunk', ['{"a":"é"}']],
    ['small chunks, joined', ['{"result":', '{"tools":[]}', ',"id":1}']],
    [
      'a large answer, chunk by chunk',
      ['{"result":{"tools":', `["${'x'.repeat(200_000)}"]`, '},"id":1}'],
    ],
  ])('writes %s as one JSON body with its length', async (_label, chunks) => {
    answer = bodyOf(chunks);
    const res = await fetch(url, { method: 'POST' });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(Number(res.headers.get('content-length'))).toBe(answer.length);
    expect(text).toBe(chunks.join(''));
  });
});
