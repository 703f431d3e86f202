import type { JsonObject } from '@backstage/types';
import type {
  CallToolResult,
  ClientCapabilities,
  InputRequest,
  ServerContext,
} from '@modelcontextprotocol/server';
import type { Caller } from '../../mcpServer/caller';
import type { ToolEntry } from '../../tools/ToolCatalog';

/** What a gate knows of the call it decides on. */
export interface GatedCall {
  ctx: ServerContext;
  entry: ToolEntry;
  input: JsonObject;
  caller: Caller;
  /** The server's key, or undefined for the default server. */
  serverKey: string | undefined;
  /**
   * What the client declared it can do: per request on 2026-07-28, from
   * `initialize` on a legacy SSE session, unknown (undefined) on stateless
   * 2025 requests, which never saw an `initialize`.
   */
  clientCapabilities: ClientCapabilities | undefined;
  /** The gate's own state from an earlier round of this call, if any. */
  state: JsonObject | undefined;
}

/** A gate's decision. */
export type GateDecision =
  /** Go on; `secrets` are handed to the action; `state` is kept for later rounds. */
  | { kind: 'proceed'; secrets?: JsonObject; state?: JsonObject }
  /** Ask the client for input (one round of a multi round-trip request). */
  | { kind: 'ask'; request: InputRequest; state: JsonObject }
  /** Answer now, without running the action. */
  | { kind: 'answer'; result: CallToolResult };

/**
 * Something that stands between a tool call and its action: a
 * confirmation, secrets the user must provide. Gates run in order; each
 * keeps its state across rounds under its own `key`, which is also the key
 * of its input request.
 */
export interface CallGate {
  readonly key: string;
  /**
   * Whether the gate has anything to decide for this tool at all; a call
   * no gate concerns goes straight to its action.
   */
  concerns(entry: ToolEntry): boolean;
  check(call: GatedCall): Promise<GateDecision>;
}
