import {
  readSubmittedSecrets,
  secretFieldsOf,
  type SecretField,
} from './secretFields';

/** What zod-to-json-schema makes of the test action's secrets. */
const webhookSchema = {
  type: 'object',
  properties: {
    apiToken: { type: 'string', minLength: 8, description: 'Your token' },
    sandbox: { type: 'boolean', description: 'Use the sandbox' },
  },
  required: ['apiToken'],
  additionalProperties: false,
  $schema: 'http://json-schema.org/draft-07/schema#',
};

function fieldsOf(schema: unknown): SecretField[] {
  const result = secretFieldsOf(schema);
  if ('problem' in result) {
    throw new Error(result.problem);
  }
  return result.fields;
}

describe('secretFieldsOf', () => {
  it('makes one field per property, labelled by title or key, with ids that do not depend on the key', () => {
    const fields = fieldsOf({
      type: 'object',
      properties: {
        'api key': {
          type: 'string',
          title: 'API key',
          maxLength: 40,
          pattern: '^k-',
        },
        port: { type: 'integer', minimum: 1, maximum: 65535 },
        ratio: { type: 'number' },
      },
      required: ['api key'],
    });
    expect(fields).toEqual([
      expect.objectContaining({
        key: 'api key',
        name: 'secret.api key',
        id: 'secret-0',
        label: 'API key',
        kind: 'string',
        required: true,
        maxLength: 40,
        pattern: '^k-',
      }),
      expect.objectContaining({
        key: 'port',
        id: 'secret-1',
        label: 'port',
        kind: 'integer',
        required: false,
        minimum: 1,
        maximum: 65535,
      }),
      expect.objectContaining({ key: 'ratio', id: 'secret-2', kind: 'number' }),
    ]);
  });

  it.each([
    ['a non-object schema', { type: 'string' }, /not an object schema/],
    [
      'no properties',
      { type: 'object', properties: {} },
      /declares no secrets/,
    ],
    [
      'a nested object',
      { type: 'object', properties: { auth: { type: 'object' } } },
      /"auth" is of a type this page cannot ask for \("object"\)/,
    ],
    [
      'a union',
      {
        type: 'object',
        properties: { a: { anyOf: [{ type: 'string' }, { type: 'null' }] } },
      },
      /"a" is of a type .*\("unspecified"\)/,
    ],
  ])('reports %s as a problem', (_label, schema, problem) => {
    expect(secretFieldsOf(schema)).toEqual({
      problem: expect.stringMatching(problem),
    });
  });
});

describe('readSubmittedSecrets', () => {
  const fields = fieldsOf(webhookSchema);

  it('reads strings as typed and checkboxes as booleans', () => {
    expect(
      readSubmittedSecrets(fields, {
        'secret.apiToken': 'tok-12345678',
        'secret.sandbox': 'on',
        csrf: 'x',
      }),
    ).toEqual({
      secrets: { apiToken: 'tok-12345678', sandbox: true },
    });
    expect(
      readSubmittedSecrets(fields, { 'secret.apiToken': 'tok-12345678' }),
    ).toEqual({
      secrets: { apiToken: 'tok-12345678', sandbox: false },
    });
  });

  it.each([
    ['a missing required value', {}, 'apiToken is required.'],
    [
      'an empty required value',
      { 'secret.apiToken': '' },
      'apiToken is required.',
    ],
    [
      'a value too short',
      { 'secret.apiToken': 'short' },
      'apiToken must be at least 8 characters long.',
    ],
    [
      'a value sent twice',
      { 'secret.apiToken': ['aaaaaaaa1', 'aaaaaaaa2'] },
      'apiToken was sent more than once.',
    ],
  ])(
    'refuses %s with a message that never holds the value',
    (_label, body, message) => {
      const result = readSubmittedSecrets(fields, body);
      expect(result).toEqual({
        errors: [
          { field: expect.objectContaining({ key: 'apiToken' }), message },
        ],
      });
      expect(JSON.stringify(result)).not.toMatch(/short|aaaaaaaa/);
    },
  );

  it('checks numbers, integers, bounds, patterns and enums', () => {
    const numeric = fieldsOf({
      type: 'object',
      properties: {
        port: { type: 'integer', minimum: 1, maximum: 10 },
        ratio: { type: 'number' },
        code: { type: 'string', pattern: '^[0-9]{4}$' },
        tier: { type: 'string', enum: ['gold', 'silver'] },
      },
    });
    const errorsOf = (body: Record<string, string>) => {
      const result = readSubmittedSecrets(numeric, body);
      return 'errors' in result
        ? result.errors.map(e => e.message)
        : result.secrets;
    };
    expect(
      errorsOf({
        'secret.port': '3',
        'secret.ratio': '0.5',
        'secret.code': '1234',
        'secret.tier': 'gold',
      }),
    ).toEqual({
      port: 3,
      ratio: 0.5,
      code: '1234',
      tier: 'gold',
    });
    expect(errorsOf({ 'secret.port': '2.5' })).toEqual([
      'port must be a whole number.',
    ]);
    expect(errorsOf({ 'secret.port': '11' })).toEqual([
      'port must be at most 10.',
    ]);
    expect(errorsOf({ 'secret.port': '0' })).toEqual([
      'port must be at least 1.',
    ]);
    expect(errorsOf({ 'secret.ratio': 'abc' })).toEqual([
      'ratio must be a number.',
    ]);
    expect(errorsOf({ 'secret.code': '12a4' })).toEqual([
      'code is not in the expected format.',
    ]);
    expect(errorsOf({ 'secret.tier': 'bronze' })).toEqual([
      'tier is not one of the allowed values.',
    ]);
    expect(errorsOf({})).toEqual({});
  });
});
