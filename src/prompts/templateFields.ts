import type { Entity } from '@backstage/catalog-model';
import type { JsonObject, JsonValue } from '@backstage/types';
import type { PromptArgument } from '@modelcontextprotocol/server';
import {
  OWNER_KINDS,
  type CompletionSource,
} from '../completions/CompletionSource';

/** One parameter of a scaffolder template, as a prompt argument. */
export interface TemplateField {
  argument: PromptArgument;
  /** The parameter's JSON Schema type, to turn the argument's text back. */
  type?: string;
  completion?: CompletionSource;
}

/** Form fields of Backstage's scaffolder whose values are entity refs. */
const OWNER_FIELDS = ['OwnerPicker', 'MyGroupsPicker'];
const ENTITY_FIELDS = [
  'EntityPicker',
  'OwnedEntityPicker',
  'MultiEntityPicker',
];

/**
 * The parameters of a template as prompt arguments: the properties of
 * every step of `spec.parameters` (a step's form page), in order, flattened
 * into one list; the first of two properties of one name wins. A property
 * is required when its step lists it under `required`. Descriptions are
 * kept, with what the form would have shown beside them (allowed values,
 * default, the kind of value), since a prompt argument is plain text.
 * Properties only reachable through `dependencies` or `oneOf` are left
 * out: they depend on other answers, which a prompt cannot express.
 */
export function templateFields(template: Entity): TemplateField[] {
  const parameters = (template.spec as JsonObject | undefined)?.parameters;
  const steps = (Array.isArray(parameters) ? parameters : [parameters]).filter(
    isObject,
  );
  const fields = new Map<string, TemplateField>();
  for (const step of steps) {
    const required = Array.isArray(step.required) ? step.required : [];
    const properties = isObject(step.properties) ? step.properties : {};
    for (const [name, schema] of Object.entries(properties)) {
      if (!fields.has(name) && isObject(schema)) {
        fields.set(name, field(name, schema, required.includes(name)));
      }
    }
  }
  return [...fields.values()];
}

function field(
  name: string,
  schema: JsonObject,
  required: boolean,
): TemplateField {
  const type = typeof schema.type === 'string' ? schema.type : undefined;
  const title = typeof schema.title === 'string' ? schema.title : undefined;
  const described =
    typeof schema.description === 'string' ? schema.description.trim() : '';
  const hints = valueHints(schema, type);
  const description = [described || title, hints].filter(Boolean).join(' ');
  const completion = completionOf(name, schema, type);
  return {
    argument: {
      name,
      ...(description ? { description } : {}),
      required,
    },
    ...(type ? { type } : {}),
    ...(completion ? { completion } : {}),
  };
}

/** What the form would show of the expected value, as a sentence. */
function valueHints(schema: JsonObject, type: string | undefined): string {
  const hints: string[] = [];
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    hints.push(`One of: ${schema.enum.map(v => String(v)).join(', ')}.`);
  } else if (type === 'boolean') {
    hints.push('true or false.');
  } else if (type === 'integer' || type === 'number') {
    const range = [
      typeof schema.minimum === 'number' ? `at least ${schema.minimum}` : '',
      typeof schema.maximum === 'number' ? `at most ${schema.maximum}` : '',
    ].filter(Boolean);
    hints.push(
      `${type === 'integer' ? 'A whole number' : 'A number'}${
        range.length ? `, ${range.join(' and ')}` : ''
      }.`,
    );
  } else if (type === 'array' || type === 'object') {
    hints.push(`A JSON ${type}.`);
  }
  if (schema.default !== undefined) {
    const value =
      typeof schema.default === 'string'
        ? schema.default
        : JSON.stringify(schema.default);
    hints.push(`Default: ${value}.`);
  }
  return hints.join(' ');
}

function completionOf(
  name: string,
  schema: JsonObject,
  type: string | undefined,
): CompletionSource | undefined {
  const uiField = schema['ui:field'];
  const options = isObject(schema['ui:options']) ? schema['ui:options'] : {};
  if (typeof uiField === 'string' && OWNER_FIELDS.includes(uiField)) {
    return { from: 'entityRef', kinds: pickerKinds(options) ?? OWNER_KINDS };
  }
  if (typeof uiField === 'string' && ENTITY_FIELDS.includes(uiField)) {
    const kinds = pickerKinds(options);
    return { from: 'entityRef', ...(kinds ? { kinds } : {}) };
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    return { from: 'values', values: schema.enum.map(v => String(v)) };
  }
  // The conventional name of an owner parameter without a picker.
  if (name === 'owner' && (type === undefined || type === 'string')) {
    return { from: 'entityRef', kinds: OWNER_KINDS };
  }
  return undefined;
}

/**
 * The kinds a picker offers: `allowedKinds`, or the `kind` of its
 * `catalogFilter` (one filter or a list of them).
 */
function pickerKinds(options: JsonObject): string[] | undefined {
  const filters = Array.isArray(options.catalogFilter)
    ? options.catalogFilter
    : [options.catalogFilter];
  const kinds = [
    options.allowedKinds,
    ...filters.filter(isObject).map(f => f.kind),
  ]
    .flatMap(k => (Array.isArray(k) ? k : [k]))
    .filter((k): k is string => typeof k === 'string' && k.trim() !== '')
    .map(k => k.toLocaleLowerCase('en-US'));
  return kinds.length > 0 ? [...new Set(kinds)] : undefined;
}

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
