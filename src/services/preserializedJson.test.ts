import {
  byteLengthOf,
  keepSerialized,
  serializeMessage,
} from './preserializedJson';

const joined = (message: object) =>
  Buffer.concat(serializeMessage(message).map(p => (typeof p === 'string' ? Buffer.from(p) : p)));

describe('serializeMessage', () => {
  const tools = keepSerialized({
    tools: [{ name: 'a.b', inputSchema: { type: 'object', properties: { q: { type: 'string', description: 'ü "quoted" \u2028' } } } }],
  });

  it.each([
    { result: tools, jsonrpc: '2.0', id: 7 },
    { jsonrpc: '2.0', id: 'x"y', result: tools },
    { result: tools },
    { jsonrpc: '2.0', id: 1, result: { other: true } },
    { jsonrpc: '2.0', id: 1, error: { code: -1, message: 'no' } },
  ])('gives JSON equal to JSON.stringify for %j', message => {
    const bytes = joined(message);
    expect(JSON.parse(bytes.toString())).toEqual(message);
    expect(bytes.length).toBe(Buffer.byteLength(JSON.stringify(message)));
    expect(byteLengthOf(serializeMessage(message))).toBe(bytes.length);
  });

  it('reuses the kept bytes', () => {
    const result = keepSerialized({ n: 1 });
    result.n = 2; // a kept result must not change; this shows the reuse
    expect(joined({ result, id: 1 }).toString()).toBe('{"result":{"n":1},"id":1}');
  });
});
