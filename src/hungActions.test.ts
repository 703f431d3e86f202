import { metricsServiceFactory } from '@backstage/backend-defaults/alpha';
import { countPoints, installTestMeter } from './__testUtils__/otel';
import {
  McpTestBackend,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

const meter = installTestMeter();

async function waitFor(check: () => Promise<boolean>, ms = 2000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) {
      return true;
    }
    await new Promise(r => setTimeout(r, 20));
  }
  return false;
}

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
      features: [metricsServiceFactory],
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

  it.each([
    ['Streamable HTTP', (m: McpTestBackend) => m.connect()],
    ['SSE', (m: McpTestBackend) => m.connectSse()],
  ])('stops waiting at once when a %s client cancels', async (_, connect) => {
    const client = await connect(mcp);
    const before = await cancelledCalls();
    const controller = new AbortController();
    const call = client.callTool(
      { name: 'test-actions.sleep', arguments: { ms: 350 } },
      undefined,
      { signal: controller.signal, timeout: 10_000 },
    );
    await new Promise(r => setTimeout(r, 50));
    controller.abort();
    await expect(call).rejects.toThrow();

    // The server let go of the call long before the action would finish...
    expect(await waitFor(async () => (await cancelledCalls()) > before, 250)).toBe(true);

    // ...and later calls on the same client are unaffected.
    const next = await client.callTool({ name: 'test-actions.whoami', arguments: {} });
    expect(next.isError).toBeFalsy();
  });
});
