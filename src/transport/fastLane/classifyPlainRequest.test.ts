import { classifyInboundRequest } from '@modelcontextprotocol/server';
import { classifyPlainRequest } from './classifyPlainRequest';

// The SDK's own classifier, counted.
jest.mock('@modelcontextprotocol/server', () => {
  const actual = jest.requireActual('@modelcontextprotocol/server');
  return {
    ...actual,
    classifyInboundRequest: jest.fn(actual.classifyInboundRequest),
  };
});
const sdkClassify = classifyInboundRequest as jest.MockedFunction<
  typeof classifyInboundRequest
>;

const ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
};
const ACCEPT_BOTH = 'application/json, text/event-stream';

function modern(
  method: string,
  params: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const name = typeof params.name === 'string' ? params.name : undefined;
  return {
    body: {
      jsonrpc: '2.0',
      id: 7,
      method,
      params: { ...params, _meta: { ...ENVELOPE, ...(params._meta as {}) } },
    },
    headers: {
      accept: ACCEPT_BOTH,
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': method,
      ...(name !== undefined ? { 'mcp-name': name } : {}),
      ...headers,
    },
  };
}

function legacy(
  method: string,
  params?: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  return {
    body: { jsonrpc: '2.0', id: 'a', method, ...(params && { params }) },
    headers: {
      accept: ACCEPT_BOTH,
      'mcp-protocol-version': '2025-06-18',
      ...headers,
    },
  };
}

function classify(request: { body: unknown; headers: Record<string, string> }) {
  return classifyPlainRequest(request.body, request.headers);
}

describe('classifyPlainRequest', () => {
  it('takes a 2026-07-28 tools/list and tools/call with the envelope and exact headers', () => {
    expect(classify(modern('tools/list'))).toEqual({
      era: 'modern',
      id: 7,
      method: 'tools/list',
    });
    const traced = {
      ...ENVELOPE,
      'io.modelcontextprotocol/clientInfo': { name: 'c', version: '1' },
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    };
    expect(
      classify(
        modern('tools/call', {
          name: 'x.y',
          arguments: { a: 1 },
          _meta: traced,
        }),
      ),
    ).toEqual({
      era: 'modern',
      id: 7,
      method: 'tools/call',
      name: 'x.y',
      input: { a: 1 },
      meta: traced,
    });
  });

  it('takes a 2025 tools/list and tools/call that accept both answer types', () => {
    expect(classify(legacy('tools/list'))).toEqual({
      era: 'legacy',
      id: 'a',
      method: 'tools/list',
    });
    expect(classify(legacy('tools/call', { name: 'x.y' }))).toEqual({
      era: 'legacy',
      id: 'a',
      method: 'tools/call',
      name: 'x.y',
      input: {},
      meta: undefined,
    });
    expect(
      classify(
        legacy('tools/list', undefined, {
          'mcp-protocol-version': '2025-11-25',
        }),
      ),
    ).toMatchObject({ era: 'legacy' });
  });

  it.each([
    ['a cursor', modern('tools/list', { cursor: 'abc' })],
    [
      'a progress token',
      modern('tools/call', { name: 'x', _meta: { progressToken: 1 } }),
    ],
    [
      'multi round-trip state',
      modern('tools/call', { name: 'x', requestState: 's' }),
    ],
    [
      'input responses',
      modern('tools/call', { name: 'x', inputResponses: {} }),
    ],
    ['task metadata', modern('tools/call', { name: 'x', task: { ttl: 1 } })],
    [
      'arguments that are not an object',
      modern('tools/call', { name: 'x', arguments: [1] }),
    ],
    ['a name that is not a string', modern('tools/call', { name: 3 })],
    [
      'an Mcp-Name that differs',
      modern('tools/call', { name: 'x' }, { 'mcp-name': 'y' }),
    ],
    [
      'a Base64 Mcp-Name',
      modern('tools/call', { name: 'x' }, { 'mcp-name': '=?base64?eA==?=' }),
    ],
    [
      'an Mcp-Name on tools/list',
      modern('tools/list', {}, { 'mcp-name': 'x' }),
    ],
    ['an empty Mcp-Method', modern('tools/list', {}, { 'mcp-method': '' })],
    [
      'an Mcp-Method that differs',
      modern('tools/list', {}, { 'mcp-method': 'tools/call' }),
    ],
    [
      'a version header that differs',
      modern('tools/list', {}, { 'mcp-protocol-version': '2025-06-18' }),
    ],
    [
      'a version header with padding',
      modern('tools/list', {}, { 'mcp-protocol-version': ' 2026-07-28' }),
    ],
    [
      'no JSON in Accept',
      modern('tools/list', {}, { accept: 'text/event-stream' }),
    ],
    [
      'an unknown revision',
      {
        ...modern('tools/list'),
        body: {
          ...modern('tools/list').body,
          params: {
            _meta: {
              ...ENVELOPE,
              'io.modelcontextprotocol/protocolVersion': '2027-01-01',
            },
          },
        },
      },
    ],
    [
      'a 2025 request without the event-stream Accept',
      legacy('tools/list', undefined, { accept: 'application/json' }),
    ],
    [
      'a 2025 request without a version header',
      { ...legacy('tools/list'), headers: { accept: ACCEPT_BOTH } },
    ],
    [
      'a 2025 request naming an unknown version',
      legacy('tools/list', undefined, { 'mcp-protocol-version': '2099-01-01' }),
    ],
    [
      'a 2025 request with a progress token',
      legacy('tools/call', { name: 'x', _meta: { progressToken: 't' } }),
    ],
    ['other methods', legacy('tools/get')],
    [
      'initialize',
      legacy('initialize', {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'c', version: '1' },
      }),
    ],
    [
      'a notification',
      {
        ...legacy('tools/list'),
        body: { jsonrpc: '2.0', method: 'tools/list' },
      },
    ],
    [
      'a null id',
      {
        ...legacy('tools/list'),
        body: { jsonrpc: '2.0', id: null, method: 'tools/list' },
      },
    ],
    [
      'a fractional id',
      {
        ...legacy('tools/list'),
        body: { jsonrpc: '2.0', id: 1.5, method: 'tools/list' },
      },
    ],
    [
      'another jsonrpc version',
      {
        ...legacy('tools/list'),
        body: { jsonrpc: '1.0', id: 1, method: 'tools/list' },
      },
    ],
    ['a batch', { ...legacy('tools/list'), body: [legacy('tools/list').body] }],
    [
      'params that are not an object',
      {
        ...legacy('tools/list'),
        body: { jsonrpc: '2.0', id: 1, method: 'tools/list', params: [] },
      },
    ],
  ])('leaves %s to the SDK', (_label, request) => {
    expect(classify(request as any)).toBeUndefined();
  });

  it('leaves a header sent twice to the SDK', () => {
    const request = modern('tools/list');
    expect(
      classifyPlainRequest(request.body, {
        ...request.headers,
        'mcp-method': ['tools/list', 'tools/list'] as any,
      }),
    ).toBeUndefined();
  });

  it('asks the SDK once per envelope, whatever the trace context, id or arguments', () => {
    sdkClassify.mockClear();
    const envelope = {
      ...ENVELOPE,
      'io.modelcontextprotocol/clientInfo': { name: 'once', version: '1' },
    };
    for (let i = 0; i < 3; i++) {
      const request = modern('tools/call', {
        name: 'x',
        arguments: { i },
        _meta: { ...envelope, traceparent: `00-${i}` },
      });
      expect(classifyPlainRequest(request.body, request.headers)).toMatchObject(
        {
          era: 'modern',
          input: { i },
        },
      );
    }
    expect(sdkClassify).toHaveBeenCalledTimes(1);
    // Another envelope is another shape.
    const other = modern('tools/call', {
      name: 'x',
      _meta: {
        ...envelope,
        'io.modelcontextprotocol/clientCapabilities': { roots: {} },
      },
    });
    expect(classifyPlainRequest(other.body, other.headers)).toBeDefined();
    expect(sdkClassify).toHaveBeenCalledTimes(2);
  });

  it('remembers the SDK refusing an envelope', () => {
    sdkClassify.mockClear();
    const request = modern('tools/list', {
      _meta: { 'io.modelcontextprotocol/clientCapabilities': 'none' },
    });
    expect(classify(request)).toBeUndefined();
    expect(sdkClassify).toHaveBeenCalledTimes(1);
    expect(sdkClassify.mock.results[0].value).toMatchObject({
      kind: 'reject',
    });
    // The same refused envelope again: declined without asking the SDK.
    expect(classify(request)).toBeUndefined();
    expect(sdkClassify).toHaveBeenCalledTimes(1);
  });
});
