import type { Tool } from '@modelcontextprotocol/server';
import type { McpServerConfig } from './readToolsConfig';
import type { Toolset } from './ToolCatalog';
import { readsTopLevelTitle, toolsetAsListed } from './toolsetAsListed';

const WHOAMI: Tool = {
  name: 'test.whoami',
  title: 'Who am I',
  description: 'Returns the principal',
  inputSchema: { type: 'object' },
  outputSchema: { type: 'object', properties: { p: { type: 'string' } } },
  annotations: { title: 'Who am I', readOnlyHint: true, openWorldHint: false },
};
const ONLY_TITLE: Tool = {
  name: 'test.titled',
  title: 'Titled',
  inputSchema: { type: 'object' },
  annotations: { title: 'Titled' },
};
const OTHER_TITLE: Tool = {
  name: 'test.other',
  title: 'Shown title',
  inputSchema: { type: 'object' },
  annotations: { title: 'Another title', openWorldHint: false },
};

function toolsetOf(tools: Tool[]): Toolset {
  return {
    tools,
    listResult: { tools },
    find: () => undefined,
  };
}

const server = (outputSchemas?: boolean): McpServerConfig => ({
  name: 's',
  filter: { include: [], exclude: [] },
  ...(outputSchemas === undefined ? {} : { outputSchemas }),
});

describe('readsTopLevelTitle', () => {
  it.each<[string | undefined, boolean]>([
    [undefined, false],
    ['2024-11-05', false],
    ['2025-03-26', false],
    ['2025-06-18', true],
    ['2025-11-25', true],
    ['2026-07-28', true],
    ['latest', false],
  ])('%s: %s', (version, reads) => {
    expect(readsTopLevelTitle(version)).toBe(reads);
  });
});

describe('toolsetAsListed', () => {
  const toolset = toolsetOf([WHOAMI, ONLY_TITLE, OTHER_TITLE]);

  it.each(['2025-03-26', '2024-11-05', undefined])(
    'gives a %s client the tools whole',
    version => {
      expect(toolsetAsListed(toolset, server(), version)).toBe(toolset);
      expect(toolsetAsListed(toolset, server(true), version)).toBe(toolset);
    },
  );

  it('leaves out annotations.title where it repeats the title for a client that reads the title', () => {
    const listed = toolsetAsListed(toolset, server(), '2025-06-18');
    expect(listed.tools).toEqual([
      {
        name: 'test.whoami',
        title: 'Who am I',
        description: 'Returns the principal',
        inputSchema: { type: 'object' },
        outputSchema: WHOAMI.outputSchema,
        annotations: { readOnlyHint: true, openWorldHint: false },
      },
      // Nothing left of its annotations.
      {
        name: 'test.titled',
        title: 'Titled',
        inputSchema: { type: 'object' },
      },
      // A different title says something: it stays.
      OTHER_TITLE,
    ]);
    expect(listed.listResult).toEqual({ tools: listed.tools });
    // The catalog's tools are untouched.
    expect(WHOAMI.annotations?.title).toBe('Who am I');
  });

  it('leaves out outputSchema on a server configured so, for every version', () => {
    for (const version of ['2025-03-26', '2026-07-28']) {
      const listed = toolsetAsListed(toolset, server(false), version);
      expect(listed.tools.map(t => t.outputSchema)).toEqual([
        undefined,
        undefined,
        undefined,
      ]);
      expect(listed.tools[0].annotations?.title).toBe(
        version === '2025-03-26' ? 'Who am I' : undefined,
      );
    }
  });

  it('keeps the key order of the catalog', () => {
    const [listed] = toolsetAsListed(toolset, server(), '2026-07-28').tools;
    expect(Object.keys(listed)).toEqual(Object.keys(WHOAMI));
  });

  it('builds each variant once, and one per variant', () => {
    const modern = toolsetAsListed(toolset, server(), '2026-07-28');
    expect(toolsetAsListed(toolset, server(), '2025-11-25')).toBe(modern);
    const withoutOutput = toolsetAsListed(toolset, server(false), '2026-07-28');
    expect(withoutOutput).not.toBe(modern);
    expect(toolsetAsListed(toolset, server(false), '2025-06-18')).toBe(
      withoutOutput,
    );
    const legacyWithoutOutput = toolsetAsListed(
      toolset,
      server(false),
      '2025-03-26',
    );
    expect(legacyWithoutOutput).not.toBe(withoutOutput);
    expect(legacyWithoutOutput).not.toBe(toolset);
  });

  it('finds tools as the toolset does', () => {
    const find = jest.fn(() => undefined);
    const listed = toolsetAsListed(
      { ...toolset, find },
      server(),
      '2026-07-28',
    );
    listed.find('test.whoami');
    expect(find).toHaveBeenCalledWith('test.whoami');
  });
});
