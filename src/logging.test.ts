import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { mockServices } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  McpTestBackend,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

const TOKEN = 'static-secret-token-4242';
const WRONG_TOKEN = 'wrong-secret-token-9191';
const PERSONAL = 'PERSONAL-DATA-7f3a';

describe('what the plugin logs', () => {
  let mcp: McpTestBackend;
  const logged: Array<{ level: string; text: string }> = [];

  beforeAll(async () => {
    for (const level of ['error', 'warn', 'info', 'debug', 'log'] as const) {
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push({
          level,
          text: args
            .map(a => (typeof a === 'string' ? a : JSON.stringify(a)))
            .join(' '),
        });
      });
    }
    mcp = await startMcpBackend({
      realAuth: true,
      features: [
        authServiceFactory,
        httpAuthServiceFactory,
        mockServices.rootLogger.factory({ level: 'debug' }),
      ],
      config: {
        backend: {
          actions: { pluginSources: ['test-actions'] },
          listen: { host: '127.0.0.1' },
          auth: {
            externalAccess: [
              {
                type: 'static',
                options: { token: TOKEN, subject: 'mcp-clients' },
                accessRestrictions: [
                  { plugin: 'mcp-actions' },
                  { plugin: 'test-actions' },
                ],
              },
            ],
          },
        },
      },
    });
  });
  afterAll(async () => {
    await mcp?.stop();
    jest.restoreAllMocks();
  });

  it('never logs tokens, and logs arguments at no level above debug', async () => {
    const client = await mcp.connect('', `Bearer ${TOKEN}`);
    await client.listTools();
    await client.callTool({
      name: 'test-actions.whoami',
      arguments: { note: PERSONAL },
    });
    await client.callTool({ name: 'test-actions.crash', arguments: {} });
    await client.callTool({
      name: 'test-actions.sleep',
      arguments: { ms: PERSONAL } as any,
    });
    await client.callTool({
      name: 'test-actions.delete-widget',
      arguments: { id: PERSONAL },
    });
    await request(mcp.baseUrl)
      .post('/api/mcp-actions/v1')
      .set('Authorization', `Bearer ${WRONG_TOKEN}`)
      .send({ jsonrpc: '2.0', id: 1, method: 'tools/list' });

    expect(logged.length).toBeGreaterThan(0); // the capture works
    expect(logged.some(l => l.text.includes('failed'))).toBe(true);
    const all = logged.map(l => l.text).join('\n');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(WRONG_TOKEN);
    const aboveDebug = logged.filter(l => l.level !== 'debug').map(l => l.text);
    expect(aboveDebug.filter(text => text.includes(PERSONAL))).toEqual([]);
  });
});
