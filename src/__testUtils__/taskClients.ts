import type { Client } from '@modelcontextprotocol/client';
import {
  createTaskSessionFromClient,
  type RawClientDispatch,
} from '@modelcontextprotocol/ext-tasks/client';
import {
  MODERN_VERSION,
  modernRequest,
  postRpc,
  type RpcAnswer,
} from './jsonRpc';

export const TASKS_EXTENSION = 'io.modelcontextprotocol/tasks';

/** Client capabilities declaring the Tasks extension. */
export const TASKS_CAPABILITIES = { extensions: { [TASKS_EXTENSION]: {} } };

const CLIENT_INFO = { name: 'test-tasks-client', version: '1.0.0' };

/** The body field `Mcp-Name` mirrors, for the methods that have one. */
function nameHeaderOf(
  method: string,
  params: Record<string, unknown> | undefined,
): Record<string, string> {
  let field: string | undefined;
  if (method === 'tools/call' || method === 'prompts/get') {
    field = 'name';
  } else if (method === 'resources/read') {
    field = 'uri';
  } else if (method.startsWith('tasks/')) {
    field = 'taskId';
  }
  const value = field ? params?.[field] : undefined;
  return typeof value === 'string' ? { 'Mcp-Name': value } : {};
}

/** The one JSON-RPC response in an answer (events before it are skipped). */
function responseOf(answer: RpcAnswer) {
  const messages = Array.isArray(answer.body) ? answer.body : [answer.body];
  const response = messages.find(m => m && ('result' in m || 'error' in m));
  if (!response) {
    throw new Error(
      `No JSON-RPC response (HTTP ${answer.status}): ${answer.text}`,
    );
  }
  return response as {
    result?: any;
    error?: { code: number; message: string; data?: any };
  };
}

/**
 * A 2026-07-28 request as a client sends it, declaring `capabilities` in
 * its envelope (the Tasks extension unless told otherwise); resolves with
 * the HTTP answer and the JSON-RPC response in it.
 */
export async function modernRpc(
  url: string,
  method: string,
  params: Record<string, unknown>,
  options: { authorization?: string; capabilities?: object } = {},
) {
  const { body, headers } = modernRequest(method, {
    ...params,
    _meta: {
      ...(params._meta as object | undefined),
      'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
      'io.modelcontextprotocol/clientCapabilities':
        options.capabilities ?? TASKS_CAPABILITIES,
    },
  });
  const answer = await postRpc(url, body, {
    ...headers,
    ...nameHeaderOf(method, params),
    ...(options.authorization ? { Authorization: options.authorization } : {}),
  });
  return { answer, ...responseOf(answer) };
}

/**
 * The raw request path the ext-tasks client needs for the 2026-07-28 task
 * shapes, which the SDK client's own codec refuses: it posts each request
 * as the package framed it, with the revision's headers.
 */
function rawDispatchTo(url: string, authorization?: string): RawClientDispatch {
  let nextId = 1;
  return async request => {
    const { method, params } = request as {
      method: string;
      params?: Record<string, unknown>;
    };
    const answer = await postRpc(
      url,
      JSON.stringify({
        jsonrpc: '2.0',
        id: `raw-${nextId++}`,
        ...(request as object),
      }),
      {
        'MCP-Protocol-Version': MODERN_VERSION,
        'Mcp-Method': method,
        ...nameHeaderOf(method, params),
        ...(authorization ? { Authorization: authorization } : {}),
      },
    );
    const response = responseOf(answer);
    return response.error
      ? { kind: 'error', error: response.error }
      : { kind: 'result', result: response.result };
  };
}

/**
 * `fetch` whose JSON bodies are parsed in the test's own realm. Jest runs
 * tests in a VM context while `fetch` comes from Node's, so `res.json()`
 * gives objects of another realm, which ext-tasks refuses as not plain
 * JSON; the SDK client reads JSON answers that way.
 */
export const sameRealmFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, init);
  if (!res.headers.get('content-type')?.startsWith('application/json')) {
    return res;
  }
  const text = await res.text();
  return Object.assign(new Response(text, res), {
    json: async () => JSON.parse(text),
  });
};

/**
 * An ext-tasks session over a connected SDK v2 client (2026-07-28): tool
 * calls that come back as tasks are polled to their end by the package.
 */
export function taskSessionFor(
  client: Client,
  url: string,
  authorization?: string,
) {
  return createTaskSessionFromClient(client, {
    endpointId: url,
    rawDispatch: rawDispatchTo(url, authorization),
    v2RequestFraming: {
      protocolVersion: MODERN_VERSION,
      clientInfo: CLIENT_INFO,
      clientCapabilities: TASKS_CAPABILITIES,
    },
  });
}
