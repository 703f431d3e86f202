import { metricsServiceFactory } from '@backstage/backend-defaults/alpha';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { postRpc } from './__testUtils__/jsonRpc';
import { waitFor } from './__testUtils__/waitFor';
import { countPoints, installTestMeter } from './__testUtils__/otel';
import {
  McpTestBackend,
  USER_ALICE,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

const ALICE = mockCredentials.user.header(USER_ALICE);

const meter = installTestMeter();
const auditor = mockServices.auditor.mock();

/**
 * Sleep calls the server has started: each opens its audit event just
 * before the action is invoked.
 */
const startedSleeps = () =>
  auditor.createEvent.mock.calls.filter(
    ([event]) =>
      event.eventId === 'tool-execution' &&
      event.meta?.tool === 'test-actions.sleep',
  ).length;

const cancelledCalls = async () =>
  countPoints(await meter.histogram('mcp.server.operation.duration'), {
    'mcp.method.name': 'tools/call',
    'gen_ai.tool.name': 'test-actions.sleep',
    'error.type': 'cancelled',
  });

describe('hung and slow actions', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      features: [metricsServiceFactory, auditor.factory],
      config: { mcpActions: { toolCallTimeout: 400 } },
    });
  });
  // Stopping waits for the actions still sleeping after their callers left.
  afterAll(async () => {
    await mcp?.stop();
    meter.uninstall();
  }, 20_000);

  it('turns a call past toolCallTimeout into an isError result', async () => {
    const client = await mcp.connect();
    const started = Date.now();
    const result = await client.callTool({
      name: 'test-actions.sleep',
      arguments: { ms: 1500 },
    });
    expect(Date.now() - started).toBeLessThan(1200);
    expect(result).toEqual({
      isError: true,
      content: [
        {
          type: 'text',
          text: 'TimeoutError: Tool "test-actions.sleep" did not finish within 400ms',
        },
      ],
    });
  });

  it('finishes a call within the timeout normally', async () => {
    const client = await mcp.connect();
    const result = await client.callTool({
      name: 'test-actions.sleep',
      arguments: { ms: 50 },
    });
    expect(result.structuredContent).toEqual({ slept: 50 });
  });

  type SleepCall = (signal: AbortSignal) => Promise<unknown>;
  it.each([
    [
      'a 2026-07-28 client closes its request',
      async (m: McpTestBackend) => {
        const client = await m.connectV2('modern');
        const sleep: SleepCall = signal =>
          client.callTool(
            { name: 'test-actions.sleep', arguments: { ms: 350 } },
            { signal },
          );
        return { client, sleep };
      },
    ],
    [
      'an SSE client cancels',
      async (m: McpTestBackend) => {
        const client = await m.connectSse();
        const sleep: SleepCall = signal =>
          client.callTool(
            { name: 'test-actions.sleep', arguments: { ms: 350 } },
            undefined,
            { signal },
          );
        return { client, sleep };
      },
    ],
  ])('stops waiting at once when %s', async (_, connect) => {
    const { client, sleep } = await connect(mcp);
    const before = await cancelledCalls();
    const started = startedSleeps();
    const controller = new AbortController();
    const call = sleep(controller.signal);
    // Closed once the server runs the action, not while it is on its way.
    expect(await waitFor(() => startedSleeps() > started)).toBe(true);
    controller.abort();
    await expect(call).rejects.toThrow();

    // The server let go of the call long before the action would finish...
    expect(
      await waitFor(async () => (await cancelledCalls()) > before, 250),
    ).toBe(true);

    // ...and later calls on the same client are unaffected.
    const next = await client.callTool({
      name: 'test-actions.whoami',
      arguments: {},
    });
    expect(next.isError).toBeFalsy();
  });

  it('answers a 2025 batch that cancels its own call at once, without running the action', async () => {
    const started = Date.now();
    const res = await postRpc(
      mcp.url().toString(),
      JSON.stringify([
        {
          jsonrpc: '2.0',
          id: 1,
          method: 'tools/call',
          params: { name: 'test-actions.sleep', arguments: { ms: 5000 } },
        },
        {
          jsonrpc: '2.0',
          method: 'notifications/cancelled',
          params: { requestId: 1 },
        },
      ]),
      { Authorization: ALICE, 'MCP-Protocol-Version': '2025-11-25' },
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      jsonrpc: '2.0',
      id: 1,
      result: {
        isError: true,
        content: [
          {
            type: 'text',
            text: expect.stringMatching(
              /cancelled by the client before it started/,
            ),
          },
        ],
      },
    });
  });

  it("never lets a cancellation in another POST reach another client's request", async () => {
    // Two clients with the same credentials; both SDKs count ids from 0.
    const victim = await mcp.connect();
    const started = startedSleeps();
    const call = victim.callTool({
      name: 'test-actions.sleep',
      arguments: { ms: 300 },
    });
    // The cancellations go out while the victim's action runs.
    expect(await waitFor(() => startedSleeps() > started)).toBe(true);
    const cancels = await Promise.all(
      [0, 1, 2, 3].map(requestId =>
        postRpc(
          mcp.url().toString(),
          JSON.stringify({
            jsonrpc: '2.0',
            method: 'notifications/cancelled',
            params: { requestId },
          }),
          { Authorization: ALICE, 'MCP-Protocol-Version': '2025-11-25' },
        ),
      ),
    );
    // A notification alone is acknowledged, and reaches nobody.
    expect(cancels.map(c => c.status)).toEqual([202, 202, 202, 202]);
    await expect(call).resolves.toMatchObject({
      structuredContent: { slept: 300 },
    });
  });
});
