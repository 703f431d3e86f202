import type { CallToolResult } from '@modelcontextprotocol/client';

export function isPlainObject(
  value: unknown,
): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** All text content items of a result, joined. */
export function resultText(result: CallToolResult | undefined): string {
  const parts: string[] = [];
  for (const item of result?.content ?? []) {
    if (item && item.type === 'text' && typeof item.text === 'string') {
      parts.push(item.text);
    }
  }
  return parts.join('\n');
}

/**
 * The data of a tool result: structuredContent if it is an object, else the
 * first text item parsed as JSON, else that text itself.
 */
export function resultData(result: CallToolResult | undefined): unknown {
  if (!result) return undefined;
  if (isPlainObject(result.structuredContent)) return result.structuredContent;
  const first = (result.content ?? []).find(item => item?.type === 'text');
  if (!first || first.type !== 'text') return undefined;
  try {
    return JSON.parse(first.text);
  } catch {
    return first.text;
  }
}

export function errorMessage(result: CallToolResult): string {
  return resultText(result) || 'The tool reported an error.';
}

export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export interface EntityName {
  kind: string;
  namespace: string;
  name: string;
}

/** Parses `kind:namespace/name`, where kind and namespace may be left out. */
export function parseEntityRef(
  ref: string,
  defaults: { kind?: string; namespace?: string } = {},
): EntityName | undefined {
  const match = /^(?:([^:/]+):)?(?:([^:/]+)\/)?([^:/]+)$/.exec(ref.trim());
  if (!match) return undefined;
  const kind = match[1] ?? defaults.kind;
  if (!kind) return undefined;
  return {
    kind,
    namespace: match[2] ?? defaults.namespace ?? 'default',
    name: match[3],
  };
}

export function stringifyRef(name: EntityName): string {
  return `${name.kind.toLocaleLowerCase('en-US')}:${name.namespace}/${
    name.name
  }`;
}

/** Only http(s) URLs are ever handed to the host to open. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
