import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import type { JsonValue } from '@backstage/types';
import {
  ProtocolError,
  ProtocolErrorCode,
  type Prompt,
  type PromptMessage,
} from '@modelcontextprotocol/server';
import type { ScaffolderTools } from './scaffolderTools';
import type { TemplateField } from './templateFields';

/**
 * A template's prompt name: its name, and outside the default namespace
 * `<namespace>/<name>` (a `/` never occurs in either, so the two cannot
 * meet).
 */
export function templatePromptName(template: Entity): string {
  const namespace = template.metadata.namespace ?? 'default';
  return namespace === 'default'
    ? template.metadata.name
    : `${namespace}/${template.metadata.name}`;
}

/**
 * The namespace and name of the template a prompt name stands for;
 * undefined for a name no template prompt can have.
 */
export function templateOfPromptName(
  promptName: string,
): { namespace: string; name: string } | undefined {
  const parts = promptName.split('/');
  if (parts.length > 2 || parts.some(part => part === '')) {
    return undefined;
  }
  return parts.length === 2
    ? { namespace: parts[0], name: parts[1] }
    : { namespace: 'default', name: parts[0] };
}

/** How a template is listed as a prompt. */
export function templatePrompt(
  template: Entity,
  fields: TemplateField[],
): Prompt {
  const { title, description } = template.metadata;
  return {
    name: templatePromptName(template),
    ...(title ? { title } : {}),
    description:
      description?.trim() ||
      `Creates software from the scaffolder template ${stringifyEntityRef(template)}.`,
    arguments: fields.map(f => f.argument),
  };
}

/**
 * The message that has the model run a template with the user's values:
 * which tool to call with exactly which arguments, how to follow the task
 * it starts, and what to report. The values are turned from prompt text
 * into what each parameter's schema expects; a value that cannot be, or a
 * missing required one, is invalid params naming the argument.
 */
export function templateMessages(
  template: Entity,
  fields: TemplateField[],
  args: Record<string, string>,
  tools: ScaffolderTools,
): PromptMessage[] {
  const templateRef = stringifyEntityRef(template);
  const values = templateValues(templateRef, fields, args);
  const call = JSON.stringify({ templateRef, values }, null, 2);
  const follow = followTask(tools);
  const name = template.metadata.title ?? template.metadata.name;
  const text = [
    `Create software from the Backstage scaffolder template "${name}" (${templateRef}).`,
    '',
    `Run it with the tool \`${tools.execute}\` and exactly these arguments:`,
    '',
    '```json',
    call,
    '```',
    '',
    follow,
    '',
    'Then tell me whether it succeeded, what its log says, and which links or catalog entities it produced. If the scaffolder refuses the values, show me its message and ask me for corrected values rather than guessing them.',
  ].join('\n');
  return [{ role: 'user', content: { type: 'text', text } }];
}

/** How to follow the task, with the tools the caller has for it. */
function followTask(tools: ScaffolderTools): string {
  const started = 'It answers with a `taskId` at once.';
  if (tools.logs) {
    return `${started} Follow the task with \`${tools.logs}\` (\`{ "taskId": "<taskId>", "after": <id of the last event you saw> }\`) until an event of type \`completion\` arrives.`;
  }
  if (tools.tasks) {
    return `${started} Follow the task with \`${tools.tasks}\` until its status is \`completed\`, \`failed\` or \`cancelled\`.`;
  }
  return `${started} Tell me that id.`;
}

function templateValues(
  templateRef: string,
  fields: TemplateField[],
  args: Record<string, string>,
): Record<string, JsonValue> {
  const known = new Set(fields.map(f => f.argument.name));
  const unknown = Object.keys(args).filter(name => !known.has(name));
  if (unknown.length > 0) {
    throw invalid(
      `The template ${templateRef} has no parameter "${unknown[0]}"; its parameters are ${[...known].join(', ') || 'none'}`,
    );
  }
  const values: Record<string, JsonValue> = {};
  for (const { argument, type } of fields) {
    const raw = args[argument.name];
    // Clients send an empty string for a field left empty.
    if (raw === undefined || raw === '') {
      if (argument.required) {
        throw invalid(
          `Missing required argument "${argument.name}" of ${templateRef}`,
        );
      }
      continue;
    }
    values[argument.name] = valueOf(raw, type, argument.name);
  }
  return values;
}

/** A prompt argument's text as the value its parameter's type expects. */
function valueOf(raw: string, type: string | undefined, name: string) {
  switch (type) {
    case 'integer':
    case 'number': {
      const value = Number(raw.trim());
      if (
        raw.trim() === '' ||
        !Number.isFinite(value) ||
        (type === 'integer' && !Number.isInteger(value))
      ) {
        throw invalid(
          `Argument "${name}" must be ${type === 'integer' ? 'a whole number' : 'a number'}, got "${raw}"`,
        );
      }
      return value;
    }
    case 'boolean':
      if (raw.trim() === 'true' || raw.trim() === 'false') {
        return raw.trim() === 'true';
      }
      throw invalid(`Argument "${name}" must be true or false, got "${raw}"`);
    case 'array':
    case 'object': {
      let value: JsonValue;
      try {
        value = JSON.parse(raw);
      } catch {
        throw invalid(`Argument "${name}" must be a JSON ${type}`);
      }
      if (
        type === 'array'
          ? !Array.isArray(value)
          : value === null || typeof value !== 'object' || Array.isArray(value)
      ) {
        throw invalid(`Argument "${name}" must be a JSON ${type}`);
      }
      return value;
    }
    default:
      return raw;
  }
}

function invalid(message: string): ProtocolError {
  return new ProtocolError(ProtocolErrorCode.InvalidParams, message);
}
