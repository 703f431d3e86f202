import type { ActionsServiceAction } from '@backstage/backend-plugin-api/alpha';
import { actionToTool } from './toolDefinition';

type Schema = ActionsServiceAction['schema']['input'];

const INPUT: Schema = {
  type: 'object',
  properties: { entityRef: { type: 'string' } },
  required: ['entityRef'],
};

function makeAction(
  overrides: Partial<Omit<ActionsServiceAction, 'schema'>> & {
    schema?: Partial<ActionsServiceAction['schema']>;
  } = {},
): ActionsServiceAction {
  const { schema, ...rest } = overrides;
  return {
    id: 'catalog:get-entity',
    pluginId: 'catalog',
    name: 'get-entity',
    title: 'Get entity',
    description: 'Fetches one catalog entity',
    attributes: { readOnly: true, destructive: false, idempotent: true },
    ...rest,
    schema: {
      input: INPUT,
      output: { type: 'object' },
      ...schema,
    } as ActionsServiceAction['schema'],
  };
}

describe('actionToTool', () => {
  it('turns an action with an object input schema into a tool', () => {
    const result = actionToTool(makeAction(), 'catalog.get-entity');
    expect(result).toEqual({
      tool: {
        name: 'catalog.get-entity',
        title: 'Get entity',
        description: 'Fetches one catalog entity',
        inputSchema: INPUT,
        outputSchema: { type: 'object' },
        annotations: {
          title: 'Get entity',
          readOnlyHint: true,
          destructiveHint: false,
          idempotentHint: true,
          openWorldHint: false,
        },
      },
    });
  });

  // MCP's defaults: readOnlyHint false, destructiveHint true,
  // idempotentHint false, openWorldHint true.
  it.each<[string, ActionsServiceAction['attributes'], object]>([
    [
      'read only',
      { readOnly: true, destructive: false, idempotent: true },
      { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
    ],
    [
      'read only, not idempotent',
      { readOnly: true, destructive: false, idempotent: false },
      { readOnlyHint: true, destructiveHint: false },
    ],
    [
      'destructive',
      { readOnly: false, destructive: true, idempotent: false },
      {},
    ],
    [
      'destructive and idempotent',
      { readOnly: false, destructive: true, idempotent: true },
      { idempotentHint: true },
    ],
    [
      'idempotent write',
      { readOnly: false, destructive: false, idempotent: true },
      { destructiveHint: false, idempotentHint: true },
    ],
    ['write without attributes', {} as ActionsServiceAction['attributes'], {}],
  ])(
    'maps the attributes of a %s action to the hints that differ from the defaults',
    (_label, attributes, hints) => {
      const result = actionToTool(makeAction({ attributes }), 'x');
      if (!('tool' in result)) throw new Error(result.problem);
      expect(result.tool.annotations).toEqual({
        title: 'Get entity',
        ...hints,
        openWorldHint: false,
      });
      // Written in a fixed order, whatever is left out.
      expect(Object.keys(result.tool.annotations!)).toEqual(
        Object.keys({ title: 1, ...hints, openWorldHint: 1 }),
      );
    },
  );

  it('leaves out the draft-07 declaration where both dialects agree, and keeps it where they do not', () => {
    const declared = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: { id: { type: 'string' } },
    };
    const tuple = {
      ...declared,
      properties: { pair: { type: 'array', items: [{ type: 'string' }] } },
    };
    const result = actionToTool(
      makeAction({
        schema: { input: declared as Schema, output: tuple as Schema },
      }),
      'x',
    );
    if (!('tool' in result)) throw new Error(result.problem);
    expect(result.tool.inputSchema).toEqual({
      type: 'object',
      properties: { id: { type: 'string' } },
    });
    expect(result.tool.outputSchema).toBe(tuple);
  });

  it.each<[string, unknown]>([
    ['a string schema', { type: 'string' }],
    ['an array schema', { type: 'array', items: { type: 'string' } }],
    ['a schema without a type', { properties: { a: { type: 'string' } } }],
    ['a schema with a list of types', { type: ['object', 'null'] }],
    ['a missing schema', undefined],
    ['a boolean schema', true],
    ['a string', 'object'],
  ])('reports %s as input as a problem', (_label, input) => {
    const result = actionToTool(
      makeAction({ schema: { input: input as Schema } }),
      'x',
    );
    expect(result).toEqual({
      problem: 'its input schema is not a JSON Schema of type "object"',
    });
  });

  it('reports an action without any schema as a problem', () => {
    const action = {
      ...makeAction(),
      schema: undefined,
    } as unknown as ActionsServiceAction;
    expect(actionToTool(action, 'x')).toEqual({
      problem: 'its input schema is not a JSON Schema of type "object"',
    });
  });

  it.each<[string, unknown]>([
    [
      'an object output',
      { type: 'object', properties: { a: { type: 'number' } } },
    ],
    ['an object output without properties', { type: 'object' }],
  ])('with %s, sets outputSchema', (_label, output) => {
    const result = actionToTool(
      makeAction({ schema: { output: output as Schema } }),
      'x',
    );
    expect(result).toEqual({
      tool: expect.objectContaining({ outputSchema: output }),
    });
  });

  it.each<[string, unknown]>([
    ['a string output', { type: 'string' }],
    ['an array output', { type: 'array' }],
    ['an untyped output', {}],
    ['a missing output', undefined],
  ])('with %s, leaves outputSchema out', (_label, output) => {
    const result = actionToTool(
      makeAction({ schema: { output: output as Schema } }),
      'x',
    );
    expect(result).toEqual({ tool: expect.objectContaining({ name: 'x' }) });
    expect((result as { tool: object }).tool).not.toHaveProperty(
      'outputSchema',
    );
  });

  it('reports what the MCP tool schema refuses', () => {
    const result = actionToTool(
      makeAction({ description: 42 as unknown as string }),
      'x',
    );
    expect(result).toEqual({ problem: expect.stringContaining('description') });
  });
});
