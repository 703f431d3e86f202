import { ResponseError, isError } from '@backstage/errors';
import type { JsonValue } from '@backstage/types';
import type { CallToolResult } from '@modelcontextprotocol/server';

/** One text item with the output as JSON, plus structured content for objects. */
export function toolSuccessResult(
  output: JsonValue | undefined,
): CallToolResult {
  const isObject =
    output !== null && typeof output === 'object' && !Array.isArray(output);
  return {
    content: [{ type: 'text', text: JSON.stringify(output ?? null) }],
    ...(isObject ? { structuredContent: output } : {}),
  };
}

/**
 * Every failure becomes a result the model can read: `<ErrorName>: <message>`,
 * never a stack trace. A failure reported by the action's own plugin over
 * HTTP arrives as a `ResponseError`; its original error is what counts.
 */
export function toolErrorResult(error: unknown): CallToolResult {
  const { name, message } = describeError(error);
  // In the order the SDK writes a result's fields.
  return {
    content: [{ type: 'text', text: `${name}: ${message}` }],
    isError: true,
  };
}

/** The error's name and message as the caller should see them. */
export function describeError(error: unknown): {
  name: string;
  message: string;
} {
  if (
    error instanceof ResponseError ||
    (isError(error) && error.name === 'ResponseError')
  ) {
    const cause = (error as ResponseError).cause;
    if (cause && cause.name) {
      return { name: cause.name, message: cause.message };
    }
  }
  if (isError(error)) {
    return { name: error.name || 'Error', message: error.message };
  }
  return { name: 'Error', message: String(error) };
}

/** The text of a result's first content block, for logs and audit. */
export function textOf(result: CallToolResult): string {
  const first = result.content?.[0];
  return first?.type === 'text' ? first.text : '';
}
