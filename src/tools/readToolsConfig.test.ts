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
