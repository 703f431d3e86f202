import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import type { McpServerConfig } from '../tools/readToolsConfig';
import {
  promptsOf,
  readPromptsConfig,
  type PromptsConfig,
} from './readPromptsConfig';

function read(mcpActions: JsonObject): PromptsConfig {
  return readPromptsConfig(new ConfigReader(mcpActions));
}

const DEFAULT_SERVER: McpServerConfig = {
  name: 'backstage',
  filter: { include: [], exclude: [] },
};
const server = (key: string): McpServerConfig => ({
  ...DEFAULT_SERVER,
  key,
});

const PROMPT = {
  name: 'who-owns',
  description: 'Finds the owner of an entity',
  arguments: [
    { name: 'entity', required: true, complete: 'entityRef', kinds: ['API'] },
    { name: 'team', complete: 'owner' },
    { name: 'kind', complete: 'kind' },
  ],
  messages: [{ text: 'Who owns {{entity}} ({{ kind }})? Ask {{team}}.' }],
};

describe('readPromptsConfig', () => {
  it('offers template prompts on the default server only, by default', () => {
    const config = read({ servers: { a: { name: 'A' } } });
    expect(promptsOf(config, DEFAULT_SERVER)).toEqual({
      templates: true,
      custom: [],
    });
    expect(promptsOf(config, server('a'))).toBeUndefined();
  });

  it("reads an operator's prompts with where their arguments complete from", () => {
    const config = read({ prompts: { custom: [PROMPT] } });
    expect(promptsOf(config, DEFAULT_SERVER)?.custom).toEqual([
      {
        name: 'who-owns',
        description: 'Finds the owner of an entity',
        arguments: [
          {
            name: 'entity',
            required: true,
            completion: { from: 'entityRef', kinds: ['api'] },
          },
          {
            name: 'team',
            required: false,
            completion: { from: 'entityRef', kinds: ['group', 'user'] },
          },
          { name: 'kind', required: false, completion: { from: 'kind' } },
        ],
        messages: [
          {
            role: 'user',
            text: 'Who owns {{entity}} ({{ kind }})? Ask {{team}}.',
          },
        ],
      },
    ]);
  });

  it('lets a server take the shared prompts, override them or go without', () => {
    const config = read({
      prompts: { enabled: false, custom: [PROMPT] },
      servers: {
        shared: { name: 'S', prompts: true },
        plain: { name: 'P', prompts: { templates: false, custom: [] } },
        off: { name: 'O', prompts: false },
      },
    });
    expect(promptsOf(config, DEFAULT_SERVER)).toBeUndefined();
    expect(promptsOf(config, server('shared'))?.custom).toHaveLength(1);
    expect(promptsOf(config, server('plain'))).toEqual({
      templates: false,
      custom: [],
    });
    expect(promptsOf(config, server('off'))).toBeUndefined();
  });

  it.each<[string, JsonObject, string]>([
    [
      'a placeholder that names no argument',
      { ...PROMPT, messages: [{ text: 'Hello {{someone}}' }] },
      "Invalid config at 'mcpActions.prompts.custom[0].messages[0].text': {{someone}} names no argument of the prompt",
    ],
    [
      'a bad role',
      { ...PROMPT, messages: [{ role: 'system', text: 'x' }] },
      "Invalid config at 'mcpActions.prompts.custom[0].messages[0].role': use user or assistant",
    ],
    [
      'no message',
      { ...PROMPT, messages: [] },
      "Invalid config at 'mcpActions.prompts.custom[0].messages': no message",
    ],
    [
      'a name with a space',
      { ...PROMPT, name: 'who owns' },
      `Invalid config at 'mcpActions.prompts.custom[0].name': "who owns" is not a prompt name`,
    ],
    [
      'an unknown completion',
      { ...PROMPT, arguments: [{ name: 'x', complete: 'colour' }] },
      "Invalid config at 'mcpActions.prompts.custom[0].arguments[0].complete': use one of entityRef, owner, kind, namespace",
    ],
    [
      'kinds without entityRef',
      {
        ...PROMPT,
        arguments: [{ name: 'x', complete: 'owner', kinds: ['A'] }],
      },
      "Invalid config at 'mcpActions.prompts.custom[0].arguments[0].kinds': kinds narrow 'complete: entityRef' only",
    ],
  ])('refuses %s, naming the key', (_label, prompt, message) => {
    expect(() => read({ prompts: { custom: [prompt] } })).toThrow(message);
  });

  it('refuses two prompts of one name', () => {
    expect(() => read({ prompts: { custom: [PROMPT, PROMPT] } })).toThrow(
      `Invalid config at 'mcpActions.prompts.custom': two prompts are named "who-owns"`,
    );
  });

  it('refuses a prompt without a description (clients list it)', () => {
    const { description: _left, ...prompt } = PROMPT;
    expect(() => read({ prompts: { custom: [prompt] } })).toThrow(
      /description/,
    );
  });
});
