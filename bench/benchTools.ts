import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import {
  BENCH_PLUGIN_ID,
  actionDescription,
  actionName,
  actionTitle,
  inputSchema,
  outputSchema,
  runAction,
} from './actions';

/**
 * The N bench actions as MCP tool definitions, for the bare SDK servers:
 * the same names, JSON Schemas and annotations the plugins derive from the
 * Actions Registry, so every target lists the same bytes of tools.
 */
export interface BenchTool {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: 'object'; [key: string]: unknown };
  outputSchema: { type: 'object'; [key: string]: unknown };
  annotations: {
    title: string;
    readOnlyHint: boolean;
    destructiveHint: boolean;
    idempotentHint: boolean;
    openWorldHint: boolean;
  };
}

export interface BenchTools {
  tools: BenchTool[];
  /**
   * Answers a `tools/call` as the plugins answer the bench action: text
   * content plus structured content; undefined for an unknown tool.
   */
  call(
    name: string,
    args: unknown,
  ):
    | {
        content: { type: 'text'; text: string }[];
        structuredContent: { greeting: string; index: number };
      }
    | undefined;
}

export function benchTools(count: number): BenchTools {
  const input = zodToJsonSchema(inputSchema(z)) as BenchTool['inputSchema'];
  const output = zodToJsonSchema(outputSchema(z)) as BenchTool['outputSchema'];
  const tools: BenchTool[] = [];
  const indexByName = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    const name = `${BENCH_PLUGIN_ID}.${actionName(index)}`;
    indexByName.set(name, index);
    tools.push({
      name,
      title: actionTitle(index),
      description: actionDescription(index),
      inputSchema: input,
      outputSchema: output,
      annotations: {
        title: actionTitle(index),
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    });
  }
  return {
    tools,
    call(name, args) {
      const index = indexByName.get(name);
      if (index === undefined) {
        return undefined;
      }
      const result = runAction(index, (args ?? {}) as { name: string });
      return {
        content: [{ type: 'text', text: JSON.stringify(result) }],
        structuredContent: result,
      };
    },
  };
}
