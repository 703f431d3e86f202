import type { Config } from '@backstage/config';
import {
  OWNER_KINDS,
  type CompletionSource,
} from '../completions/CompletionSource';
import {
  forServer,
  readPerServer,
  type PerServer,
} from '../config/serverSections';
import type { McpServerConfig } from '../tools/readToolsConfig';

/** An argument of an operator's prompt. */
export interface CustomPromptArgument {
  name: string;
  description?: string;
  required: boolean;
  completion?: CompletionSource;
}

/** A prompt an operator wrote in config. */
export interface CustomPrompt {
  name: string;
  title?: string;
  description: string;
  arguments: CustomPromptArgument[];
  /** Texts with `{{argument}}` placeholders. */
  messages: Array<{ role: 'user' | 'assistant'; text: string }>;
}

/** The prompts one server offers. */
export interface PromptsOffer {
  /** Every scaffolder template the caller may see, as a prompt. */
  templates: boolean;
  custom: CustomPrompt[];
}

/** Which servers offer prompts, and which ones. */
export type PromptsConfig = PerServer<PromptsOffer>;

/** What `complete` may name in an argument of an operator's prompt. */
const COMPLETIONS = ['entityRef', 'owner', 'kind', 'namespace'] as const;

const PROMPT_NAME = /^[A-Za-z0-9_.-]+$/;
const ARGUMENT_NAME = /^[A-Za-z0-9_-]+$/;
export const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_-]+)\s*\}\}/g;

/** The prompts `server` offers, or undefined when it offers none. */
export function promptsOf(
  config: PromptsConfig,
  server: McpServerConfig,
): PromptsOffer | undefined {
  return forServer(config, server);
}

/**
 * Reads `mcpActions.prompts` (the default server's, and the settings every
 * other server starts from) and `mcpActions.servers.<key>.prompts` (`true`,
 * `false` or an object of overrides; servers offer none unless they say so).
 */
export function readPromptsConfig(config: Config): PromptsConfig {
  return readPerServer(config, 'prompts', readOffer);
}

function readOffer(
  config: Config | undefined,
  path: string,
  base: PromptsOffer | undefined,
): PromptsOffer {
  const unknown = config
    ?.keys()
    .find(k => !['enabled', 'templates', 'custom'].includes(k));
  if (unknown) {
    throw new Error(
      `Invalid config at '${path}.${unknown}': unknown key; use templates or custom`,
    );
  }
  if (base && config?.has('enabled')) {
    throw new Error(
      `Invalid config at '${path}.enabled': a server turns prompts off with 'prompts: false'`,
    );
  }
  const custom = config?.has('custom')
    ? (config.getOptionalConfigArray('custom') ?? []).map((c, i) =>
        readCustomPrompt(c, `${path}.custom[${i}]`),
      )
    : (base?.custom ?? []);
  const names = new Set<string>();
  for (const prompt of custom) {
    if (names.has(prompt.name)) {
      throw new Error(
        `Invalid config at '${path}.custom': two prompts are named "${prompt.name}"`,
      );
    }
    names.add(prompt.name);
  }
  return {
    templates:
      config?.getOptionalBoolean('templates') ?? base?.templates ?? true,
    custom,
  };
}

function readCustomPrompt(config: Config, path: string): CustomPrompt {
  const name = config.getString('name');
  if (!PROMPT_NAME.test(name)) {
    throw new Error(
      `Invalid config at '${path}.name': "${name}" is not a prompt name; use letters, digits, '_', '-' and '.'`,
    );
  }
  const args = (config.getOptionalConfigArray('arguments') ?? []).map((c, i) =>
    readArgument(c, `${path}.arguments[${i}]`),
  );
  const declared = new Set(args.map(a => a.name));
  const messages = config.getConfigArray('messages').map((c, i) => {
    const role = c.getOptionalString('role') ?? 'user';
    if (role !== 'user' && role !== 'assistant') {
      throw new Error(
        `Invalid config at '${path}.messages[${i}].role': use user or assistant`,
      );
    }
    const text = c.getString('text');
    for (const [, placeholder] of text.matchAll(PLACEHOLDER)) {
      if (!declared.has(placeholder)) {
        throw new Error(
          `Invalid config at '${path}.messages[${i}].text': {{${placeholder}}} names no argument of the prompt`,
        );
      }
    }
    return { role: role as 'user' | 'assistant', text };
  });
  if (messages.length === 0) {
    throw new Error(`Invalid config at '${path}.messages': no message`);
  }
  const title = config.getOptionalString('title');
  return {
    name,
    ...(title ? { title } : {}),
    description: config.getString('description'),
    arguments: args,
    messages,
  };
}

function readArgument(config: Config, path: string): CustomPromptArgument {
  const name = config.getString('name');
  if (!ARGUMENT_NAME.test(name)) {
    throw new Error(
      `Invalid config at '${path}.name': "${name}" is not an argument name; use letters, digits, '_' and '-'`,
    );
  }
  const complete = config.getOptionalString('complete');
  if (
    complete !== undefined &&
    !(COMPLETIONS as readonly string[]).includes(complete)
  ) {
    throw new Error(
      `Invalid config at '${path}.complete': use one of ${COMPLETIONS.join(', ')}`,
    );
  }
  const kinds = config
    .getOptionalStringArray('kinds')
    ?.map(k => k.toLocaleLowerCase('en-US'));
  if (kinds && complete !== 'entityRef') {
    throw new Error(
      `Invalid config at '${path}.kinds': kinds narrow 'complete: entityRef' only`,
    );
  }
  const description = config.getOptionalString('description');
  const completion = completionOf(complete, kinds);
  return {
    name,
    ...(description ? { description } : {}),
    required: config.getOptionalBoolean('required') ?? false,
    ...(completion ? { completion } : {}),
  };
}

function completionOf(
  complete: string | undefined,
  kinds: string[] | undefined,
): CompletionSource | undefined {
  switch (complete) {
    case 'owner':
      return { from: 'entityRef', kinds: OWNER_KINDS };
    case 'entityRef':
      return { from: 'entityRef', ...(kinds ? { kinds } : {}) };
    case 'kind':
      return { from: 'kind' };
    case 'namespace':
      return { from: 'namespace' };
    default:
      return undefined;
  }
}
