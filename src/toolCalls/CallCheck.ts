import type { JsonObject } from '@backstage/types';
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { McpServerConfig } from '../tools/readToolsConfig';
import type { Caller } from '../mcpServer/caller';
import type { ToolEntry } from '../tools/ToolCatalog';

/** What a check knows of the call it decides on. */
export interface CheckedCall {
  server: McpServerConfig;
  caller: Caller;
  entry: ToolEntry;
  input: JsonObject;
}

/**
 * A decision every tool call passes before anything is asked or run, on
 * every lane (permissions, rate limits). It needs nothing of the protocol:
 * it lets the call go on (undefined), answers it with a result (an
 * `isError` naming the reason), or throws a `ProtocolError`.
 */
export interface CallCheck {
  /** Names the check in logs. */
  readonly name: string;
  check(call: CheckedCall): Promise<CallToolResult | undefined>;
}
