import { AjvJsonSchemaValidator } from '@modelcontextprotocol/server/validators/ajv';
import { dialectsAgreeOn, leanSchema } from './leanSchema';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

function declared(schema: Record<string, unknown>) {
  return { type: 'object', ...schema, $schema: DRAFT_07 };
}

/** Accepted, rejected, or refused as a schema, by the SDK's validator. */
function decision(schema: object, value: unknown) {
  try {
    const validate = new AjvJsonSchemaValidator().getValidator(schema as any);
    return validate(value).valid ? 'accepted' : 'rejected';
  } catch {
    return 'refused';
  }
}

describe('leanSchema', () => {
  it.each<[string, Record<string, unknown>]>([
    ['an empty object schema', {}],
    [
      'properties, required and additionalProperties',
      {
        properties: { a: { type: 'string' }, b: { type: 'integer' } },
        required: ['a'],
        additionalProperties: false,
      },
    ],
    [
      'every assertion both dialects share',
      {
        properties: {
          s: {
            type: 'string',
            minLength: 1,
            maxLength: 9,
            pattern: '^[a-z]+$',
            format: 'email',
          },
          n: {
            type: 'number',
            minimum: 0,
            maximum: 9,
            exclusiveMinimum: 0,
            exclusiveMaximum: 10,
            multipleOf: 0.5,
          },
          e: { enum: ['a', 'b', null] },
          c: { const: { deep: ['x'] } },
          list: {
            type: 'array',
            items: { type: 'string' },
            minItems: 1,
            maxItems: 3,
            uniqueItems: true,
            contains: { const: 'x' },
          },
          map: {
            type: 'object',
            minProperties: 1,
            maxProperties: 3,
            propertyNames: { pattern: '^k' },
            patternProperties: { '^k': { type: 'number' } },
            additionalProperties: { type: 'string' },
          },
          nullable: { type: ['string', 'null'] },
        },
      },
    ],
    [
      'annotations',
      {
        title: 'T',
        description: 'D',
        default: {},
        examples: [{}],
        $comment: 'why',
        properties: { r: { readOnly: true, writeOnly: false } },
      },
    ],
    [
      'combinators and conditionals over agreeing subschemas',
      {
        properties: {
          a: { anyOf: [{ type: 'string' }, { type: 'number' }] },
          b: { oneOf: [{ const: 1 }, { const: 2 }] },
          c: { allOf: [{ minimum: 1 }, { maximum: 3 }] },
          d: { not: { type: 'null' } },
          e: {
            if: { type: 'string' },
            then: { minLength: 2 },
            else: { type: 'number' },
          },
        },
      },
    ],
    [
      'boolean subschemas',
      { properties: { any: true, none: false }, additionalProperties: false },
    ],
    [
      'properties named like keywords',
      {
        properties: {
          $ref: { type: 'string' },
          dependencies: { type: 'array', items: { type: 'string' } },
          definitions: { type: 'object' },
        },
      },
    ],
  ])('leaves out the declaration of %s', (_label, schema) => {
    const input = declared(schema);
    const lean = leanSchema(input);
    const { $schema: _declaration, ...expected } = input;
    expect(lean).toEqual(expected);
    expect(Object.keys(lean)).toEqual(Object.keys(expected));
    expect(input.$schema).toBe(DRAFT_07);
  });

  it.each([
    'http://json-schema.org/draft-07/schema#',
    'http://json-schema.org/draft-07/schema',
    'https://json-schema.org/draft-07/schema#',
  ])('reads %s as draft-07', uri => {
    expect(leanSchema({ type: 'object', $schema: uri })).toEqual({
      type: 'object',
    });
  });

  it.each<[string, Record<string, unknown>]>([
    [
      '$ref and definitions',
      {
        definitions: { id: { type: 'string' } },
        properties: { a: { $ref: '#/definitions/id' } },
      },
    ],
    ['$defs', { $defs: { id: { type: 'string' } } }],
    ['$id', { $id: 'https://example.com/s' }],
    [
      'items as a tuple',
      { properties: { pair: { type: 'array', items: [{ type: 'string' }] } } },
    ],
    [
      'additionalItems',
      {
        properties: {
          pair: {
            type: 'array',
            items: [{ type: 'string' }],
            additionalItems: false,
          },
        },
      },
    ],
    ['dependencies', { dependencies: { a: ['b'] } }],
    ['dependentRequired', { dependentRequired: { a: ['b'] } }],
    ['dependentSchemas', { dependentSchemas: { a: { required: ['b'] } } }],
    [
      'prefixItems',
      { properties: { p: { prefixItems: [{ type: 'string' }] } } },
    ],
    ['unevaluatedProperties', { unevaluatedProperties: false }],
    ['minContains', { properties: { l: { contains: {}, minContains: 2 } } }],
    ['contentMediaType', { properties: { j: { contentMediaType: 'a/b' } } }],
    ['an unknown keyword', { properties: { a: { nullable: true } } }],
    [
      'a boolean exclusiveMinimum',
      { properties: { n: { minimum: 0, exclusiveMinimum: true } } },
    ],
    ['a nested $schema', { properties: { a: { $schema: DRAFT_07 } } }],
    [
      'a disagreeing keyword deep in a combinator',
      {
        properties: {
          a: { anyOf: [{ type: 'string' }, { dependencies: { x: ['y'] } }] },
        },
      },
    ],
    ['an anyOf that is not a list', { anyOf: { type: 'string' } }],
    ['properties that are not an object', { properties: [] }],
  ])('keeps the declaration of a schema with %s', (_label, schema) => {
    const input = declared(schema);
    expect(leanSchema(input)).toBe(input);
  });

  it.each<[string, Record<string, unknown>]>([
    ['no declaration', { type: 'object' }],
    [
      'the 2020-12 declaration',
      {
        type: 'object',
        $schema: 'https://json-schema.org/draft/2020-12/schema',
      },
    ],
    [
      'the draft-04 declaration',
      { type: 'object', $schema: 'http://json-schema.org/draft-04/schema#' },
    ],
  ])('leaves a schema with %s as it is', (_label, schema) => {
    expect(leanSchema(schema)).toBe(schema);
  });

  it('reads non-schemas as disagreeing', () => {
    expect(dialectsAgreeOn(null)).toBe(false);
    expect(dialectsAgreeOn('string')).toBe(false);
    expect(dialectsAgreeOn([{ type: 'string' }])).toBe(false);
    expect(dialectsAgreeOn(true)).toBe(true);
  });

  // Why these keep their declaration: without it, the SDK's validator reads
  // them as 2020-12 and decides otherwise than draft-07 does.
  it.each<[string, Record<string, unknown>, unknown]>([
    [
      'unevaluatedProperties',
      { properties: { a: {} }, unevaluatedProperties: false },
      { b: 1 },
    ],
    [
      'items as a tuple',
      {
        properties: {
          pair: {
            type: 'array',
            items: [{ type: 'string' }, { type: 'number' }],
          },
        },
      },
      { pair: [1, 'x'] },
    ],
    [
      'additionalItems',
      {
        properties: {
          pair: {
            type: 'array',
            items: [{ type: 'string' }],
            additionalItems: false,
          },
        },
      },
      { pair: ['x', 'y'] },
    ],
    ['dependentRequired', { dependentRequired: { a: ['b'] } }, { a: 1 }],
  ])(
    'a schema with %s validates otherwise without its declaration',
    (_label, schema, value) => {
      const input = declared(schema);
      const { $schema: _declaration, ...undeclared } = input;
      expect(leanSchema(input)).toBe(input);
      expect(decision(input, value)).not.toBe(decision(undeclared, value));
    },
  );
});
