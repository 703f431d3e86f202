import type { ActionsServiceAction } from '@backstage/backend-plugin-api/alpha';
import { specTypeSchemas, type Tool } from '@modelcontextprotocol/server';

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
    return {
      problem: 'its input schema is not a JSON Schema of type "object"',
    };
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
  const checked = specTypeSchemas.Tool['~standard'].validate(candidate);
  if (checked instanceof Promise) {
    throw new Error('The MCP SDK validates tools asynchronously');
  }
  if (checked.issues) {
    return {
      problem: checked.issues
        .map(
          i =>
            `${(i.path ?? []).map(p => (typeof p === 'object' ? p.key : p)).join('.')}: ${i.message}`,
        )
        .join('; '),
    };
  }
  return { tool: candidate };
}
