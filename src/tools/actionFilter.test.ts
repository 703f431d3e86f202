import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { Minimatch } from 'minimatch';
import { ActionFilter, FilterRule } from './readToolsConfig';
import { readMcpActionsConfig } from '../config/readMcpActionsConfig';
import { isActionAllowed, matchesRule } from './actionFilter';

type Attributes = {
  readOnly: boolean;
  destructive: boolean;
  idempotent: boolean;
};

const READ: Attributes = {
  readOnly: true,
  destructive: false,
  idempotent: true,
};
const WRITE: Attributes = {
  readOnly: false,
  destructive: false,
  idempotent: false,
};
const DELETE: Attributes = {
  readOnly: false,
  destructive: true,
  idempotent: true,
};

function action(id: string, attributes: Attributes) {
  return { id, attributes };
}

const ACTIONS = {
  catalogGet: action('catalog:get-entity', READ),
  catalogRegister: action('catalog:register-entity', WRITE),
  catalogDelete: action('catalog:delete-entity', DELETE),
  scaffolderGet: action('scaffolder:get-template', READ),
  scaffolderRun: action('scaffolder:run-template', WRITE),
  techdocsDelete: action('techdocs:delete-site', DELETE),
};
type ActionKey = keyof typeof ACTIONS;
const ALL = Object.keys(ACTIONS) as ActionKey[];

function allowedBy(filter: ActionFilter): ActionKey[] {
  return ALL.filter(key => isActionAllowed(ACTIONS[key], filter));
}

/** The filter of a server read through the real config reader. */
function filterFromConfig(filter: JsonObject): ActionFilter {
  const config = readMcpActionsConfig(
    new ConfigReader({
      mcpActions: {
        defaultServer: false,
        servers: { test: { name: 'Test', filter } },
      },
    }),
  );
  return config.servers[0].filter;
}

describe('matchesRule', () => {
  it.each<[string, FilterRule, ActionKey, boolean]>([
    [
      'catalog:* on a catalog action',
      { id: 'catalog:*', idMatcher: new Minimatch('catalog:*') },
      'catalogGet',
      true,
    ],
    [
      'catalog:* on a scaffolder action',
      { id: 'catalog:*', idMatcher: new Minimatch('catalog:*') },
      'scaffolderGet',
      false,
    ],
    [
      '*:get-* on catalog:get-entity',
      { id: '*:get-*', idMatcher: new Minimatch('*:get-*') },
      'catalogGet',
      true,
    ],
    [
      '*:get-* on scaffolder:get-template',
      { id: '*:get-*', idMatcher: new Minimatch('*:get-*') },
      'scaffolderGet',
      true,
    ],
    [
      '*:get-* on catalog:register-entity',
      { id: '*:get-*', idMatcher: new Minimatch('*:get-*') },
      'catalogRegister',
      false,
    ],
    [
      'an exact id',
      {
        id: 'catalog:get-entity',
        idMatcher: new Minimatch('catalog:get-entity'),
      },
      'catalogGet',
      true,
    ],
    [
      'an exact id on another action',
      {
        id: 'catalog:get-entity',
        idMatcher: new Minimatch('catalog:get-entity'),
      },
      'catalogRegister',
      false,
    ],
    [
      'a brace glob',
      { idMatcher: new Minimatch('{catalog,techdocs}:delete-*') },
      'techdocsDelete',
      true,
    ],
    [
      'readOnly: true on a read',
      { attributes: { readOnly: true } },
      'catalogGet',
      true,
    ],
    [
      'readOnly: true on a write',
      { attributes: { readOnly: true } },
      'catalogRegister',
      false,
    ],
    [
      'destructive: false on a read',
      { attributes: { destructive: false } },
      'catalogGet',
      true,
    ],
    [
      'destructive: false on a delete',
      { attributes: { destructive: false } },
      'catalogDelete',
      false,
    ],
    [
      'two attributes, both matching',
      { attributes: { destructive: true, idempotent: true } },
      'techdocsDelete',
      true,
    ],
    [
      'two attributes, one not matching',
      { attributes: { readOnly: false, idempotent: true } },
      'scaffolderRun',
      false,
    ],
    [
      'glob and attribute both matching',
      {
        idMatcher: new Minimatch('catalog:*'),
        attributes: { destructive: true },
      },
      'catalogDelete',
      true,
    ],
    [
      'glob matching, attribute not',
      {
        idMatcher: new Minimatch('catalog:*'),
        attributes: { destructive: true },
      },
      'catalogGet',
      false,
    ],
    [
      'attribute matching, glob not',
      {
        idMatcher: new Minimatch('catalog:*'),
        attributes: { destructive: true },
      },
      'techdocsDelete',
      false,
    ],
    ['an empty rule', {}, 'catalogGet', true],
  ])('%s: %p', (_label, rule, key, expected) => {
    expect(matchesRule(ACTIONS[key], rule)).toBe(expected);
  });
});

describe('isActionAllowed', () => {
  it.each<[string, JsonObject, ActionKey[]]>([
    ['no rules lets everything pass', {}, ALL],
    [
      'empty include and exclude lets everything pass',
      { include: [], exclude: [] },
      ALL,
    ],
    [
      'include catalog:*',
      { include: [{ id: 'catalog:*' }] },
      ['catalogGet', 'catalogRegister', 'catalogDelete'],
    ],
    [
      'include *:get-*',
      { include: [{ id: '*:get-*' }] },
      ['catalogGet', 'scaffolderGet'],
    ],
    [
      'include readOnly',
      { include: [{ attributes: { readOnly: true } }] },
      ['catalogGet', 'scaffolderGet'],
    ],
    [
      'include any of several rules',
      {
        include: [
          { id: 'scaffolder:*' },
          { attributes: { destructive: true } },
        ],
      },
      ['catalogDelete', 'scaffolderGet', 'scaffolderRun', 'techdocsDelete'],
    ],
    [
      'include a glob combined with an attribute in one rule',
      { include: [{ id: 'catalog:*', attributes: { readOnly: false } }] },
      ['catalogRegister', 'catalogDelete'],
    ],
    [
      'exclude only: everything not excluded passes',
      { exclude: [{ attributes: { destructive: true } }] },
      ['catalogGet', 'catalogRegister', 'scaffolderGet', 'scaffolderRun'],
    ],
    [
      'exclude wins over include',
      { include: [{ id: 'catalog:*' }], exclude: [{ id: 'catalog:delete-*' }] },
      ['catalogGet', 'catalogRegister'],
    ],
    [
      'exclude wins over an include matching the same action exactly',
      {
        include: [{ id: 'catalog:get-entity' }],
        exclude: [{ id: 'catalog:get-entity' }],
      },
      [],
    ],
    [
      'exclude by attribute wins over include by glob',
      {
        include: [{ id: '*:*' }],
        exclude: [{ attributes: { readOnly: false, destructive: false } }],
      },
      ['catalogGet', 'catalogDelete', 'scaffolderGet', 'techdocsDelete'],
    ],
    [
      'exclude by combined rule only removes what matches both',
      { exclude: [{ id: 'catalog:*', attributes: { destructive: true } }] },
      [
        'catalogGet',
        'catalogRegister',
        'scaffolderGet',
        'scaffolderRun',
        'techdocsDelete',
      ],
    ],
    ['include matching nothing', { include: [{ id: 'nope:*' }] }, []],
  ])('%s', (_label, filter, expected) => {
    expect(allowedBy(filterFromConfig(filter))).toEqual(expected);
  });

  it('works with hand-built rules', () => {
    const filter: ActionFilter = {
      include: [{ id: '*:get-*', idMatcher: new Minimatch('*:get-*') }],
      exclude: [
        { id: 'scaffolder:*', idMatcher: new Minimatch('scaffolder:*') },
      ],
    };
    expect(allowedBy(filter)).toEqual(['catalogGet']);
  });
});
