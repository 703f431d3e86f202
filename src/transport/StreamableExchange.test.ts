import { recordingMetrics } from '../__testUtils__/recordingMetrics';
import { OperationRecorder } from '../telemetry/OperationRecorder';
import { StreamableExchange } from './StreamableExchange';

const call = (id: number, name = 'test.sleep') => ({
  jsonrpc: '2.0',
  id,
  method: 'tools/call',
  params: { name, arguments: {} },
});
const cancel = (requestId: number) => ({
  jsonrpc: '2.0',
  method: 'notifications/cancelled',
  params: { requestId },
});

function exchangeFor(body: unknown, headers: Record<string, string> = {}) {
  const recorded = recordingMetrics();
  const recorder = new OperationRecorder(recorded.metrics, 'default');
  const exchange = new StreamableExchange(body, headers, recorder);
  const outcomes = () =>
    recorded.operations.map(o => [
      o.attributes['mcp.method.name'],
      o.attributes['error.type'],
    ]);
  return { exchange, recorder, outcomes };
}

/** Feeds an answer to the exchange's observer as the adapter would, chunk by chunk. */
function play(
  exchange: StreamableExchange,
  status: number,
  type: string,
  chunks: string[],
) {
  exchange.observer.start(
    new Response(chunks.join(''), {
      status,
      headers: { 'content-type': type },
    }),
  );
  for (const chunk of chunks) {
    exchange.observer.chunk(new TextEncoder().encode(chunk));
  }
  exchange.observer.end();
}
const events = (...frames: string[]) =>
  frames.map(f => `event: message\ndata: ${f}\n\n`);

describe('StreamableExchange', () => {
  it('takes a self-cancelling pair out of a batch and marks the call cancelled before start', () => {
    const body = [call(1), cancel(1), call(2), cancel(7)];
    const { exchange } = exchangeFor(body);
    expect(exchange.forwardedBody).toEqual([call(1), call(2), cancel(7)]);
    expect(exchange.isCancelledBeforeStart(1)).toBe(true);
    expect(exchange.isCancelledBeforeStart(2)).toBe(false);
  });

  it('hands a single message or a plain batch on unchanged', () => {
    const single = call(1);
    expect(exchangeFor(single).exchange.forwardedBody).toBe(single);
    const batch = [call(1), call(2)];
    expect(exchangeFor(batch).exchange.forwardedBody).toBe(batch);
  });

  it('takes the protocol version from the header, or from initialize', () => {
    expect(
      exchangeFor(call(1), { 'mcp-protocol-version': '2026-07-28' }).recorder
        .protocolVersion,
    ).toBe('2026-07-28');
    const init = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18' },
    };
    expect(exchangeFor(init).recorder.protocolVersion).toBe('2025-06-18');
  });

  it('reads the error in a JSON answer, even cut in pieces', () => {
    const { exchange, outcomes } = exchangeFor(call(1));
    const text = JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32602, message: 'Unknown tool' },
    });
    play(exchange, 200, 'application/json', [
      text.slice(0, 10),
      text.slice(10),
    ]);
    expect(outcomes()).toEqual([['tools/call', '-32602']]);
  });

  it('takes a JSON answer that starts with its result as a success without reading on', () => {
    const { exchange, outcomes } = exchangeFor(call(1));
    // A result whose content mentions "error" is still a result.
    play(exchange, 200, 'application/json', [
      JSON.stringify({
        result: { content: [{ type: 'text', text: '"error":{"code":1}' }] },
        jsonrpc: '2.0',
        id: 1,
      }),
    ]);
    expect(outcomes()).toEqual([['tools/call', undefined]]);
  });

  it('counts an HTTP error without a request id against every request of the POST', () => {
    const { exchange, outcomes } = exchangeFor([call(1), call(2)]);
    play(exchange, 400, 'application/json', [
      JSON.stringify({
        jsonrpc: '2.0',
        id: null,
        error: { code: -32600, message: 'bad batch' },
      }),
    ]);
    expect(outcomes()).toEqual([
      ['tools/call', '-32600'],
      ['tools/call', '-32600'],
    ]);
  });

  it('watches an event stream as it flows: errors by id, the rest answered at its end', () => {
    const { exchange, outcomes } = exchangeFor([call(1), call(2)]);
    play(
      exchange,
      200,
      'text/event-stream',
      events(
        JSON.stringify({
          jsonrpc: '2.0',
          method: 'notifications/progress',
          params: { progress: 1 },
        }),
        JSON.stringify({
          jsonrpc: '2.0',
          id: 2,
          error: { code: -32601, message: 'nope' },
        }),
        JSON.stringify({
          result: { content: [{ type: 'text', text: 'x'.repeat(20_000) }] },
          jsonrpc: '2.0',
          id: 1,
        }),
      ),
    );
    expect(outcomes()).toEqual([
      ['tools/call', '-32601'],
      ['tools/call', undefined],
    ]);
  });

  it('records what is still open as cancelled when the client goes away, and only once', async () => {
    const { exchange, outcomes } = exchangeFor(call(1));
    exchange.abandon();
    exchange.finish();
    expect(outcomes()).toEqual([['tools/call', 'cancelled']]);
  });
});
