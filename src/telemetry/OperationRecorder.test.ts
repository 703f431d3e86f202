import { recordingMetrics } from '../__testUtils__/recordingMetrics';
import { OperationRecorder } from './OperationRecorder';

describe('OperationRecorder', () => {
  const setup = () => {
    const recorded = recordingMetrics();
    const recorder = new OperationRecorder(recorded.metrics, 'default');
    return { recorder, operations: recorded.operations };
  };

  it('records a request when it is answered, with the semantic convention attributes', () => {
    const { recorder, operations } = setup();
    recorder.protocolVersion = '2026-07-28';
    recorder.received({ jsonrpc: '2.0', id: 1, method: 'tools/list' } as any);
    expect(operations).toEqual([]);
    recorder.answered(1);
    expect(operations).toEqual([
      {
        seconds: expect.any(Number),
        attributes: {
          'mcp.method.name': 'tools/list',
          'mcp.protocol.version': '2026-07-28',
          'network.transport': 'tcp',
          'network.protocol.name': 'http',
          'backstage.mcp.server.key': 'default',
        },
      },
    ]);
  });

  it('names the tool of a call once the handler has resolved it, and marks tool errors', () => {
    const { recorder, operations } = setup();
    recorder.received({ id: 'a', method: 'tools/call' });
    recorder.received({ id: 'b', method: 'tools/call' });
    recorder.annotate('a', { toolName: 'catalog.get-entity', toolError: true });
    recorder.answered('a');
    recorder.answered('b', { errorCode: -32602 });
    expect(operations.map(o => o.attributes)).toEqual([
      expect.objectContaining({
        'gen_ai.tool.name': 'catalog.get-entity',
        'gen_ai.operation.name': 'execute_tool',
        'error.type': 'tool_error',
      }),
      expect.objectContaining({
        'gen_ai.tool.name': '_OTHER',
        'error.type': '-32602',
        'rpc.response.status_code': '-32602',
      }),
    ]);
  });

  it('bounds method names, records notifications at once and ends cancelled requests', () => {
    const { recorder, operations } = setup();
    recorder.received({ id: 1, method: 'tools/call' });
    recorder.received({ method: 'x/unheard-of' });
    recorder.received({
      method: 'notifications/cancelled',
      params: { requestId: 1 },
    } as any);
    expect(
      operations.map(o => [
        o.attributes['mcp.method.name'],
        o.attributes['error.type'],
      ]),
    ).toEqual([
      ['_OTHER', undefined],
      ['tools/call', 'cancelled'],
      ['notifications/cancelled', undefined],
    ]);
    // An answer after the cancellation records nothing more.
    recorder.answered(1);
    expect(operations).toHaveLength(3);
  });

  it('ends every open request alike, once', () => {
    const { recorder, operations } = setup();
    recorder.received({ id: 1, method: 'tools/list' });
    recorder.received({ id: 2, method: 'tools/call' });
    expect(recorder.isPending(2)).toBe(true);
    recorder.answerAll({ cancelled: true });
    recorder.answerAll({});
    expect(operations.map(o => o.attributes['error.type'])).toEqual([
      'cancelled',
      'cancelled',
    ]);
    expect(recorder.isPending(2)).toBe(false);
  });
});
