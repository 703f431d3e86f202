import type { JsonObject } from '@backstage/types';
import { isJsonObject } from '../../mcpServer/isJsonObject';

/**
 * The secrets page's form, derived from an action's `schema.secrets` (JSON
 * Schema, as the actions service reports it), and the parsing of what the
 * form sends back. Only flat objects of strings, numbers, integers and
 * booleans can be entered in a page; anything else is reported as a
 * problem, so the page can say so instead of guessing.
 */

export type SecretFieldKind = 'string' | 'number' | 'integer' | 'boolean';

export interface SecretField {
  /** The property name in the secrets object. */
  key: string;
  /** The `name` of the form control. */
  name: string;
  /** The HTML id of the control; ids of descriptions and errors derive from it. */
  id: string;
  label: string;
  description?: string;
  kind: SecretFieldKind;
  required: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  enum?: Array<string | number>;
}

export interface FieldError {
  field: SecretField;
  /** Names the field and the rule; never holds the submitted value. */
  message: string;
}

const FIELD_NAME_PREFIX = 'secret.';

/** The form fields for a secrets schema, or why it cannot be a form. */
export function secretFieldsOf(
  schema: unknown,
): { fields: SecretField[] } | { problem: string } {
  if (
    !isJsonObject(schema) ||
    (schema.type !== undefined && schema.type !== 'object')
  ) {
    return { problem: 'the secrets schema is not an object schema' };
  }
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const required = new Set(
    Array.isArray(schema.required) ? schema.required.filter(isString) : [],
  );
  const fields: SecretField[] = [];
  for (const [index, [key, property]] of Object.entries(properties).entries()) {
    if (!isJsonObject(property)) {
      return { problem: `the secret "${key}" has no schema` };
    }
    const kind = property.type;
    if (
      kind !== 'string' &&
      kind !== 'number' &&
      kind !== 'integer' &&
      kind !== 'boolean'
    ) {
      return {
        problem: `the secret "${key}" is of a type this page cannot ask for (${JSON.stringify(
          kind ?? 'unspecified',
        )}); it supports strings, numbers, integers and booleans`,
      };
    }
    fields.push({
      key,
      name: `${FIELD_NAME_PREFIX}${key}`,
      id: `secret-${index}`,
      label: nonEmptyString(property.title) ?? key,
      description: nonEmptyString(property.description),
      kind,
      required: required.has(key),
      minLength: numberOrUndefined(property.minLength),
      maxLength: numberOrUndefined(property.maxLength),
      pattern: nonEmptyString(property.pattern),
      minimum: numberOrUndefined(property.minimum),
      maximum: numberOrUndefined(property.maximum),
      enum: Array.isArray(property.enum)
        ? property.enum.filter(
            (v): v is string | number =>
              typeof v === 'string' || typeof v === 'number',
          )
        : undefined,
    });
  }
  if (fields.length === 0) {
    return { problem: 'the secrets schema declares no secrets' };
  }
  return { fields };
}

/**
 * The secrets object from a submitted form (an urlencoded body), checked
 * against the fields' rules. Error messages name the field and the rule,
 * never the value, since the value may be a secret.
 */
export function readSubmittedSecrets(
  fields: SecretField[],
  body: Record<string, unknown>,
): { secrets: JsonObject } | { errors: FieldError[] } {
  const secrets: JsonObject = {};
  const errors: FieldError[] = [];
  for (const field of fields) {
    const raw = body[field.name];
    if (Array.isArray(raw)) {
      errors.push({
        field,
        message: `${field.label} was sent more than once.`,
      });
      continue;
    }
    const text = typeof raw === 'string' ? raw : undefined;
    if (field.kind === 'boolean') {
      secrets[field.key] = text !== undefined && text !== '';
      continue;
    }
    if (text === undefined || text === '') {
      if (field.required) {
        errors.push({ field, message: `${field.label} is required.` });
      }
      continue;
    }
    const result =
      field.kind === 'string'
        ? checkString(field, text)
        : checkNumber(field, text);
    if ('message' in result) {
      errors.push({ field, message: result.message });
    } else {
      secrets[field.key] = result.value;
    }
  }
  return errors.length > 0 ? { errors } : { secrets };
}

function checkString(
  field: SecretField,
  text: string,
): { value: string } | { message: string } {
  const length = [...text].length;
  if (field.minLength !== undefined && length < field.minLength) {
    return {
      message: `${field.label} must be at least ${field.minLength} characters long.`,
    };
  }
  if (field.maxLength !== undefined && length > field.maxLength) {
    return {
      message: `${field.label} must be at most ${field.maxLength} characters long.`,
    };
  }
  if (field.pattern !== undefined && !matches(field.pattern, text)) {
    return { message: `${field.label} is not in the expected format.` };
  }
  if (field.enum && !field.enum.includes(text)) {
    return { message: `${field.label} is not one of the allowed values.` };
  }
  return { value: text };
}

function checkNumber(
  field: SecretField,
  text: string,
): { value: number } | { message: string } {
  const value = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(value)) {
    return { message: `${field.label} must be a number.` };
  }
  if (field.kind === 'integer' && !Number.isInteger(value)) {
    return { message: `${field.label} must be a whole number.` };
  }
  if (field.minimum !== undefined && value < field.minimum) {
    return { message: `${field.label} must be at least ${field.minimum}.` };
  }
  if (field.maximum !== undefined && value > field.maximum) {
    return { message: `${field.label} must be at most ${field.maximum}.` };
  }
  if (field.enum && !field.enum.includes(value)) {
    return { message: `${field.label} is not one of the allowed values.` };
  }
  return { value };
}

/** JSON Schema patterns are ECMAScript regular expressions, unanchored. */
function matches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value)
    ? value
    : undefined;
}
