import type { ActionsServiceAction } from '@backstage/backend-plugin-api/alpha';
import {
  specTypeSchemas,
  type Tool,
  type ToolAnnotations,
} from '@modelcontextprotocol/server';
import { leanSchema } from './leanSchema';

/**
 * What MCP assumes of a tool whose annotations leave a hint out. A hint
 * equal to its default is not written: it would tell the client nothing.
 */
const HINT_DEFAULTS = {
  readOnlyHint: false,
  destructiveHint: true,
  idempotentHint: false,
  openWorldHint: true,
} as const;

/**
 * The annotations of an action's tool: its title (which clients before
 * 2025-06-18 read only here; see `toolsetAsListed`) and the hints that
 * differ from MCP's defaults. Actions reach only the Backstage instance
 * that serves them, never an open world.
 */
function annotationsOf(action: ActionsServiceAction): ToolAnnotations {
  const hints: Record<keyof typeof HINT_DEFAULTS, boolean | undefined> = {
    readOnlyHint: action.attributes?.readOnly,
    destructiveHint: action.attributes?.destructive,
    idempotentHint: action.attributes?.idempotent,
    openWorldHint: false,
  };
  const annotations: ToolAnnotations = { title: action.title };
  for (const hint of Object.keys(hints) as Array<keyof typeof hints>) {
    const value = hints[hint];
    if (value !== undefined && value !== HINT_DEFAULTS[hint]) {
      annotations[hint] = value;
    }
  }
  return annotations;
}

/**
 * Turns an action into an MCP tool definition, or explains why it cannot be
 * one. The registry already gives JSON Schema; it is passed on as it is,
 * less a dialect declaration that changes nothing (see `leanSchema`).
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
    inputSchema: leanSchema(input) as Tool['inputSchema'],
    ...(output && typeof output === 'object' && output.type === 'object'
      ? { outputSchema: leanSchema(output) as Tool['outputSchema'] }
      : {}),
    annotations: annotationsOf(action),
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
