/**
 * Raw JSON-RPC over HTTP for tests that send what no SDK client would:
 * posts a body as it is and reads the answer, whether the server sent it as
 * one JSON body or as an event stream.
 */

export const MODERN_VERSION = '2026-07-28';

/** What came back: the status, headers, raw text and the JSON-RPC payload. */
export interface RpcAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** One message, an array of them (a batch, or several events), or undefined. */
  body: any;
}

export async function postRpc(
  url: string,
  body: string | Buffer,
  headers: Record<string, string>,
): Promise<RpcAnswer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      ...headers,
    },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    body: payloadOf(res.headers, text),
  };
}

function payloadOf(headers: Headers, text: string): any {
  const type = headers.get('content-type') ?? '';
  if (type.startsWith('text/event-stream')) {
    const messages = text
      .split('\n')
      .filter(line => line.startsWith('data: '))
      .map(line => JSON.parse(line.slice(6)));
    return messages.length === 1 ? messages[0] : messages;
  }
  return text ? JSON.parse(text) : undefined;
}

/**
 * A 2026-07-28 request: the `_meta` envelope in the body and the headers
 * the revision requires.
 */
export function modernRequest(
  method: string,
  params: Record<string, unknown> = {},
  id: number | string = 1,
): { body: string; headers: Record<string, string> } {
  const name = typeof params.name === 'string' ? params.name : undefined;
  return {
    body: JSON.stringify({
      jsonrpc: '2.0',
      id,
      method,
      params: {
        ...params,
        _meta: {
          'io.modelcontextprotocol/protocolVersion': MODERN_VERSION,
          'io.modelcontextprotocol/clientCapabilities': {},
          ...(params._meta as object | undefined),
        },
      },
    }),
    headers: {
      'MCP-Protocol-Version': MODERN_VERSION,
      'Mcp-Method': method,
      ...(name ? { 'Mcp-Name': name } : {}),
    },
  };
}
