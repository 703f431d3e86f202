/*
 * mcpActions.confirmDestructive: a destructive tool runs only after the
 * user confirmed it in a form the client shows (form-mode elicitation, as a
 * multi round-trip request on 2026-07-28, as a server request on a legacy
 * SSE session), and never for a client that cannot ask.
 */
import { mockCredentials } from '@backstage/backend-test-utils';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { modernRequest, postRpc } from './__testUtils__/jsonRpc';
import {
  McpTestBackend,
  USER_ALICE,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

const ALICE = mockCredentials.user.header(USER_ALICE);
const KEY = 'a-test-key-that-is-long-enough-0123456789';
const deleteWidget = {
  name: 'test-actions.delete-widget',
  arguments: { id: 'w-7' },
};

describe('confirmation of destructive tools', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: {
        mcpActions: {
          confirmDestructive: true,
          secrets: { encryptionKey: KEY },
        },
      },
    });
  });
  afterAll(() => mcp?.stop());

  it.each([
    [
      'accepts',
      { action: 'accept', content: { confirm: true } },
      { structuredContent: { deleted: 'w-7' } },
    ],
    [
      'declines',
      { action: 'decline' },
      {
        isError: true,
        content: [
          {
            type: 'text',
            text: expect.stringMatching(/declined by the user; nothing ran/),
          },
        ],
      },
    ],
    ['cancels', { action: 'cancel' }, { isError: true }],
    [
      'answers false',
      { action: 'accept', content: { confirm: false } },
      { isError: true },
    ],
  ] as const)(
    'runs on 2026-07-28 only when the user confirms: the user %s',
    async (_, answer, expected) => {
      const asked: any[] = [];
      const client = await mcp.connectV2('modern', '', ALICE, {
        elicitation: { form: {} },
      });
      client.setRequestHandler('elicitation/create', async (request: any) => {
        asked.push(request.params);
        return answer as any;
      });
      await expect(client.callTool(deleteWidget)).resolves.toMatchObject(
        expected,
      );
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatchObject({
        mode: 'form',
        message: expect.stringContaining('test-actions.delete-widget'),
      });
      expect(asked[0].message).toContain('"w-7"');
    },
  );

  it('never asks about a tool that is not destructive', async () => {
    const client = await mcp.connectV2('modern', '', ALICE, {
      elicitation: { form: {} },
    });
    const asked = jest.fn();
    client.setRequestHandler('elicitation/create', asked as any);
    await expect(
      client.callTool({ name: 'test-actions.whoami', arguments: {} }),
    ).resolves.toMatchObject({
      structuredContent: { principal: USER_ALICE },
    });
    expect(asked).not.toHaveBeenCalled();
  });

  it('refuses, by default, a client that cannot ask', async () => {
    const modern = await mcp.connectV2('modern');
    await expect(modern.callTool(deleteWidget)).resolves.toMatchObject({
      isError: true,
      content: [
        {
          text: expect.stringMatching(
            /needs the user's confirmation, but this client cannot ask for it/,
          ),
        },
      ],
    });
    const legacy = await mcp.connect();
    await expect(legacy.callTool(deleteWidget)).resolves.toMatchObject({
      isError: true,
    });
  });

  it('asks on a legacy SSE session through the SDK, when the client can show a form', async () => {
    const client = await mcp.connectSse('', ALICE, { elicitation: {} });
    client.setRequestHandler(ElicitRequestSchema, async () => ({
      action: 'accept',
      content: { confirm: true },
    }));
    await expect(client.callTool(deleteWidget)).resolves.toMatchObject({
      structuredContent: { deleted: 'w-7' },
    });
  });

  describe('on the wire', () => {
    const post = (request: { body: string; headers: Record<string, string> }) =>
      postRpc(mcp.url().toString(), request.body, {
        Authorization: ALICE,
        ...request.headers,
      });
    const withCapabilities = {
      'io.modelcontextprotocol/clientCapabilities': {
        elicitation: { form: {} },
      },
    };

    async function firstRound() {
      const res = await post(
        modernRequest('tools/call', {
          ...deleteWidget,
          _meta: withCapabilities,
        }),
      );
      expect(res.body.result).toMatchObject({
        resultType: 'input_required',
        inputRequests: { confirm: { method: 'elicitation/create' } },
        requestState: expect.any(String),
      });
      return res.body.result.requestState as string;
    }

    it('refuses a tampered requestState', async () => {
      const state = await firstRound();
      const tampered = `${state.slice(0, -4)}AAAA`;
      const res = await post(
        modernRequest('tools/call', {
          ...deleteWidget,
          _meta: withCapabilities,
          requestState: tampered,
          inputResponses: {
            confirm: { action: 'accept', content: { confirm: true } },
          },
        }),
      );
      expect(res.body).toMatchObject({
        error: { code: -32602, message: 'Invalid or expired requestState' },
      });
    });

    it("refuses another principal's requestState", async () => {
      const state = await firstRound();
      const res = await postRpc(
        mcp.url().toString(),
        modernRequest('tools/call', {
          ...deleteWidget,
          _meta: withCapabilities,
          requestState: state,
          inputResponses: {
            confirm: { action: 'accept', content: { confirm: true } },
          },
        }).body,
        {
          Authorization: mockCredentials.user.header('user:default/mallory'),
          ...modernRequest('tools/call', deleteWidget).headers,
        },
      );
      expect(res.body).toMatchObject({ error: { code: -32602 } });
    });

    it('asks again when the retry changes the arguments it confirmed', async () => {
      const state = await firstRound();
      const res = await post(
        modernRequest('tools/call', {
          name: 'test-actions.delete-widget',
          arguments: { id: 'something-else' },
          _meta: withCapabilities,
          requestState: state,
          inputResponses: {
            confirm: { action: 'accept', content: { confirm: true } },
          },
        }),
      );
      expect(res.body.result).toMatchObject({ resultType: 'input_required' });
    });

    it('runs a retry that confirms the same arguments', async () => {
      const state = await firstRound();
      const res = await post(
        modernRequest('tools/call', {
          ...deleteWidget,
          _meta: withCapabilities,
          requestState: state,
          inputResponses: {
            confirm: { action: 'accept', content: { confirm: true } },
          },
        }),
      );
      expect(res.body.result).toMatchObject({
        structuredContent: { deleted: 'w-7' },
      });
    });
  });
});

describe('confirmation of destructive tools, run for clients that cannot ask', () => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      config: {
        mcpActions: {
          confirmDestructive: true,
          confirmDestructiveFallback: 'run',
          secrets: { encryptionKey: KEY },
        },
      },
    });
  });
  afterAll(() => mcp?.stop());

  it('runs the call as without confirmation', async () => {
    const legacy = await mcp.connect();
    await expect(legacy.callTool(deleteWidget)).resolves.toMatchObject({
      structuredContent: { deleted: 'w-7' },
    });
  });
});
