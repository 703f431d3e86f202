import { inputRequired, inputResponse } from '@modelcontextprotocol/server';
import { createHash } from 'node:crypto';
import { toolErrorResult } from '../toolResults';
import { canElicitForm } from '../../mcpServer/clientCapabilities';
import type { ToolEntry } from '../../tools/ToolCatalog';
import type { CallGate, GateDecision, GatedCall } from './types';

/** What a client that cannot ask its user gets for a destructive tool. */
export type ConfirmationFallback = 'refuse' | 'run';

/** At most this much of the arguments is shown in the question. */
const MAX_SHOWN_ARGUMENTS = 2000;

/**
 * Asks the user before a destructive tool runs (`mcpActions.confirmDestructive`):
 * a form-mode elicitation that shows the tool and its arguments. Accepting
 * runs the call; declining or cancelling answers `isError` and nothing runs.
 * The confirmation is bound to the exact arguments it showed (their hash
 * rides in the signed request state), so a retry with other arguments is
 * asked again.
 */
export class ConfirmDestructiveGate implements CallGate {
  readonly key = 'confirm';
  readonly #fallback: ConfirmationFallback;

  constructor(options: { fallback: ConfirmationFallback }) {
    this.#fallback = options.fallback;
  }

  concerns(entry: ToolEntry): boolean {
    return entry.action.attributes.destructive;
  }

  async check(call: GatedCall): Promise<GateDecision> {
    const { entry, input, ctx, state } = call;
    if (!this.concerns(entry)) {
      return { kind: 'proceed' };
    }
    const argumentsHash = hashOf(entry.tool.name, input);
    if (state?.confirmed === argumentsHash) {
      return { kind: 'proceed', state };
    }
    const answer = inputResponse(ctx.mcpReq.inputResponses, this.key);
    if (answer.kind === 'elicit' && state?.asked === argumentsHash) {
      if (answer.action === 'accept' && answer.content?.confirm === true) {
        return { kind: 'proceed', state: { confirmed: argumentsHash } };
      }
      return {
        kind: 'answer',
        result: toolErrorResult(
          new Error(
            `Tool "${entry.tool.name}" was declined by the user; nothing ran`,
          ),
        ),
      };
    }
    if (!canElicitForm(call.clientCapabilities)) {
      if (this.#fallback === 'run') {
        return { kind: 'proceed' };
      }
      return {
        kind: 'answer',
        result: toolErrorResult(
          new Error(
            `Tool "${entry.tool.name}" is destructive and needs the user's confirmation, but this client cannot ask for it (it declared no elicitation capability); nothing ran`,
          ),
        ),
      };
    }
    return {
      kind: 'ask',
      state: { asked: argumentsHash },
      request: inputRequired.elicit({
        message: questionFor(
          entry.tool.title ?? entry.tool.name,
          entry.tool.name,
          input,
        ),
        requestedSchema: {
          type: 'object',
          properties: {
            confirm: {
              type: 'boolean',
              title: 'Run it',
              description: 'This tool changes or deletes data.',
              default: false,
            },
          },
          required: ['confirm'],
        },
      }),
    };
  }
}

function questionFor(title: string, name: string, input: object): string {
  let shown = JSON.stringify(input, null, 2);
  if (shown.length > MAX_SHOWN_ARGUMENTS) {
    shown = `${shown.slice(0, MAX_SHOWN_ARGUMENTS)}\n…`;
  }
  return `Run the destructive tool "${title}" (${name}) with these arguments?\n${shown}`;
}

function hashOf(toolName: string, input: object): string {
  return createHash('sha256')
    .update(toolName)
    .update('\u0000')
    .update(stableJson(input))
    .digest('base64url');
}

/** JSON with object keys sorted, so equal arguments hash alike. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map(
        k =>
          `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`,
      )
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
