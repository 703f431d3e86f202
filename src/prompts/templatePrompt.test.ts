import type { Entity } from '@backstage/catalog-model';
import { templateFields } from './templateFields';
import {
  templateMessages,
  templateOfPromptName,
  templatePrompt,
  templatePromptName,
} from './templatePrompt';

const TEMPLATE: Entity = {
  apiVersion: 'scaffolder.backstage.io/v1beta3',
  kind: 'Template',
  metadata: { name: 'service', namespace: 'tools', title: 'A service' },
  spec: {
    parameters: [
      {
        required: ['name', 'replicas'],
        properties: {
          name: { type: 'string' },
          replicas: { type: 'integer' },
          public: { type: 'boolean' },
          tags: { type: 'array' },
          ratio: { type: 'number' },
        },
      },
    ],
  },
};
const FIELDS = templateFields(TEMPLATE);
const TOOLS = { execute: 'scaffolder_execute-template' };

/** The arguments of the tool call a message asks for. */
function callIn(text: string) {
  return JSON.parse(text.split('```json\n')[1].split('\n```')[0]);
}

describe('template prompts', () => {
  it('names a prompt after its template, with the namespace outside the default', () => {
    expect(templatePromptName(TEMPLATE)).toBe('tools/service');
    expect(
      templatePromptName({
        ...TEMPLATE,
        metadata: { name: 'service' },
      }),
    ).toBe('service');
    expect(templateOfPromptName('tools/service')).toEqual({
      namespace: 'tools',
      name: 'service',
    });
    expect(templateOfPromptName('service')).toEqual({
      namespace: 'default',
      name: 'service',
    });
    for (const name of ['', 'a/', '/a', 'a/b/c']) {
      expect(templateOfPromptName(name)).toBeUndefined();
    }
  });

  it('describes a template without a description by its ref', () => {
    expect(templatePrompt(TEMPLATE, FIELDS)).toMatchObject({
      name: 'tools/service',
      title: 'A service',
      description:
        'Creates software from the scaffolder template template:tools/service.',
    });
  });

  it('turns each argument into the value its parameter expects', () => {
    const [message] = templateMessages(
      TEMPLATE,
      FIELDS,
      {
        name: 'orders',
        replicas: ' 3 ',
        public: 'false',
        tags: '["a","b"]',
        ratio: '0.5',
      },
      TOOLS,
    );
    expect(message.role).toBe('user');
    const text = (message.content as { text: string }).text;
    expect(callIn(text)).toEqual({
      templateRef: 'template:tools/service',
      values: {
        name: 'orders',
        replicas: 3,
        public: false,
        tags: ['a', 'b'],
        ratio: 0.5,
      },
    });
    // Without a tool to follow the task, the model reports its id.
    expect(text).toContain('`scaffolder_execute-template`');
    expect(text).toContain('Tell me that id.');
  });

  it('leaves out optional arguments sent empty', () => {
    const [message] = templateMessages(
      TEMPLATE,
      FIELDS,
      { name: 'x', replicas: '1', public: '', tags: '' },
      { ...TOOLS, tasks: 'scaffolder_list-scaffolder-tasks' },
    );
    const text = (message.content as { text: string }).text;
    expect(callIn(text).values).toEqual({ name: 'x', replicas: 1 });
    expect(text).toContain('`scaffolder_list-scaffolder-tasks`');
  });

  it.each<[string, Record<string, string>, RegExp]>([
    [
      'a missing required argument',
      { name: 'x' },
      /Missing required argument "replicas"/,
    ],
    [
      'a fraction for an integer',
      { name: 'x', replicas: '1.5' },
      /"replicas" must be a whole number/,
    ],
    [
      'text for a number',
      { name: 'x', replicas: '1', ratio: 'half' },
      /"ratio" must be a number/,
    ],
    [
      'yes for a boolean',
      { name: 'x', replicas: '1', public: 'yes' },
      /"public" must be true or false/,
    ],
    [
      'an object for an array',
      { name: 'x', replicas: '1', tags: '{}' },
      /"tags" must be a JSON array/,
    ],
    [
      'an unknown argument',
      { name: 'x', replicas: '1', colour: 'red' },
      /has no parameter "colour"/,
    ],
  ])('refuses %s as invalid params', (_label, args, message) => {
    expect(() => templateMessages(TEMPLATE, FIELDS, args, TOOLS)).toThrow(
      expect.objectContaining({
        code: -32602,
        message: expect.stringMatching(message),
      }),
    );
  });
});
