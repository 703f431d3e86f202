import {
  ProtocolError,
  ProtocolErrorCode,
  type Prompt,
  type PromptMessage,
} from '@modelcontextprotocol/server';
import { PLACEHOLDER, type CustomPrompt } from './readPromptsConfig';

/** How an operator's prompt is listed. */
export function customPromptListing(prompt: CustomPrompt): Prompt {
  return {
    name: prompt.name,
    ...(prompt.title ? { title: prompt.title } : {}),
    description: prompt.description,
    arguments: prompt.arguments.map(a => ({
      name: a.name,
      ...(a.description ? { description: a.description } : {}),
      required: a.required,
    })),
  };
}

/**
 * An operator's prompt with the user's values put in for its
 * placeholders; an optional argument left out reads as empty text.
 */
export function customPromptMessages(
  prompt: CustomPrompt,
  args: Record<string, string>,
): PromptMessage[] {
  const declared = new Set(prompt.arguments.map(a => a.name));
  const unknown = Object.keys(args).find(name => !declared.has(name));
  if (unknown) {
    throw new ProtocolError(
      ProtocolErrorCode.InvalidParams,
      `The prompt "${prompt.name}" has no argument "${unknown}"`,
    );
  }
  const missing = prompt.arguments.find(a => a.required && !args[a.name]);
  if (missing) {
    throw new ProtocolError(
      ProtocolErrorCode.InvalidParams,
      `Missing required argument "${missing.name}" of the prompt "${prompt.name}"`,
    );
  }
  return prompt.messages.map(({ role, text }) => ({
    role,
    content: {
      type: 'text',
      text: text.replace(PLACEHOLDER, (_, name: string) => args[name] ?? ''),
    },
  }));
}
