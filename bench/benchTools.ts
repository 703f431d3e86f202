import type { ActionsServiceAction } from '@backstage/backend-plugin-api/alpha';
import type { Tool } from '@modelcontextprotocol/server';
import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { actionToTool } from '../src/tools/toolDefinition';
import { toolsetAsListed } from '../src/tools/toolsetAsListed';
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
 * built by the plugin's own code from the same JSON Schemas, as the plugin
 * lists them to clients of 2025-06-18 and later (every bench target's), so
 * every target lists the same bytes of tools.
 */
export interface BenchTools {
  tools: Tool[];
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
  const schema = {
    input: zodToJsonSchema(inputSchema(z)),
    output: zodToJsonSchema(outputSchema(z)),
  } as ActionsServiceAction['schema'];
  const built: Tool[] = [];
  const indexByName = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    const name = `${BENCH_PLUGIN_ID}.${actionName(index)}`;
    indexByName.set(name, index);
    const result = actionToTool(
      {
        id: `${BENCH_PLUGIN_ID}:${actionName(index)}`,
        pluginId: BENCH_PLUGIN_ID,
        name: actionName(index),
        title: actionTitle(index),
        description: actionDescription(index),
        attributes: { readOnly: true, destructive: false, idempotent: true },
        schema,
      },
      name,
    );
    if (!('tool' in result)) {
      throw new Error(`Bench action ${index}: ${result.problem}`);
    }
    built.push(result.tool);
  }
  const { tools } = toolsetAsListed(
    { tools: built, listResult: { tools: built }, find: () => undefined },
    { name: 'bench', filter: { include: [], exclude: [] } },
    '2025-06-18',
  );
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
