import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { ActionsServiceAction } from '@backstage/backend-plugin-api/alpha';
import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Minimatch } from 'minimatch';
import type { McpServerConfig, ToolSearchConfig } from './readToolsConfig';
import { ToolCatalog } from './ToolCatalog';
import type { ToolDecision } from './toolDecision';
import {
  SEARCH_TOOL_NAME,
  searchToolset,
  servedToolset,
  stem,
  toolsetInSearchMode,
} from './toolSearch';

function action(
  pluginId: string,
  name: string,
  title: string,
  description: string,
  readOnly = true,
): ActionsServiceAction {
  return {
    id: `${pluginId}:${name}`,
    pluginId,
    name,
    title,
    description,
    schema: { input: { type: 'object' }, output: { type: 'object' } },
    attributes: { readOnly, destructive: !readOnly, idempotent: readOnly },
  };
}

const ACTIONS = [
  action(
    'kubernetes',
    'restart-deployment',
    'Restart Deployment',
    'Restarts every pod of a Deployment, one at a time.',
    false,
  ),
  action(
    'kubernetes',
    'get-pod-logs',
    'Get Pod Logs',
    'Returns the last lines a container of a pod wrote.',
  ),
  action(
    'pagerduty',
    'list-oncalls',
    'List On-Calls',
    'Who is on call now for an escalation policy or schedule.',
  ),
  action(
    'github',
    'merge-pull-request',
    'Merge Pull Request',
    'Merges an approved pull request into its base branch.',
    false,
  ),
  action(
    'cost-insights',
    'forecast-monthly-spend',
    'Forecast Monthly Spend',
    'Projects cloud spend for the coming months.',
  ),
];

const search: ToolSearchConfig = {
  pinned: [new Minimatch('pagerduty:*')],
  maxResults: 3,
};

const server: McpServerConfig = {
  name: 'portal',
  filter: { include: [], exclude: [] },
  toolSearch: search,
};

function catalog(decide?: (c: BackstageCredentials) => Promise<ToolDecision>) {
  return ToolCatalog.create({
    actions: {
      list: async () => ({ actions: ACTIONS }),
      invoke: async () => ({ output: {} }),
    },
    logger: mockServices.logger.mock(),
    naming: { namespaced: true, separator: '.' },
    ttlMs: 30_000,
    maxEntries: 10,
    maxBytes: 10_000_000,
    decide,
  });
}

const alice = mockCredentials.user('user:default/alice');

describe('tool search', () => {
  it('lists the search tool and the pinned tools only', async () => {
    const toolset = await catalog().toolsetFor(alice, server);
    const served = servedToolset(toolset, server);
    expect(served.tools.map(t => t.name)).toEqual([
      SEARCH_TOOL_NAME,
      'pagerduty.list-oncalls',
    ]);
    expect(served.listResult.tools).toBe(served.tools);
    // The same object for the same toolset and config, so lists cached per
    // toolset object stay one per list.
    expect(servedToolset(toolset, server)).toBe(served);
    // Another server, even with the same settings, has its own.
    expect(
      toolsetInSearchMode(toolset, { ...server, toolSearch: search }),
    ).not.toBe(served);
  });

  it('resolves unlisted tools, so a tool found can be called', async () => {
    const toolset = await catalog().toolsetFor(alice, server);
    const served = servedToolset(toolset, server);
    expect(served.find('kubernetes.restart-deployment')?.action.id).toBe(
      'kubernetes:restart-deployment',
    );
    expect(served.find(SEARCH_TOOL_NAME)?.answer).toBeDefined();
    expect(served.find('no.such-tool')).toBeUndefined();
  });

  it('leaves a server without tool search as it was', async () => {
    const plain = { ...server, toolSearch: undefined };
    const toolset = await catalog().toolsetFor(alice, plain);
    expect(servedToolset(toolset, plain)).toBe(toolset);
  });

  it.each([
    ['the checkout pod keeps crashing, show me what it logged', 'get-pod-logs'],
    ['who is on call for payments', 'list-oncalls'],
    ['merge my PR', 'merge-pull-request'],
    ['what will the cloud bill be next month', 'forecast-monthly-spend'],
    ['restarting the api deployments', 'restart-deployment'],
  ])('ranks the tool a request means first: %s', async (query, name) => {
    const toolset = await catalog().toolsetFor(alice, server);
    const [first] = searchToolset(toolset, query, 3);
    expect(first?.action.name).toBe(name);
  });

  it('answers with full definitions, as JSON text and structured content', async () => {
    const toolset = await catalog().toolsetFor(alice, server);
    const entry = servedToolset(toolset, server).find(SEARCH_TOOL_NAME)!;
    const result = await entry.answer!({ query: 'pod logs', limit: 1 });
    const tool = toolset.find('kubernetes.get-pod-logs')!.tool;
    expect(result.structuredContent).toEqual({
      query: 'pod logs',
      tools: [tool],
    });
    expect(JSON.parse((result.content[0] as { text: string }).text)).toEqual(
      result.structuredContent,
    );
  });

  it('leaves output schemas out where the server does', async () => {
    const lean = { ...server, outputSchemas: false };
    const toolset = await catalog().toolsetFor(alice, lean);
    const entry = servedToolset(toolset, lean).find(SEARCH_TOOL_NAME)!;
    const result = await entry.answer!({ query: 'pod logs', limit: 1 });
    const { outputSchema, ...rest } = toolset.find(
      'kubernetes.get-pod-logs',
    )!.tool;
    expect(outputSchema).toBeDefined();
    expect(result.structuredContent).toEqual({
      query: 'pod logs',
      tools: [rest],
    });
  });

  it.each([
    [{}, '"query" must be a non-empty string'],
    [{ query: ' ' }, '"query" must be a non-empty string'],
    [{ query: 'pods', limit: 4 }, '"limit" must be a whole number from 1 to 3'],
    [{ query: 'pods', limit: 1.5 }, '"limit" must be a whole number'],
  ])('refuses bad input %j', async (input, message) => {
    const toolset = await catalog().toolsetFor(alice, server);
    const entry = servedToolset(toolset, server).find(SEARCH_TOOL_NAME)!;
    await expect(entry.answer!(input)).rejects.toThrow(message);
  });

  it('never finds a tool the caller may not use', async () => {
    const noMerging: ToolDecision = {
      key: 'no-merge',
      allows: entry => entry.action.name !== 'merge-pull-request',
    };
    const toolset = await catalog(async () => noMerging).toolsetFor(
      alice,
      server,
    );
    const served = servedToolset(toolset, server);
    const found = await served.find(SEARCH_TOOL_NAME)!.answer!({
      query: 'merge pull request github',
      limit: 3,
    });
    expect(JSON.stringify(found)).not.toContain('merge-pull-request');
    expect(served.find('github.merge-pull-request')).toBeUndefined();
    expect(served.tools[0].description).toContain('4 tools');
  });

  it('stems alike what is indexed and what is asked', () => {
    expect(stem('deployments')).toBe(stem('deploy'));
    expect(stem('deployed')).toBe(stem('deploying'));
    expect(stem('savings')).toBe(stem('save'));
    expect(stem('policies')).toBe(stem('policy'));
  });
});
