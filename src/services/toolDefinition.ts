import type { ActionsServiceAction } from '@backstage/backend-plugin-api/alpha';
import { ToolSchema, type Tool } from '@modelcontextprotocol/sdk/types.js';

/**
 * Turns an action into an MCP tool definition, or explains why it cannot be
 * one. The registry already gives JSON Schema; nothing is converted here.
 */
export function actionToTool(
  action: ActionsServiceAction,
  name: string,
): { tool: Tool } | { problem: string } {
  const input = action.schema?.input;
  if (!input || typeof input !== 'object' || input.type !== 'object') {
    return { problem: 'its input schema is not a JSON Schema of type "object"' };
  }
  const output = action.schema?.output;
  const candidate: Tool = {
    name,
    title: action.title,
    description: action.description,
    inputSchema: input as Tool['inputSchema'],
    ...(output && typeof output === 'object' && output.type === 'object'
      ? { outputSchema: output as Tool['outputSchema'] }
      : {}),
    annotations: {
      title: action.title,
      readOnlyHint: action.attributes.readOnly,
      destructiveHint: action.attributes.destructive,
      idempotentHint: action.attributes.idempotent,
      openWorldHint: false,
    },
  };
  const parsed = ToolSchema.safeParse(candidate);
  if (!parsed.success) {
    return { problem: parsed.error.issues.map(i => `${i.path.join('.')}: ${i.message}`).join('; ') };
  }
  return { tool: candidate };
}
