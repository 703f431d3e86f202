import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import type { McpServerConfig } from '../tools/readToolsConfig';
import {
  readResourcesConfig,
  resourcesOf,
  type ResourcesConfig,
} from './readResourcesConfig';

function read(mcpActions: JsonObject): ResourcesConfig {
  return readResourcesConfig(new ConfigReader(mcpActions));
}

const DEFAULT_SERVER: McpServerConfig = {
  name: 'backstage',
  filter: { include: [], exclude: [] },
};
const server = (key: string): McpServerConfig => ({
  ...DEFAULT_SERVER,
  key,
});

describe('readResourcesConfig', () => {
  it("offers the catalog's kinds but Location on the default server, and nothing on others", () => {
    const config = read({ servers: { catalog: { name: 'Catalog' } } });
    expect(resourcesOf(config, DEFAULT_SERVER)).toEqual({
      kinds: [
        'api',
        'component',
        'domain',
        'group',
        'resource',
        'system',
        'template',
        'user',
      ],
      filter: {},
      pageSize: 100,
      cursorScope: expect.any(String),
    });
    expect(resourcesOf(config, server('catalog'))).toBeUndefined();
  });

  it('reads kinds, a filter and the page size, and lets a server override them', () => {
    const config = read({
      resources: {
        kinds: ['Component', 'API', 'component'],
        filter: { 'spec.lifecycle': 'production', 'metadata.tags': ['a', 'b'] },
        pageSize: 50,
      },
      servers: {
        all: { name: 'All', resources: true },
        groups: { name: 'Groups', resources: { kinds: ['Group'] } },
        every: { name: 'Every', resources: { kinds: ['*'], pageSize: 5 } },
        none: { name: 'None', resources: false },
      },
    });
    const shared = {
      kinds: ['component', 'api'],
      filter: { 'spec.lifecycle': ['production'], 'metadata.tags': ['a', 'b'] },
      pageSize: 50,
    };
    expect(resourcesOf(config, DEFAULT_SERVER)).toMatchObject(shared);
    expect(resourcesOf(config, server('all'))).toMatchObject(shared);
    expect(resourcesOf(config, server('groups'))).toMatchObject({
      ...shared,
      kinds: ['group'],
    });
    expect(resourcesOf(config, server('every'))).toEqual({
      filter: shared.filter,
      pageSize: 5,
      cursorScope: expect.any(String),
    });
    expect(resourcesOf(config, server('none'))).toBeUndefined();
  });

  it('turns the default server off with enabled: false, leaving the servers that ask', () => {
    const config = read({
      resources: { enabled: false, kinds: ['Group'] },
      servers: { people: { name: 'People', resources: true } },
    });
    expect(resourcesOf(config, DEFAULT_SERVER)).toBeUndefined();
    expect(resourcesOf(config, server('people'))?.kinds).toEqual(['group']);
  });

  it('gives every server and configuration a cursor scope of its own', () => {
    const scopes = [
      read({}).defaultServer!.cursorScope,
      read({ resources: { kinds: ['User'] } }).defaultServer!.cursorScope,
      read({ servers: { a: { name: 'A', resources: true } } }).servers.get('a')!
        .cursorScope,
    ];
    expect(new Set(scopes).size).toBe(3);
    expect(read({}).defaultServer!.cursorScope).toBe(scopes[0]);
  });

  it.each<[string, JsonObject, string]>([
    [
      'an unknown key',
      { resources: { kind: ['Component'] } },
      "Invalid config at 'mcpActions.resources.kind': unknown key; use kinds, filter or pageSize",
    ],
    [
      'an empty kind list',
      { resources: { kinds: [] } },
      "Invalid config at 'mcpActions.resources.kinds': expected a list of entity kinds",
    ],
    [
      'kinds in the filter',
      { resources: { filter: { kind: 'Component' } } },
      "Invalid config at 'mcpActions.resources.filter.kind': list kinds under 'kinds'",
    ],
    [
      'a filter value that is not text',
      { resources: { filter: { 'spec.lifecycle': 3 } } },
      "Invalid config at 'mcpActions.resources.filter.spec.lifecycle': expected a value or a list of values",
    ],
    [
      'a page size out of range',
      { resources: { pageSize: 5000 } },
      "Invalid config at 'mcpActions.resources.pageSize': expected a whole number from 1 to 1000, got 5000",
    ],
    [
      "a server's switch that is neither boolean nor object",
      { servers: { c: { name: 'C', resources: 'yes' } } },
      "Invalid config at 'mcpActions.servers.c.resources': expected true, false or an object",
    ],
    [
      "enabled in a server's section",
      { servers: { c: { name: 'C', resources: { enabled: true } } } },
      "Invalid config at 'mcpActions.servers.c.resources.enabled': a server turns resources off with 'resources: false'",
    ],
  ])('refuses %s, naming the key', (_label, mcpActions, message) => {
    expect(() => read(mcpActions)).toThrow(message);
  });
});
