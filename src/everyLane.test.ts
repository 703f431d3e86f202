/*
 * A step added to the tool-call pipeline applies to every lane. The
 * pipeline's checks are replaced by one that refuses calls carrying a
 * marker (with an `isError` result, or by throwing a protocol error); the
 * same table of calls then runs over every way a call can arrive: the fast
 * lane on and off, 2026-07-28 and the 2025 handshake, SDK v1 and v2
 * clients, legacy SSE, raw requests, and a client of the Tasks extension
 * whose calls may become tasks. Every lane must refuse alike, and the
 * refused action must never run.
 */
import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { resultFromTaskOutcome } from '@modelcontextprotocol/ext-tasks/client';
import {
  McpTestBackend,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

jest.mock('./toolCalls/createCallChecks', () => {
  const { ProtocolError, ProtocolErrorCode } = jest.requireActual(
    '@modelcontextprotocol/server',
  );
  return {
    createCallChecks: () => [
      {
        name: 'every-lane-test',
        async check({ input }: { input: { marker?: string } }) {
          if (input.marker === 'refuse') {
            return {
              isError: true,
              content: [{ type: 'text', text: 'Refused by the test check' }],
            };
          }
          if (input.marker === 'throw') {
            throw new ProtocolError(
              ProtocolErrorCode.InvalidParams,
              'Thrown by the test check',
            );
          }
          return undefined;
        },
      },
    ],
  };
});

/** The `ref` of every call whose action ran, across both backends. */
const ran: string[] = [];

/**
 * Two actions that note each run: `record` answers at once; `record-slowly`
 * may become a task (configured below) and waits `ms` first.
 */
const laneProbePlugin = createBackendPlugin({
  pluginId: 'lane-probe',
  register(env) {
    env.registerInit({
      deps: { registry: actionsRegistryServiceRef },
      async init({ registry }) {
        for (const name of ['record', 'record-slowly']) {
          registry.register({
            name,
            title: `Lane probe: ${name}`,
            description: 'Notes that it ran and returns the reference it got',
            attributes: { readOnly: true },
            schema: {
              input: z =>
                z.object({
                  marker: z.string(),
                  ref: z.string(),
                  ms: z.number().int().min(0).max(5_000).optional(),
                }),
              output: z => z.object({ ref: z.string() }),
            },
            action: async ({ input }) => {
              ran.push(input.ref);
              if (input.ms) {
                await new Promise(resolve => setTimeout(resolve, input.ms));
              }
              return { output: { ref: input.ref } };
            },
          });
        }
      },
    });
  },
});

/** What a lane saw: a tool result, or a JSON-RPC error. */
type Seen =
  | { kind: 'result'; result: any; asTask: boolean }
  | { kind: 'error'; code: number; message: string };

type Lane = {
  label: string;
  tool: 'record' | 'record-slowly';
  call(mcp: McpTestBackend, tool: string, args: object): Promise<Seen>;
};

/** Runs an SDK client's `callTool`, catching what it throws. */
async function viaClient(
  client: { callTool(params: any): Promise<any> },
  name: string,
  args: object,
): Promise<Seen> {
  try {
    const result = await client.callTool({ name, arguments: args });
    return { kind: 'result', result, asTask: false };
  } catch (error: any) {
    return { kind: 'error', code: error.code, message: error.message };
  }
}

const lanes: Lane[] = [
  {
    label: 'SDK v2 client, 2026-07-28',
    tool: 'record',
    call: async (mcp, name, args) =>
      viaClient(await mcp.connectV2('modern'), name, args),
  },
  {
    label: 'SDK v2 client, 2025 handshake',
    tool: 'record',
    call: async (mcp, name, args) =>
      viaClient(await mcp.connectV2('legacy'), name, args),
  },
  {
    label: 'SDK v1 client, 2025 Streamable HTTP',
    tool: 'record',
    call: async (mcp, name, args) => viaClient(await mcp.connect(), name, args),
  },
  {
    label: 'SDK v1 client, legacy SSE',
    tool: 'record',
    call: async (mcp, name, args) =>
      viaClient(await mcp.connectSse(), name, args),
  },
  {
    label: 'raw 2026-07-28 request',
    tool: 'record',
    call: async (mcp, name, args) => {
      const { result, error } = await mcp.rpc(
        'tools/call',
        { name, arguments: args },
        { capabilities: {} },
      );
      return error
        ? { kind: 'error', code: error.code, message: error.message }
        : { kind: 'result', result, asTask: false };
    },
  },
  {
    label: 'ext-tasks client, a call that may become a task',
    tool: 'record-slowly',
    call: async (mcp, name, args) => {
      const { session } = await mcp.connectTasks();
      try {
        const execution = await session.callTool(name, args as any);
        const { outcome } = await execution.settle();
        return {
          kind: 'result',
          result: resultFromTaskOutcome(outcome),
          asTask: execution.kind === 'task',
        };
      } catch (error: any) {
        return { kind: 'error', code: error.code, message: error.message };
      }
    },
  },
];

describe.each([
  ['fast lane on', true],
  ['fast lane off', false],
])("every lane runs the pipeline's checks (%s)", (_label, fastLane) => {
  let mcp: McpTestBackend;

  beforeAll(async () => {
    mcp = await startMcpBackend({
      features: [laneProbePlugin],
      config: {
        backend: {
          actions: { pluginSources: ['test-actions', 'lane-probe'] },
          listen: { host: '127.0.0.1' },
        },
        mcpActions: {
          fastLane,
          tasks: {
            tools: [{ id: 'lane-probe:record-slowly' }],
            after: 100,
            pollInterval: 50,
          },
        },
      },
    });
  });

  afterAll(() => mcp?.stop());

  describe.each(lanes.map(lane => [lane.label, lane] as const))(
    '%s',
    (label, lane) => {
      const tool = `lane-probe.${lane.tool}`;
      const ref = (what: string) => `${fastLane}/${label}/${what}`;

      it('runs a call the check lets through', async () => {
        const seen = await lane.call(mcp, tool, {
          marker: 'pass',
          ref: ref('pass'),
          // Long enough to become a task where tasks apply.
          ...(lane.tool === 'record-slowly' ? { ms: 400 } : {}),
        });
        expect(seen).toMatchObject({
          kind: 'result',
          result: { structuredContent: { ref: ref('pass') } },
          asTask: lane.tool === 'record-slowly',
        });
        expect(ran).toContain(ref('pass'));
      });

      it("answers the check's refusal and never runs the action", async () => {
        const seen = await lane.call(mcp, tool, {
          marker: 'refuse',
          ref: ref('refuse'),
          ...(lane.tool === 'record-slowly' ? { ms: 400 } : {}),
        });
        expect(seen).toMatchObject({
          kind: 'result',
          result: {
            isError: true,
            content: [{ type: 'text', text: 'Refused by the test check' }],
          },
          asTask: false,
        });
        expect(ran).not.toContain(ref('refuse'));
      });

      it('answers an error the check throws and never runs the action', async () => {
        const seen = await lane.call(mcp, tool, {
          marker: 'throw',
          ref: ref('throw'),
        });
        expect(seen).toMatchObject({
          kind: 'error',
          code: -32602,
          message: expect.stringContaining('Thrown by the test check'),
        });
        expect(ran).not.toContain(ref('throw'));
      });
    },
  );
});
