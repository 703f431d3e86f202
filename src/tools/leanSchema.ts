/**
 * The dialects a tool's JSON Schema may be read in. The Actions Registry
 * writes every schema as draft-07 and says so (`"$schema":
 * "http://json-schema.org/draft-07/schema#"`, 52 bytes, twice per tool).
 * MCP 2025-11-25 made 2020-12 the dialect of a schema that names none, and
 * clients of earlier revisions validate with draft-07 validators whatever
 * the schema says. A schema written only in keywords both dialects read
 * alike validates the same either way, so its declaration tells no client
 * anything and is left out; any other schema keeps it.
 */

const DRAFT_07 = /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/;

/**
 * Keywords that hold data or a plain constraint and mean the same in
 * draft-07 and 2020-12. `format` asserts in both with the validators MCP
 * clients use (the SDKs' Ajv with ajv-formats, whatever the dialect).
 */
const PLAIN_KEYWORDS = new Set([
  // annotations
  'title',
  'description',
  'default',
  'examples',
  'readOnly',
  'writeOnly',
  '$comment',
  // assertions
  'type',
  'enum',
  'const',
  'multipleOf',
  'maximum',
  'minimum',
  'maxLength',
  'minLength',
  'pattern',
  'format',
  'maxItems',
  'minItems',
  'uniqueItems',
  'maxProperties',
  'minProperties',
  'required',
]);

/** Numeric in both dialects (draft-04's boolean form is neither's). */
const NUMERIC_KEYWORDS = new Set(['exclusiveMaximum', 'exclusiveMinimum']);

/**
 * Keywords holding one subschema. `items` only as a schema: its array form
 * (a tuple) is `prefixItems` in 2020-12.
 */
const SUBSCHEMA_KEYWORDS = new Set([
  'additionalProperties',
  'items',
  'contains',
  'propertyNames',
  'not',
  'if',
  'then',
  'else',
]);

/** Keywords holding a list of subschemas. */
const SUBSCHEMA_LIST_KEYWORDS = new Set(['allOf', 'anyOf', 'oneOf']);

/** Keywords holding subschemas by property name or pattern. */
const SUBSCHEMA_MAP_KEYWORDS = new Set(['properties', 'patternProperties']);

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Whether draft-07 and 2020-12 validate every value alike against `schema`
 * (a schema or a boolean schema): it uses only keywords both read the same,
 * its subschemas too. Anything else (`$ref` and `definitions`, whose
 * siblings and targets the dialects treat apart; the array form of `items`;
 * `additionalItems`, `dependencies`; keywords of only one dialect; unknown
 * ones) makes it false.
 */
export function dialectsAgreeOn(schema: unknown): boolean {
  if (typeof schema === 'boolean') {
    return true;
  }
  if (!isObject(schema)) {
    return false;
  }
  for (const [keyword, value] of Object.entries(schema)) {
    if (PLAIN_KEYWORDS.has(keyword)) {
      continue;
    }
    if (NUMERIC_KEYWORDS.has(keyword)) {
      if (typeof value !== 'number') {
        return false;
      }
    } else if (SUBSCHEMA_KEYWORDS.has(keyword)) {
      if (!dialectsAgreeOn(value)) {
        return false;
      }
    } else if (SUBSCHEMA_LIST_KEYWORDS.has(keyword)) {
      if (!Array.isArray(value) || !value.every(dialectsAgreeOn)) {
        return false;
      }
    } else if (SUBSCHEMA_MAP_KEYWORDS.has(keyword)) {
      if (!isObject(value) || !Object.values(value).every(dialectsAgreeOn)) {
        return false;
      }
    } else {
      return false;
    }
  }
  return true;
}

/**
 * `schema` without its draft-07 declaration when both dialects read it
 * alike; otherwise `schema` itself, declaration and all. Never copies more
 * than the top level.
 */
export function leanSchema<T extends object>(schema: T): T {
  const { $schema, ...rest } = schema as Record<string, unknown>;
  if (typeof $schema !== 'string' || !DRAFT_07.test($schema)) {
    return schema;
  }
  return dialectsAgreeOn(rest) ? (rest as T) : schema;
}
