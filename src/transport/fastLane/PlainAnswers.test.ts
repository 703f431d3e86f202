import type { Tool } from '@modelcontextprotocol/server';
import type { Toolset } from '../../tools/ToolCatalog';
import { PlainAnswers, type AnswerBody } from './PlainAnswers';

const TOOL: Tool = {
  name: 'a.b',
  description: 'Ünïcode tool',
  inputSchema: { type: 'object' },
};

function toolset(tools: Tool[]): Toolset {
  return { tools, listResult: { tools }, find: () => undefined };
}

function text(body: AnswerBody): string {
  const joined = Buffer.concat(body.chunks);
  expect(joined.length).toBe(body.length);
  return joined.toString('utf8');
}

describe('PlainAnswers', () => {
  const answers = new PlainAnswers({
    serverInfo: { name: 'backstage', version: '1.2.3', description: 'd' },
    listTtlMs: 30_000,
  });

  it('writes a 2026-07-28 tools/list with resultType, cache hint and server identity', () => {
    expect(
      JSON.parse(text(answers.list(toolset([TOOL]), 'modern', 'x'))),
    ).toEqual({
      result: {
        tools: [TOOL],
        resultType: 'complete',
        ttlMs: 30_000,
        cacheScope: 'private',
        _meta: {
          'io.modelcontextprotocol/serverInfo': {
            name: 'backstage',
            version: '1.2.3',
            description: 'd',
          },
        },
      },
      jsonrpc: '2.0',
      id: 'x',
    });
  });

  it('writes a bare 2025 tools/list', () => {
    expect(JSON.parse(text(answers.list(toolset([]), 'legacy', 3)))).toEqual({
      result: { tools: [] },
      jsonrpc: '2.0',
      id: 3,
    });
  });

  it('serializes a caller’s list once, and a new list anew', () => {
    const first = toolset([TOOL]);
    const one = answers.list(first, 'modern', 1);
    const two = answers.list(first, 'legacy', 2);
    // The same bytes, not a copy.
    expect(two.chunks[1]).toBe(one.chunks[1]);
    const second = toolset([{ ...TOOL, name: 'c.d' }]);
    const three = answers.list(second, 'modern', 3);
    expect(three.chunks[1]).not.toBe(one.chunks[1]);
    expect(text(three)).toContain('"c.d"');
  });

  it('writes tools/call results for both eras, keeping a result’s own _meta', () => {
    const result = {
      content: [{ type: 'text' as const, text: '{}' }],
      structuredContent: {},
      _meta: { 'example.com/own': 1 },
    };
    expect(JSON.parse(text(answers.call(result, 'modern', 5)))).toEqual({
      result: {
        ...result,
        resultType: 'complete',
        _meta: {
          'example.com/own': 1,
          'io.modelcontextprotocol/serverInfo': {
            name: 'backstage',
            version: '1.2.3',
            description: 'd',
          },
        },
      },
      jsonrpc: '2.0',
      id: 5,
    });
    expect(JSON.parse(text(answers.call(result, 'legacy', 'id')))).toEqual({
      result,
      jsonrpc: '2.0',
      id: 'id',
    });
  });
});
