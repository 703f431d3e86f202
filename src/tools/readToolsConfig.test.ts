import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readToolsConfig } from './readToolsConfig';

function outputSchemasOf(mcpActions: JsonObject) {
  return readToolsConfig(new ConfigReader(mcpActions)).servers.map(s => [
    s.key,
    s.outputSchemas,
  ]);
}

describe('readToolsConfig: outputSchemas', () => {
  it.each<[string, JsonObject, Array<[string | undefined, boolean]>]>([
    [
      'kept everywhere by default',
      { servers: { a: { name: 'A' } } },
      [
        [undefined, true],
        ['a', true],
      ],
    ],
    [
      'left out on one server',
      { servers: { a: { name: 'A', outputSchemas: false }, b: { name: 'B' } } },
      [
        [undefined, true],
        ['a', false],
        ['b', true],
      ],
    ],
    [
      'left out everywhere but where a server keeps them',
      {
        outputSchemas: false,
        servers: { a: { name: 'A', outputSchemas: true }, b: { name: 'B' } },
      },
      [
        [undefined, false],
        ['a', true],
        ['b', false],
      ],
    ],
  ])('%s', (_label, mcpActions, expected) => {
    expect(outputSchemasOf(mcpActions)).toEqual(expected);
  });

  it.each<[JsonObject, string]>([
    [{ outputSchemas: 'maybe' }, 'outputSchemas'],
    [
      { servers: { a: { name: 'A', outputSchemas: {} } } },
      'mcpActions.servers.a.outputSchemas',
    ],
  ])('refuses a value that is not a boolean: %j', (mcpActions, key) => {
    expect(() => outputSchemasOf(mcpActions)).toThrow(key);
  });
});

function listingOf(mcpActions: JsonObject) {
  return readToolsConfig(new ConfigReader(mcpActions)).servers.map(s => [
    s.key,
    s.toolSearch
      ? {
          pinned: s.toolSearch.pinned.map(p => p.pattern),
          maxResults: s.toolSearch.maxResults,
        }
      : undefined,
    s.toolsPageSize,
  ]);
}

describe('readToolsConfig: toolSearch and toolsPageSize', () => {
  it('leaves both off by default', () => {
    expect(listingOf({ servers: { a: { name: 'A' } } })).toEqual([
      [undefined, undefined, undefined],
      ['a', undefined, undefined],
    ]);
  });

  it('lets a server take the shared settings or override them', () => {
    expect(
      listingOf({
        toolSearch: { enabled: true, pinned: ['search:*'] },
        toolsPageSize: 50,
        servers: {
          a: { name: 'A' },
          b: { name: 'B', toolSearch: { maxResults: 3 }, toolsPageSize: 10 },
          c: { name: 'C', toolSearch: { enabled: false } },
        },
      }),
    ).toEqual([
      [undefined, { pinned: ['search:*'], maxResults: 10 }, 50],
      ['a', { pinned: ['search:*'], maxResults: 10 }, 50],
      ['b', { pinned: ['search:*'], maxResults: 3 }, 10],
      ['c', undefined, 50],
    ]);
  });

  it.each<[JsonObject, string]>([
    [{ toolsPageSize: 0 }, "'mcpActions.toolsPageSize'"],
    [
      { servers: { a: { name: 'A', toolsPageSize: 'ten' } } },
      "'mcpActions.servers.a.toolsPageSize'",
    ],
    [
      { toolSearch: { enabled: true, maxResults: -1 } },
      "'mcpActions.toolSearch.maxResults'",
    ],
    [
      {
        servers: { a: { name: 'A', toolSearch: { enabled: true, pins: [] } } },
      },
      "'mcpActions.servers.a.toolSearch.pins'",
    ],
    [
      { toolSearch: { enabled: true, pinned: [''] } },
      "'mcpActions.toolSearch.pinned[0]'",
    ],
  ])('refuses %j', (mcpActions, key) => {
    expect(() => listingOf(mcpActions)).toThrow(key);
  });
});
