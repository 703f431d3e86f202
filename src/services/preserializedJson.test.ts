import { keepSerialized, stringifyMessage } from './preserializedJson';

describe('stringifyMessage', () => {
  const tools = keepSerialized({
    tools: [{ name: 'a.b', inputSchema: { type: 'object', properties: { q: { type: 'string', description: 'ü "quoted" \u2028' } } } }],
  });

  it.each([
    { result: tools, jsonrpc: '2.0', id: 7 },
    { jsonrpc: '2.0', id: 'x"y', result: tools },
    { result: tools },
    { jsonrpc: '2.0', id: 1, result: { other: true } },
    { jsonrpc: '2.0', id: 1, error: { code: -1, message: 'no' } },
  ])('gives the same bytes as JSON.stringify for %j', message => {
    expect(JSON.parse(stringifyMessage(message))).toEqual(message);
    expect(stringifyMessage(message).length).toBe(JSON.stringify(message).length);
  });

  it('reuses the kept serialization', () => {
    const result = keepSerialized({ n: 1 });
    result.n = 2; // a kept result must not change; this shows the reuse
    expect(stringifyMessage({ result, id: 1 })).toBe('{"result":{"n":1},"id":1}');
  });
});
