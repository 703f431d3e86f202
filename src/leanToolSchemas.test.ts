/*
 * The schemas tools carry, against the actions' own: for every action of
 * the realistic portal (dev/portalActions), its JSON Schema as the Actions
 * Registry writes it (zod-to-json-schema, draft-07, declared) and as its
 * tool carries it (`actionToTool`, the declaration left out where both
 * dialects read the schema alike) must accept and reject the same values:
 * the action's example, and values made from it by dropping a field,
 * swapping one for a value of another kind, adding an unknown one, or
 * passing no object at all. Likewise for the output of the example and its
 * output schema. Each pair is decided by the JSON Schema validators the MCP
 * SDKs use: the v2 SDK's default (Ajv, choosing its dialect by `$schema`:
 * draft-07 for the action's, 2020-12 for a lean one), the v2 SDK's
 * cfworker validator (the same choice), and the v1 SDK's default (Ajv,
 * draft-07 whatever the schema says), which 2025-era clients use.
 */
import type { ActionsServiceAction } from '@backstage/backend-plugin-api/alpha';
import { AjvJsonSchemaValidator as AjvV1 } from '@modelcontextprotocol/sdk/validation/ajv';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/server/validators/ajv';
import { CfWorkerJsonSchemaValidator } from '@modelcontextprotocol/server/validators/cf-worker';
import { z } from 'zod/v3';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { PORTAL_PLUGINS, type PortalAction } from '../dev/portalActions';
import { dialectsAgreeOn } from './tools/leanSchema';
import { actionToTool } from './tools/toolDefinition';

type Schema = Record<string, unknown>;

/** Values put in place of each field, one at a time. */
const PROBES: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  1e12,
  '',
  'x',
  'not-an-email',
  '2024-13-45T99:00:00Z',
  'A'.repeat(300),
  [],
  ['x'],
  [{}],
  {},
  { unexpected: 1 },
];

/** Values that are not an object at all. */
const NOT_OBJECTS: unknown[] = [null, [], 'input', 42];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `value` with one change somewhere down to `depth` levels: a field or
 * array item dropped or replaced by a probe, an unknown field added.
 */
function mutations(value: unknown, depth = 3): unknown[] {
  const out: unknown[] = [];
  if (isObject(value)) {
    out.push({ ...value, zzUnknownField: 'x' });
    for (const key of Object.keys(value)) {
      const { [key]: dropped, ...rest } = value;
      out.push(rest);
      for (const probe of PROBES) {
        out.push({ ...value, [key]: probe });
      }
      if (depth > 0) {
        for (const changed of mutations(dropped, depth - 1)) {
          out.push({ ...value, [key]: changed });
        }
      }
    }
  } else if (Array.isArray(value) && value.length > 0) {
    out.push([], [...value, ...value]);
    for (const probe of PROBES) {
      out.push([probe, ...value.slice(1)]);
    }
    if (depth > 0) {
      for (const changed of mutations(value[0], depth - 1)) {
        out.push([changed, ...value.slice(1)]);
      }
    }
  }
  return out;
}

const validators = {
  'SDK v2 (Ajv)': new AjvJsonSchemaValidator(),
  'SDK v2 (cfworker)': new CfWorkerJsonSchemaValidator(),
  'SDK v1 (Ajv)': new AjvV1(),
};

/**
 * 'a' or 'r' per value, as `validator` decides it against `schema`, or
 * 'refused' when it cannot compile the schema: the SDKs compile patterns
 * with the `u` flag, which refuses the `^\#` zod-to-json-schema writes for
 * `.startsWith('#')`, for instance.
 */
function decisions(
  validator: (typeof validators)[keyof typeof validators],
  schema: Schema,
  values: unknown[],
): string {
  try {
    const validate = validator.getValidator(schema as any);
    return values.map(v => (validate(v).valid ? 'a' : 'r')).join('');
  } catch {
    return 'refused';
  }
}

/** The decisions of every validator. */
function decisionsOfEach(schema: Schema, values: unknown[]) {
  return Object.fromEntries(
    Object.entries(validators).map(([name, validator]) => [
      name,
      decisions(validator, schema, values),
    ]),
  );
}

/** As JSON has it: no undefined fields. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

/** The action as the actions service lists it, its schemas converted as the registry does. */
function listedAction(pluginId: string, action: PortalAction) {
  return {
    id: `${pluginId}:${action.name}`,
    pluginId,
    name: action.name,
    title: action.title,
    description: action.description,
    attributes: {
      readOnly: false,
      destructive: true,
      idempotent: false,
      ...action.attributes,
    },
    schema: {
      input: zodToJsonSchema(action.input(z)),
      output: zodToJsonSchema(action.output(z)),
    },
  } as unknown as ActionsServiceAction;
}

describe('lean tool schemas', () => {
  const cases = PORTAL_PLUGINS.flatMap(plugin =>
    plugin.actions.map(action => ({
      id: `${plugin.pluginId}:${action.name}`,
      action,
      listed: listedAction(plugin.pluginId, action),
    })),
  );
  const totals = { values: 0, accepted: 0, lean: 0 };

  it.each(cases.map(c => [c.id, c] as const))(
    '%s: its tool accepts and rejects what its action does',
    (_id, { action, listed }) => {
      const result = actionToTool(listed, listed.id);
      if (!('tool' in result)) throw new Error(result.problem);
      const { tool } = result;
      const input = asJson(action.example);
      const output = asJson(action.run(action.input(z).parse(action.example)));
      const pairs = [
        {
          original: listed.schema.input as Schema,
          emitted: tool.inputSchema as Schema,
          values: [input, ...mutations(input), ...NOT_OBJECTS],
        },
        {
          original: listed.schema.output as Schema,
          emitted: tool.outputSchema as Schema,
          values: [output, ...mutations(output), ...NOT_OBJECTS],
        },
      ];
      for (const { original, emitted, values } of pairs) {
        const { $schema: _declaration, ...undeclared } = original;
        // Lean exactly where both dialects agree.
        expect('$schema' in emitted).toBe(!dialectsAgreeOn(undeclared));
        totals.lean += '$schema' in emitted ? 0 : 0.5;

        const expected = decisionsOfEach(original, values);
        expect(decisionsOfEach(emitted, values)).toEqual(expected);
        // The example (and its output) is valid to every validator that
        // can read the schema.
        const verdicts = Object.values(expected);
        expect(verdicts.every(v => v === 'refused' || v[0] === 'a')).toBe(true);
        totals.values += values.length;
        totals.accepted += verdicts[2].split('a').length - 1;
      }
    },
  );

  // After the table, which counts as it goes: most schemas lost their
  // declaration, and the values include plenty of both kinds.
  it('is not a vacuous table', () => {
    expect(totals.lean).toBeGreaterThan(cases.length * 0.9);
    expect(totals.accepted).toBeGreaterThan(cases.length);
    expect(totals.values - totals.accepted).toBeGreaterThan(cases.length * 20);
  });
});
