/*
 * Progress on long calls: a call that asks for progress gets a notification
 * every `progressInterval` while it runs, on both eras (the answer turns
 * into an event stream for it), and none when it did not ask.
 */
import {
  McpTestBackend,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

describe('progress on long tool calls', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: { mcpActions: { progressInterval: 100 } },
    });
  });
  afterAll(() => mcp?.stop());

  it('keeps a 2025 client informed through onprogress (SDK v1)', async () => {
    const client = await mcp.connect();
    const updates: Array<{ progress: number; message?: string }> = [];
    const result = await client.callTool(
      { name: 'test-actions.sleep', arguments: { ms: 450 } },
      undefined,
      { onprogress: p => updates.push(p), resetTimeoutOnProgress: true },
    );
    expect(result.structuredContent).toEqual({ slept: 450 });
    expect(updates.length).toBeGreaterThanOrEqual(3);
    expect(updates.map(u => u.progress)).toEqual(updates.map((_, i) => i + 1));
    expect(updates[0].message).toMatch(
      /Tool "test-actions.sleep" still running after \d+s/,
    );
  });

  it('keeps a 2026-07-28 client informed too (SDK v2)', async () => {
    const client = await mcp.connectV2('modern');
    const updates: number[] = [];
    const result = await client.callTool(
      { name: 'test-actions.sleep', arguments: { ms: 350 } },
      { onprogress: p => updates.push(p.progress) },
    );
    expect(result.structuredContent).toEqual({ slept: 350 });
    expect(updates.length).toBeGreaterThanOrEqual(2);
  });

  it('sends nothing to a call that did not ask', async () => {
    const client = await mcp.connect();
    const seen: unknown[] = [];
    client.fallbackNotificationHandler = async n => {
      seen.push(n);
    };
    await client.callTool({
      name: 'test-actions.sleep',
      arguments: { ms: 250 },
    });
    expect(seen).toEqual([]);
  });
});
