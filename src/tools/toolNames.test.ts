import { createHash } from 'node:crypto';
import type { ToolNameSeparator } from './readToolsConfig';
import {
  PORTABLE_TOOL_NAME,
  assignToolNames,
  dottedToolName,
  namespacedToolName,
  toPortableToolName,
} from './toolNames';

type NamedAction = { id: string; pluginId: string; name: string };

function action(pluginId: string, name: string): NamedAction {
  return { id: `${pluginId}:${name}`, pluginId, name };
}

function sha8(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

function namesOf(
  actions: NamedAction[],
  namespaced: boolean,
  separator: ToolNameSeparator,
): Record<string, string> {
  return Object.fromEntries(
    assignToolNames(actions, { namespaced, separator }).names,
  );
}

const LONG_PLUGIN = 'a-plugin-with-a-rather-long-identifier';
const LONG_NAME = 'an-action-whose-name-is-also-far-too-long-for-most-clients';
const LONG = action(LONG_PLUGIN, LONG_NAME);

describe('namespacedToolName', () => {
  it.each<[ToolNameSeparator, string]>([
    ['.', 'catalog.get-entity'],
    ['_', 'catalog_get-entity'],
    ['__', 'catalog__get-entity'],
  ])('joins with %p', (separator, expected) => {
    expect(namespacedToolName(action('catalog', 'get-entity'), separator)).toBe(
      expected,
    );
  });

  it('has a dotted form', () => {
    expect(dottedToolName(action('catalog', 'get-entity'))).toBe(
      'catalog.get-entity',
    );
  });
});

describe('toPortableToolName', () => {
  it.each<[string, string]>([
    ['catalog_get-entity', 'catalog_get-entity'],
    ['catalog.get-entity', 'catalog_get-entity'],
    ['catalog:get entity!', 'catalog_get_entity_'],
    ['héllo/wörld', 'h_llo_w_rld'],
    ['a'.repeat(64), 'a'.repeat(64)],
  ])('makes %p into %p', (input, expected) => {
    expect(toPortableToolName(input)).toBe(expected);
  });

  it.each<[string, string]>([
    ['65 characters', 'a'.repeat(65)],
    ['200 characters with dots', 'x.'.repeat(100)],
    ['a long namespaced name', `${LONG_PLUGIN}_${LONG_NAME}`],
    ['the empty string', ''],
  ])('shortens %s with a hash of the original', (_label, input) => {
    const replaced = input.replace(/[^a-zA-Z0-9_-]/g, '_');
    const expected = `${replaced.slice(0, 55)}_${sha8(input)}`;
    expect(toPortableToolName(input)).toBe(expected);
    expect(toPortableToolName(input)).toMatch(PORTABLE_TOOL_NAME);
    expect(toPortableToolName(input).length).toBeLessThanOrEqual(64);
    // Stable across calls.
    expect(toPortableToolName(input)).toBe(toPortableToolName(input));
  });

  it('tells apart long names that differ only where characters are replaced', () => {
    const base = 'a'.repeat(70);
    expect(toPortableToolName(`${base}.x`)).not.toBe(
      toPortableToolName(`${base}_x`),
    );
  });

  it('tells apart long names that differ only after the kept head', () => {
    const base = 'a'.repeat(70);
    expect(toPortableToolName(`${base}1`)).not.toBe(
      toPortableToolName(`${base}2`),
    );
  });
});

describe('assignToolNames', () => {
  const catalogGet = action('catalog', 'get-entity');
  const scaffolderRun = action('scaffolder', 'run-template');

  it.each<[ToolNameSeparator, Record<string, string>]>([
    [
      '.',
      {
        'catalog:get-entity': 'catalog.get-entity',
        'scaffolder:run-template': 'scaffolder.run-template',
      },
    ],
    [
      '_',
      {
        'catalog:get-entity': 'catalog_get-entity',
        'scaffolder:run-template': 'scaffolder_run-template',
      },
    ],
    [
      '__',
      {
        'catalog:get-entity': 'catalog__get-entity',
        'scaffolder:run-template': 'scaffolder__run-template',
      },
    ],
  ])('names namespaced tools with %p', (separator, expected) => {
    const result = assignToolNames([catalogGet, scaffolderRun], {
      namespaced: true,
      separator,
    });
    expect(Object.fromEntries(result.names)).toEqual(expected);
    expect(result.collisions).toEqual([]);
  });

  it.each<ToolNameSeparator>(['.', '_', '__'])(
    'names short tools by the action name with %p',
    separator => {
      const result = assignToolNames([catalogGet, scaffolderRun], {
        namespaced: false,
        separator,
      });
      expect(Object.fromEntries(result.names)).toEqual({
        'catalog:get-entity': 'get-entity',
        'scaffolder:run-template': 'run-template',
      });
      expect(result.collisions).toEqual([]);
    },
  );

  it.each<[ToolNameSeparator, string, string]>([
    ['.', 'catalog.get', 'techdocs.get'],
    ['_', 'catalog_get', 'techdocs_get'],
    ['__', 'catalog__get', 'techdocs__get'],
  ])(
    'falls back to namespaced names for colliding short names with %p and reports them',
    (separator, catalogName, techdocsName) => {
      const actions = [
        action('catalog', 'get'),
        action('techdocs', 'get'),
        scaffolderRun,
      ];
      const result = assignToolNames(actions, { namespaced: false, separator });
      expect(Object.fromEntries(result.names)).toEqual({
        'catalog:get': catalogName,
        'techdocs:get': techdocsName,
        'scaffolder:run-template': 'run-template',
      });
      expect(result.collisions).toEqual([['catalog:get', 'techdocs:get']]);
    },
  );

  it('reports each group of colliding short names', () => {
    const actions = [
      action('a', 'get'),
      action('b', 'list'),
      action('c', 'get'),
      action('d', 'list'),
      action('e', 'get'),
    ];
    const result = assignToolNames(actions, {
      namespaced: false,
      separator: '_',
    });
    expect(result.collisions).toEqual([
      ['a:get', 'c:get', 'e:get'],
      ['b:list', 'd:list'],
    ]);
    expect(new Set(result.names.values()).size).toBe(actions.length);
  });

  it.each<[string, NamedAction, ToolNameSeparator, boolean, string]>([
    [
      'a dotted plugin id',
      action('my.plugin', 'get'),
      '_',
      true,
      'my_plugin_get',
    ],
    [
      'a dotted plugin id with __',
      action('my.plugin', 'get'),
      '__',
      true,
      'my_plugin__get',
    ],
    [
      'spaces and symbols',
      action('catalog', 'get entity!'),
      '_',
      true,
      'catalog_get_entity_',
    ],
    [
      'a short name with a slash',
      action('catalog', 'get/entity'),
      '_',
      false,
      'get_entity',
    ],
    [
      'a short name with a slash and .',
      action('catalog', 'get/entity'),
      '.',
      false,
      'get/entity',
    ],
    [
      'a dotted plugin id with .',
      action('my.plugin', 'get'),
      '.',
      true,
      'my.plugin.get',
    ],
  ])('handles %s', (_label, a, separator, namespaced, expected) => {
    expect(namesOf([a], namespaced, separator)[a.id]).toBe(expected);
  });

  it.each<ToolNameSeparator>(['_', '__'])(
    'shortens names over 64 characters deterministically with %p',
    separator => {
      const full = `${LONG_PLUGIN}${separator}${LONG_NAME}`;
      expect(full.length).toBeGreaterThan(64);
      const name = namesOf([LONG], true, separator)[LONG.id];
      expect(name).toBe(`${full.slice(0, 55)}_${sha8(full)}`);
      expect(name).toHaveLength(64);
      expect(namesOf([LONG], true, separator)[LONG.id]).toBe(name);
    },
  );

  it('leaves long names as they are with "." (names are only made portable with "_" or "__")', () => {
    expect(namesOf([LONG], true, '.')[LONG.id]).toBe(
      `${LONG_PLUGIN}.${LONG_NAME}`,
    );
  });

  const MIXED: NamedAction[] = [
    action('catalog', 'get-entity'),
    action('catalog', 'get'),
    action('techdocs', 'get'),
    action('my.plugin', 'do thing'),
    action('a.b', 'x'),
    action('a_b', 'x'),
    action('a', 'b_x'),
    action('ünïcode', 'ñame'),
    LONG,
    action(LONG_PLUGIN, `${LONG_NAME}-2`),
    action('x', ''),
  ];

  it.each<[ToolNameSeparator, boolean]>([
    ['_', true],
    ['_', false],
    ['__', true],
    ['__', false],
  ])(
    'gives every name the portable form with %p (namespaced: %p)',
    (separator, namespaced) => {
      const names = namesOf(MIXED, namespaced, separator);
      expect(Object.keys(names)).toHaveLength(MIXED.length);
      for (const name of Object.values(names)) {
        expect(name).toMatch(PORTABLE_TOOL_NAME);
      }
      expect(new Set(Object.values(names)).size).toBe(MIXED.length);
    },
  );

  it.each<[ToolNameSeparator, boolean]>([
    ['.', true],
    ['.', false],
    ['_', true],
    ['_', false],
    ['__', true],
    ['__', false],
  ])(
    'does not depend on input order with %p (namespaced: %p)',
    (separator, namespaced) => {
      const forward = namesOf(MIXED, namespaced, separator);
      const reversed = namesOf([...MIXED].reverse(), namespaced, separator);
      const rotated = namesOf(
        [...MIXED.slice(4), ...MIXED.slice(0, 4)],
        namespaced,
        separator,
      );
      expect(reversed).toEqual(forward);
      expect(rotated).toEqual(forward);
      // And stable across calls.
      expect(namesOf(MIXED, namespaced, separator)).toEqual(forward);
    },
  );

  it.each<[string, NamedAction[], ToolNameSeparator, boolean]>([
    ['plugin a.b vs a_b', [action('a.b', 'x'), action('a_b', 'x')], '_', true],
    [
      'plugin a.b vs a_b with __',
      [action('a.b', 'x'), action('a_b', 'x')],
      '__',
      true,
    ],
    [
      'plugin a + b_x vs a_b + x (no sanitising needed)',
      [action('a', 'b_x'), action('a_b', 'x')],
      '_',
      true,
    ],
    [
      'short names a.b vs a_b',
      [action('p', 'a.b'), action('q', 'a_b')],
      '_',
      false,
    ],
    [
      'a short name vs a namespaced fallback',
      [action('x', 'get'), action('y', 'get'), action('z', 'x_get')],
      '_',
      false,
    ],
    [
      'three-way',
      [action('a.b', 'x'), action('a_b', 'x'), action('a', 'b.x')],
      '_',
      true,
    ],
  ])(
    'resolves the collision of %s into distinct names',
    (_label, actions, separator, namespaced) => {
      const names = namesOf(actions, namespaced, separator);
      const values = Object.values(names);
      expect(values).toHaveLength(actions.length);
      expect(new Set(values).size).toBe(actions.length);
      for (const name of values) {
        expect(name).toMatch(PORTABLE_TOOL_NAME);
      }
    },
  );

  it('suffixes colliding names with a hash of the action id', () => {
    const names = namesOf([action('a.b', 'x'), action('a_b', 'x')], true, '_');
    expect(names).toEqual({
      'a.b:x': `a_b_x_${sha8('a.b:x')}`,
      'a_b:x': `a_b_x_${sha8('a_b:x')}`,
    });
  });

  it('leaves names that do not collide alone when others do', () => {
    const names = namesOf(
      [action('a.b', 'x'), action('a_b', 'x'), action('c', 'y')],
      true,
      '_',
    );
    expect(names['c:y']).toBe('c_y');
  });

  // A hash-suffixed name can meet a name an action already has.
  it('keeps names unique when a name equals a hash-suffixed one', () => {
    const taken = `a_b_x_${sha8('a.b:x')}`;
    const actions = [
      action('a.b', 'x'),
      action('a_b', 'x'),
      action('c', taken),
    ];
    const names = namesOf(actions, false, '_');
    expect(new Set(Object.values(names)).size).toBe(actions.length);
  });
});
