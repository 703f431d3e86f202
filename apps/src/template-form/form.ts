// A small hand-written JSON Schema -> HTML form renderer for scaffolder
// template parameters.
//
// Why not react-jsonschema-form (what Backstage itself uses)? RJSF's ajv
// validator compiles every schema into code with `new Function`, which this
// view's Content-Security-Policy forbids (no 'unsafe-eval'), and React plus
// RJSF would multiply the bundle size of a single self-contained HTML file.
// Validation uses @cfworker/json-schema instead, which interprets schemas
// without generating code.
import { Validator, type OutputUnit } from '@cfworker/json-schema';
import { el, replace, type Child } from '../shared/dom';
import { isPlainObject } from '../shared/result';

type Schema = Record<string, unknown>;

interface Field {
  name: string;
  schema: Schema;
  required: boolean;
  /** Reads the current value; `undefined` = leave the property out. */
  read(): { value?: unknown; error?: string };
  setError(message: string | undefined): void;
  hasError(): boolean;
  focus(): void;
}

export interface Step {
  title: string;
  schema: Schema;
  fields: Field[];
  stepError: HTMLElement;
}

export interface RenderedForm {
  element: HTMLElement;
  steps: Step[];
  /** Validates every step; returns the values or undefined if invalid. */
  collect(): Record<string, unknown> | undefined;
}

let idCounter = 0;
const nextId = (name: string) =>
  `f-${++idCounter}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function typeOf(schema: Schema): string | undefined {
  const type = schema.type;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find(t => t !== 'null') as string;
  if (Array.isArray(schema.enum)) return 'string';
  return undefined;
}

/** Step schemas as an array, from either an array or a single object. */
export function stepsOf(parameters: unknown): Schema[] {
  if (Array.isArray(parameters)) return parameters.filter(isPlainObject);
  if (isPlainObject(parameters)) return [parameters];
  return [];
}

/** Removes every `ui:*` key, recursively, before validation. */
export function stripUi(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripUi);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key.startsWith('ui:')) continue;
    out[key] = stripUi(inner);
  }
  return out;
}

function enumLabels(schema: Schema, values: unknown[]): string[] {
  const names = Array.isArray(schema.enumNames) ? schema.enumNames : [];
  return values.map((v, i) => str(names[i]) ?? String(v));
}

function buildField(
  name: string,
  schema: Schema,
  required: boolean,
  initial: unknown,
): { field: Field; element: HTMLElement } {
  const id = nextId(name);
  const type = typeOf(schema);
  const uiField = str(schema['ui:field']);
  const widget = str(schema['ui:widget']);
  const readOnly = schema['ui:readonly'] === true || schema.readOnly === true;
  const autofocus = schema['ui:autofocus'] === true;
  const placeholder = str(schema['ui:placeholder']);
  const title = str(schema.title) ?? name;
  const description = str(schema.description);
  const help = str(schema['ui:help']);
  const errorEl = el('div', {
    class: 'field-error',
    testid: `error-${name}`,
    id: `${id}-error`,
    'aria-live': 'polite',
  });
  const common = {
    id,
    name,
    testid: `field-${name}`,
    'aria-describedby': `${id}-error`,
    'aria-required': required ? 'true' : undefined,
    // Not the autofocus attribute: browsers refuse it (with a console error)
    // in cross-origin frames. main.ts focuses this element instead.
    'data-autofocus': autofocus || undefined,
  };

  let control: HTMLElement;
  let read: Field['read'];
  let focusTarget: HTMLElement;
  let labelFor = true;
  let checkboxLayout = false;
  const extra: Child[] = [];

  const itemEnum =
    type === 'array' &&
    isPlainObject(schema.items) &&
    Array.isArray(schema.items.enum)
      ? (schema.items.enum as unknown[])
      : undefined;

  if (type === 'boolean') {
    const input = el('input', {
      ...common,
      type: 'checkbox',
      checked: initial === true,
      disabled: readOnly,
    });
    control = input;
    focusTarget = input;
    checkboxLayout = true;
    read = () => ({ value: input.checked });
  } else if (itemEnum) {
    const chosen = Array.isArray(initial) ? initial : [];
    const labels = enumLabels(schema.items as Schema, itemEnum);
    const boxes = itemEnum.map((value, i) =>
      el('input', {
        type: 'checkbox',
        value: String(value),
        checked: chosen.includes(value),
        disabled: readOnly,
        testid: `field-${name}-option`,
      }),
    );
    control = el(
      'div',
      {
        ...common,
        class: 'choices',
        role: 'group',
        'aria-labelledby': `${id}-label`,
      },
      boxes.map((box, i) => el('label', null, box, labels[i])),
    );
    labelFor = false;
    focusTarget = boxes[0] ?? control;
    read = () => {
      const value = itemEnum.filter((_, i) => boxes[i].checked);
      return value.length || required ? { value } : {};
    };
  } else if (Array.isArray(schema.enum)) {
    const values = schema.enum as unknown[];
    const labels = enumLabels(schema, values);
    const select = el(
      'select',
      { ...common, disabled: readOnly },
      el('option', { value: '' }, required ? 'Choose…' : '(none)'),
      values.map((value, i) =>
        el(
          'option',
          { value: String(i), selected: value === initial },
          labels[i],
        ),
      ),
    );
    control = select;
    focusTarget = select;
    read = () =>
      select.value === '' ? {} : { value: values[Number(select.value)] };
  } else if (type === 'number' || type === 'integer') {
    const input = el('input', {
      ...common,
      type: 'number',
      step: type === 'integer' ? '1' : 'any',
      min: typeof schema.minimum === 'number' ? schema.minimum : undefined,
      max: typeof schema.maximum === 'number' ? schema.maximum : undefined,
      value:
        typeof initial === 'number' || typeof initial === 'string'
          ? initial
          : undefined,
      placeholder,
      readOnly,
    });
    control = input;
    focusTarget = input;
    read = () => {
      const raw = input.value.trim();
      if (raw === '') {
        // A non-numeric entry reads as '' but is flagged as badInput.
        return input.validity.badInput ? { error: 'Enter a number.' } : {};
      }
      const value = Number(raw);
      return Number.isFinite(value) ? { value } : { error: 'Enter a number.' };
    };
  } else if (
    type === 'array' ||
    type === 'object' ||
    (type === undefined && !uiField)
  ) {
    // Anything the form has no widget for: one string per line for arrays
    // of strings, JSON otherwise.
    const lines =
      type === 'array' &&
      (!isPlainObject(schema.items) ||
        schema.items.type === undefined ||
        schema.items.type === 'string');
    let text = '';
    if (lines && Array.isArray(initial)) text = initial.map(String).join('\n');
    else if (initial !== undefined) text = JSON.stringify(initial, null, 2);
    const area = el('textarea', {
      ...common,
      value: text,
      placeholder,
      readOnly,
    });
    control = area;
    focusTarget = area;
    extra.push(
      el(
        'div',
        { class: 'help' },
        lines ? 'One value per line.' : 'Enter the value as JSON.',
      ),
    );
    read = () => {
      const raw = area.value.trim();
      if (raw === '') return {};
      if (lines)
        return {
          value: raw
            .split('\n')
            .map(s => s.trim())
            .filter(Boolean),
        };
      try {
        return { value: JSON.parse(raw) };
      } catch {
        return { error: 'Not valid JSON.' };
      }
    };
  } else {
    // Strings, and custom pickers (OwnerPicker, EntityPicker, RepoUrlPicker,
    // ...) that only exist in the Backstage frontend: a plain text input.
    const format = str(schema.format);
    let inputType = 'text';
    if (format === 'email') inputType = 'email';
    else if (format === 'uri' || format === 'url') inputType = 'url';
    else if (format === 'date') inputType = 'date';
    else if (widget === 'password') inputType = 'password';
    let value: string | undefined;
    if (typeof initial === 'string') value = initial;
    else if (initial !== undefined && initial !== null) {
      value = JSON.stringify(initial);
    }
    const input =
      widget === 'textarea'
        ? el('textarea', { ...common, value, placeholder, readOnly })
        : el('input', {
            ...common,
            type: inputType,
            value,
            placeholder,
            readOnly,
          });
    control = input;
    focusTarget = input;
    if (uiField) {
      extra.push(
        el(
          'div',
          { class: 'help', testid: `picker-note-${name}` },
          `Backstage shows a picker (${uiField}) here; type the value instead.`,
        ),
      );
    }
    read = () => {
      const raw = input.value;
      return raw.trim() === '' ? {} : { value: raw };
    };
  }

  const label = labelFor
    ? el('label', { for: id, id: `${id}-label` }, title, required ? ' *' : '')
    : el(
        'span',
        { class: 'label', id: `${id}-label` },
        title,
        required ? ' *' : '',
      );

  const element = checkboxLayout
    ? el(
        'div',
        { class: 'field checkbox' },
        el(
          'label',
          { for: id, id: `${id}-label` },
          control,
          title,
          required ? ' *' : '',
        ),
        description ? el('div', { class: 'help' }, description) : null,
        help ? el('div', { class: 'help' }, help) : null,
        errorEl,
      )
    : el(
        'div',
        { class: 'field' },
        label,
        description ? el('div', { class: 'help' }, description) : null,
        control,
        extra,
        help ? el('div', { class: 'help' }, help) : null,
        errorEl,
      );

  const field: Field = {
    name,
    schema,
    required,
    read,
    setError(message) {
      errorEl.textContent = message ?? '';
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
    hasError: () => errorEl.textContent !== '',
    focus: () => focusTarget.focus(),
  };
  return { field, element };
}

function describe(unit: OutputUnit, schema: Schema | undefined): string {
  const s = schema ?? {};
  switch (unit.keyword) {
    case 'required':
      return 'This field is required.';
    case 'maximum':
      return `Must be at most ${s.maximum}.`;
    case 'minimum':
      return `Must be at least ${s.minimum}.`;
    case 'exclusiveMaximum':
      return `Must be less than ${s.exclusiveMaximum}.`;
    case 'exclusiveMinimum':
      return `Must be greater than ${s.exclusiveMinimum}.`;
    case 'minLength':
      return `Must be at least ${s.minLength} characters.`;
    case 'maxLength':
      return `Must be at most ${s.maxLength} characters.`;
    case 'pattern':
      return `Must match the pattern ${s.pattern}.`;
    case 'format':
      return `Must be a valid ${s.format}.`;
    case 'enum':
      return 'Must be one of the listed values.';
    case 'type':
      return `Must be of type ${Array.isArray(s.type) ? s.type.join(' or ') : s.type}.`;
    case 'minItems':
      return `Choose at least ${s.minItems}.`;
    case 'maxItems':
      return `Choose at most ${s.maxItems}.`;
    default:
      return unit.error;
  }
}

function decodePointerSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Keywords that only summarize errors found deeper down. */
const SUMMARY_KEYWORDS = new Set([
  'properties',
  'allOf',
  'anyOf',
  'oneOf',
  '$ref',
  'if',
  'then',
  'else',
  'dependencies',
  'dependentSchemas',
  'items',
  'additionalProperties',
  'unevaluatedProperties',
]);

function validateStep(step: Step, values: Record<string, unknown>): boolean {
  const schema = stripUi(step.schema) as Schema;
  const clean: Schema = { ...schema };
  delete clean.title;
  delete clean.description;
  const validator = new Validator(clean as never, '2020-12', false);
  const { valid, errors } = validator.validate(values);
  if (valid) return true;
  const byName = new Map(step.fields.map(f => [f.name, f]));
  const messages = new Map<string, string>();
  const stepMessages: string[] = [];
  for (const unit of errors) {
    // Errors such as "property x does not match" only summarize the
    // specific ones reported alongside them.
    if (SUMMARY_KEYWORDS.has(unit.keyword)) continue;
    let property: string | undefined;
    let nested = false;
    if (unit.keyword === 'required' && unit.instanceLocation === '#') {
      property = /"([^"]*)"\.?$/.exec(unit.error)?.[1];
    } else {
      const match = /^#\/([^/]+)(\/.*)?$/.exec(unit.instanceLocation);
      if (match) {
        property = decodePointerSegment(match[1]);
        nested = match[2] !== undefined;
      }
    }
    const field = property !== undefined ? byName.get(property) : undefined;
    if (field) {
      if (!messages.has(field.name) && !field.hasError()) {
        messages.set(
          field.name,
          nested ? unit.error : describe(unit, field.schema),
        );
      }
    } else {
      stepMessages.push(property ? `${property}: ${unit.error}` : unit.error);
    }
  }
  if (
    messages.size === 0 &&
    stepMessages.length === 0 &&
    !step.fields.some(field => field.hasError())
  ) {
    stepMessages.push('This step is not valid.');
  }
  for (const [name, message] of messages) byName.get(name)?.setError(message);
  if (stepMessages.length) replace(step.stepError, stepMessages.join('\n'));
  return false;
}

/**
 * Renders the template's parameter steps as one form, one fieldset per step,
 * prefilled from `initial` (the model's values) or the schema defaults.
 */
export function renderForm(
  parameters: unknown,
  initial: Record<string, unknown>,
): RenderedForm {
  const steps: Step[] = [];
  const fieldsets: HTMLElement[] = [];
  stepsOf(parameters).forEach((schema, index) => {
    const title = str(schema.title) ?? `Step ${index + 1}`;
    const required = Array.isArray(schema.required) ? schema.required : [];
    const properties = isPlainObject(schema.properties)
      ? schema.properties
      : {};
    const fields: Field[] = [];
    const elements: HTMLElement[] = [];
    for (const [name, propSchema] of Object.entries(properties)) {
      if (!isPlainObject(propSchema)) continue;
      if (propSchema['ui:widget'] === 'hidden') continue;
      const value = name in initial ? initial[name] : propSchema.default;
      const { field, element } = buildField(
        name,
        propSchema,
        required.includes(name),
        value,
      );
      fields.push(field);
      elements.push(element);
    }
    const stepError = el('div', {
      class: 'field-error',
      testid: `step-error-${index}`,
    });
    const description = str(schema.description);
    steps.push({ title, schema, fields, stepError });
    fieldsets.push(
      el(
        'fieldset',
        { testid: 'form-step' },
        el('legend', null, title),
        description ? el('p', { class: 'help' }, description) : null,
        elements,
        stepError,
      ),
    );
  });

  return {
    element: el('div', null, fieldsets),
    steps,
    collect() {
      const values: Record<string, unknown> = {};
      let ok = true;
      for (const step of steps) {
        replace(step.stepError);
        const stepValues: Record<string, unknown> = {};
        const props = isPlainObject(step.schema.properties)
          ? step.schema.properties
          : {};
        // Hidden fields are not rendered; keep the values the model gave.
        for (const [name, value] of Object.entries(initial)) {
          const prop = props[name];
          if (isPlainObject(prop) && prop['ui:widget'] === 'hidden') {
            stepValues[name] = value;
          }
        }
        let readOk = true;
        for (const field of step.fields) {
          field.setError(undefined);
          const { value, error } = field.read();
          if (error) {
            field.setError(error);
            readOk = false;
          } else if (value !== undefined) {
            stepValues[field.name] = value;
          }
        }
        const valid = validateStep(step, stepValues);
        if (!readOk || !valid) ok = false;
        Object.assign(values, stepValues);
      }
      if (!ok) {
        steps
          .flatMap(step => step.fields)
          .find(field => field.hasError())
          ?.focus();
        return undefined;
      }
      return values;
    },
  };
}
