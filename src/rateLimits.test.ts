import { metricsServiceFactory } from '@backstage/backend-defaults/alpha';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import type { JsonObject } from '@backstage/types';
import { installTestMeter } from './__testUtils__/otel';
import {
  USER_ALICE,
  startMcpBackend,
  type McpTestBackend,
} from './__testUtils__/startMcpBackend';
import { waitFor } from './__testUtils__/waitFor';
import { createCountingActionsPlugin } from './__testUtils__/countingActionsPlugin';

const ALICE = mockCredentials.user.header(USER_ALICE);
const BOB = mockCredentials.user.header('user:default/bob');

function configWith(mcpActions: JsonObject): JsonObject {
  return {
    backend: {
      actions: { pluginSources: ['test-actions', 'limit-probe'] },
      listen: { host: '127.0.0.1' },
    },
    mcpActions,
  };
}

type CallResult = {
  isError?: boolean;
  content?: Array<{ type: string; text?: string }>;
};

function textOf(result: CallResult): string {
  return result.content?.[0]?.text ?? '';
}

const meter = installTestMeter();

describe('rate limits', () => {
  const runs = new Map<string, number>();
  const auditor = mockServices.auditor.mock();
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: configWith({
        rateLimit: {
          toolCalls: { limit: 5, window: '10s' },
          destructiveToolCalls: { limit: 2, window: '10s' },
        },
        servers: {
          ops: {
            name: 'Ops',
            rateLimit: { toolCalls: { limit: 1, window: '10s' } },
          },
        },
      }),
      features: [
        createCountingActionsPlugin(runs),
        metricsServiceFactory,
        auditor.factory,
      ],
    });
  });

  afterAll(async () => {
    await mcp?.stop();
  });

  it('refuses the sixth call within the window on every era and transport, without running it, and leaves other callers alone', async () => {
    const modern = await mcp.connectV2('modern', '', ALICE);
    const legacy = await mcp.connectV2('legacy', '', ALICE);
    const sse = await mcp.connectSse('', ALICE);
    const clients = [modern, legacy, sse, modern, legacy];
    for (const client of clients) {
      const result = (await client.callTool({
        name: 'limit-probe.count',
        arguments: {},
      })) as CallResult;
      expect(result.isError).toBeFalsy();
    }
    expect(runs.get(`count:${USER_ALICE}`)).toBe(5);

    for (const client of [modern, legacy, sse]) {
      const refused = (await client.callTool({
        name: 'limit-probe.count',
        arguments: {},
      })) as CallResult;
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(
        /^Rate limit reached: at most 5 tool calls per 10 s for each caller\. The call did not run\. Try again in \d+ s\.$/,
      );
    }
    expect(runs.get(`count:${USER_ALICE}`)).toBe(5);

    // Another caller counts on their own.
    const bob = await mcp.connectV2('modern', '', BOB);
    const result = (await bob.callTool({
      name: 'limit-probe.count',
      arguments: {},
    })) as CallResult;
    expect(result.isError).toBeFalsy();
    expect(runs.get('count:user:default/bob')).toBe(1);

    // Refusals are audited as failed tool executions and counted.
    const refusedEvents = auditor.createEvent.mock.calls.filter(
      ([event]) =>
        event.eventId === 'tool-execution' &&
        event.meta?.refusedBy === 'rate-limit',
    );
    expect(refusedEvents).toHaveLength(3);
    expect(refusedEvents[0][0].meta).toMatchObject({
      tool: 'limit-probe.count',
      actionId: 'limit-probe:count',
    });
    expect(
      await meter.counter('backstage.mcp.tool_call.refusals', {
        'backstage.mcp.refusal.reason': 'rate-limit',
        'gen_ai.tool.name': 'limit-probe.count',
      }),
    ).toBe(3);
  });

  it('limits tools that are not read-only apart, and a server with its own limit counts apart', async () => {
    const carol = mockCredentials.user.header('user:default/carol');
    const client = await mcp.connectV2('modern', '', carol);
    const call = async (name: string) =>
      (await client.callTool({ name, arguments: {} })) as CallResult;

    expect((await call('limit-probe.remove')).isError).toBeFalsy();
    expect((await call('limit-probe.remove')).isError).toBeFalsy();
    const refused = await call('limit-probe.remove');
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toContain(
      'at most 2 calls of tools that are not read-only per 10 s',
    );
    expect(runs.get('remove:user:default/carol')).toBe(2);
    // Read-only tools still have room under the shared limit of 5.
    expect((await call('limit-probe.count')).isError).toBeFalsy();

    // The ops server allows one call per caller, counted apart from the
    // default server's.
    const ops = await mcp.connectV2('modern', '/ops', carol);
    const first = (await ops.callTool({
      name: 'limit-probe.count',
      arguments: {},
    })) as CallResult;
    expect(first.isError).toBeFalsy();
    const second = (await ops.callTool({
      name: 'limit-probe.count',
      arguments: {},
    })) as CallResult;
    expect(second.isError).toBe(true);
    expect(textOf(second)).toContain('at most 1 tool calls per 10 s');
    expect((await call('limit-probe.count')).isError).toBeFalsy();
  });

  it('answers a refusal on the raw 2026-07-28 wire as an isError result with the limit in _meta', async () => {
    const dave = mockCredentials.user.header('user:default/dave');
    const results = [];
    for (let i = 0; i < 2; i++) {
      const { result } = await mcp.rpc(
        'tools/call',
        { name: 'limit-probe.count', arguments: {} },
        { path: '/ops', authorization: dave },
      );
      results.push(result);
    }
    expect(results[0].isError).toBeUndefined();
    expect(results[1]).toMatchObject({
      isError: true,
      _meta: {
        'backstage.io/rateLimit': {
          kind: 'toolCalls',
          limit: 1,
          windowSeconds: 10,
        },
      },
    });
    expect(
      results[1]._meta['backstage.io/rateLimit'].retryAfterSeconds,
    ).toBeGreaterThanOrEqual(1);
  });
});

describe('rate limits over time', () => {
  const runs = new Map<string, number>();
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: configWith({
        rateLimit: { toolCalls: { limit: 1, window: '1s' } },
      }),
      features: [createCountingActionsPlugin(runs)],
    });
  });

  afterAll(async () => {
    await mcp?.stop();
  });

  it('lets the caller call again once the window has passed', async () => {
    const client = await mcp.connectV2('modern', '', ALICE);
    const call = async () =>
      (await client.callTool({
        name: 'limit-probe.count',
        arguments: {},
      })) as CallResult;
    const started = Date.now();
    expect((await call()).isError).toBeFalsy();
    expect((await call()).isError).toBe(true);
    // Poll (each refused try counts too, within the same window) until a
    // call runs again: that happens once the window has passed.
    const ranAgain = await waitFor(async () => !(await call()).isError, 5000);
    expect(ranAgain).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(runs.get(`count:${USER_ALICE}`)).toBe(2);
  });
});
