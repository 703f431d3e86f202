import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { DevBackend, startDevBackend } from './__testUtils__/startDevBackend';

jest.setTimeout(60_000);

/**
 * `npm run start:trust`: the dev backend with the permission backend, the
 * example policy (destructive tools only for group:default/platform) and
 * rate limits, as a person would try it.
 */
describe('the dev backend in trust mode', () => {
  let dev: DevBackend;

  beforeAll(async () => {
    dev = await startDevBackend({ trust: true });
  });

  afterAll(async () => {
    await dev?.stop();
  });

  async function connectAs(authorization: string) {
    const client = new Client({ name: 'trust-mode-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(dev.mcpUrl), {
        requestInit: { headers: { Authorization: authorization } },
      }),
    );
    return client;
  }

  it('shows the guest user no destructive tools, while the static token keeps them', async () => {
    const refreshed = await fetch(
      `${new URL(dev.mcpUrl).origin}/api/auth/guest/refresh?env=development`,
    );
    expect(refreshed.status).toBe(200);
    const guest = await connectAs(
      `Bearer ${(await refreshed.json()).backstageIdentity.token}`,
    );
    const service = await dev.connect();
    try {
      // A tool is destructive unless it says otherwise (MCP's default).
      const destructive = (tools: Array<{ annotations?: object }>) =>
        tools.filter(
          t =>
            (t.annotations as { destructiveHint?: boolean })?.destructiveHint ??
            true,
        );
      const forService = (await service.listTools()).tools;
      const forGuest = (await guest.listTools()).tools;
      expect(destructive(forService).length).toBeGreaterThan(0);
      expect(destructive(forGuest)).toEqual([]);
      expect(forGuest.length).toBeGreaterThan(0);
      expect(forGuest.length).toBe(
        forService.length - destructive(forService).length,
      );
    } finally {
      await guest.close();
    }
  });
});
