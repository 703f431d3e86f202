import type { Entity } from '@backstage/catalog-model';
import type { JsonValue } from '@backstage/types';
import { templateFields } from './templateFields';

function template(parameters: JsonValue): Entity {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 't' },
    spec: { parameters },
  };
}

describe('templateFields', () => {
  it('flattens the steps, keeps order and marks what each step requires', () => {
    const fields = templateFields(
      template([
        {
          title: 'One',
          required: ['a'],
          properties: { a: { type: 'string' }, b: { type: 'string' } },
        },
        {
          title: 'Two',
          required: ['c', 'a'],
          properties: { c: { type: 'boolean' }, a: { type: 'number' } },
        },
      ]),
    );
    expect(
      fields.map(f => [f.argument.name, f.argument.required, f.type]),
    ).toEqual([
      ['a', true, 'string'],
      ['b', false, 'string'],
      ['c', true, 'boolean'],
    ]);
  });

  it('reads parameters given as one object, not a list of steps', () => {
    const fields = templateFields(
      template({ required: ['x'], properties: { x: { type: 'string' } } }),
    );
    expect(fields.map(f => f.argument)).toEqual([
      { name: 'x', required: true },
    ]);
  });

  it.each<[string, JsonValue, string | undefined]>([
    ['the description', { description: 'Said here', title: 'T' }, 'Said here'],
    ['the title when there is no description', { title: 'T' }, 'T'],
    [
      'the allowed values',
      { title: 'Env', enum: ['dev', 'prod'] },
      'Env One of: dev, prod.',
    ],
    ['a range', { type: 'integer', minimum: 1 }, 'A whole number, at least 1.'],
    ['a default', { type: 'string', default: 'x' }, 'Default: x.'],
    ['the kind of a structured value', { type: 'array' }, 'A JSON array.'],
    ['nothing', { type: 'string' }, undefined],
  ])('describes an argument with %s', (_label, schema, description) => {
    const [field] = templateFields(template({ properties: { p: schema } }));
    expect(field.argument.description).toBe(description);
  });

  it.each<[string, string, JsonValue, unknown]>([
    [
      'an OwnerPicker',
      'team',
      { type: 'string', 'ui:field': 'OwnerPicker' },
      { from: 'entityRef', kinds: ['group', 'user'] },
    ],
    [
      'an EntityPicker with a catalog filter',
      'system',
      {
        type: 'string',
        'ui:field': 'EntityPicker',
        'ui:options': {
          catalogFilter: [{ kind: 'System' }, { kind: ['API'] }],
        },
      },
      { from: 'entityRef', kinds: ['system', 'api'] },
    ],
    [
      'an EntityPicker with allowedKinds',
      'thing',
      {
        type: 'string',
        'ui:field': 'EntityPicker',
        'ui:options': { allowedKinds: ['Component'] },
      },
      { from: 'entityRef', kinds: ['component'] },
    ],
    [
      'an enum',
      'env',
      { type: 'string', enum: ['dev', 'prod'] },
      { from: 'values', values: ['dev', 'prod'] },
    ],
    [
      'a plain string named owner',
      'owner',
      { type: 'string' },
      { from: 'entityRef', kinds: ['group', 'user'] },
    ],
    ['any other string', 'name', { type: 'string' }, undefined],
  ])('completes %s', (_label, name, schema, completion) => {
    const [field] = templateFields(
      template({ properties: { [name]: schema } }),
    );
    expect(field.completion).toEqual(completion);
  });

  it('leaves out what only dependencies reach, and a repeated name', () => {
    const fields = templateFields(
      template([
        {
          properties: { kind: { type: 'string', description: 'first' } },
          dependencies: {
            kind: { oneOf: [{ properties: { extra: { type: 'string' } } }] },
          },
        },
        { properties: { kind: { type: 'string', description: 'second' } } },
      ]),
    );
    expect(fields.map(f => f.argument)).toEqual([
      { name: 'kind', description: 'first', required: false },
    ]);
  });

  it('gives a template without parameters no arguments', () => {
    expect(templateFields(template(null))).toEqual([]);
  });
});
