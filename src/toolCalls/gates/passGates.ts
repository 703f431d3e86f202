import type { JsonObject } from '@backstage/types';
import {
  inputRequired,
  type CallToolResult,
  type InputRequiredResult,
  type RequestStateCodec,
  type Server,
  type ServerContext,
} from '@modelcontextprotocol/server';
import { clientCapabilitiesOf } from '../../mcpServer/clientCapabilities';
import type { CallRoundState } from '../requestState';
import { toolErrorResult } from '../toolResults';
import type { CallGate, GatedCall } from './types';

/**
 * Runs the gates in order. Each keeps its state across the rounds of a
 * multi round-trip call in the signed `requestState`; the first that
 * needs input ends this round with an `input_required` result.
 */
export async function passGates(options: {
  gates: CallGate[];
  /** Signs the state of multi round-trip calls; without it no gate can ask. */
  codec?: RequestStateCodec<CallRoundState>;
  server: Server;
  ctx: ServerContext;
  call: Pick<GatedCall, 'entry' | 'input' | 'caller' | 'serverKey'>;
}): Promise<
  | { kind: 'proceed'; secrets?: JsonObject }
  | { kind: 'answer'; result: CallToolResult | InputRequiredResult }
> {
  const { gates, codec: callStateCodec, server: mcp, ctx, call } = options;
  const previous = ctx.mcpReq.requestState<CallRoundState>();
  const states =
    previous &&
    typeof previous === 'object' &&
    previous.tool === call.entry.tool.name
      ? previous.gates
      : {};
  const next: Record<string, JsonObject> = {};
  let secrets: JsonObject | undefined;
  const clientCapabilities = clientCapabilitiesOf(ctx, mcp);
  for (const gate of gates) {
    const decision = await gate.check({
      ...call,
      ctx,
      clientCapabilities,
      state: states[gate.key],
    });
    if (decision.kind === 'answer') {
      return decision;
    }
    if (decision.state) {
      next[gate.key] = decision.state;
    }
    if (decision.kind === 'proceed') {
      secrets = decision.secrets ?? secrets;
      continue;
    }
    if (!callStateCodec) {
      return {
        kind: 'answer',
        result: toolErrorResult(
          new Error(
            `Tool "${call.entry.tool.name}" needs input from the user, but the server has no mcpActions.secrets.encryptionKey to keep the call's state with`,
          ),
        ),
      };
    }
    return {
      kind: 'answer',
      result: inputRequired({
        inputRequests: { [gate.key]: decision.request },
        requestState: await callStateCodec.mint(
          { tool: call.entry.tool.name, gates: next },
          ctx,
        ),
      }),
    };
  }
  return { kind: 'proceed', secrets };
}
