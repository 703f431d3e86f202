import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type {
  JSONRPCMessage,
  RequestId,
} from '@modelcontextprotocol/sdk/types.js';
import type { McpServerConfig } from '../config';
import type { Caller, McpServerFactory } from '../services/McpServerFactory';
import { invalidRequestResponse, type BatchEntry } from './jsonRpcBody';

/**
 * Answers a batch in which some entries are not JSON-RPC: the valid ones go
 * to an SDK server over an in-memory transport, the invalid ones get an
 * Invalid Request error each, and the answers come back in batch order.
 * (The SDK's HTTP transport would refuse the whole batch.)
 */
export async function answerMixedBatch(options: {
  entries: BatchEntry[];
  factory: McpServerFactory;
  server: McpServerConfig;
  caller: Caller;
  timeoutMs: number;
}): Promise<unknown[]> {
  const { entries, factory, server, caller } = options;
  const [client, serverSide] = InMemoryTransport.createLinkedPair();
  const { mcp } = await factory.connect({ server, transport: serverSide, caller });

  const expected = new Set<RequestId>();
  for (const entry of entries) {
    if (entry.valid && 'method' in entry.message && 'id' in entry.message) {
      expected.add(entry.message.id);
    }
  }
  const answers = new Map<RequestId, JSONRPCMessage>();
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<void>(resolve => {
    client.onmessage = message => {
      const id = 'id' in message ? message.id : undefined;
      if (id !== undefined && expected.has(id)) {
        answers.set(id, message);
        if (answers.size === expected.size) {
          resolve();
        }
      }
    };
    timer = setTimeout(resolve, options.timeoutMs);
    if (expected.size === 0) {
      resolve();
    }
  });

  try {
    await client.start();
    for (const entry of entries) {
      if (entry.valid) {
        await client.send(entry.message);
      }
    }
    await done;
  } finally {
    clearTimeout(timer);
    await mcp.close().catch(() => {});
  }

  return entries.flatMap((entry): unknown[] => {
    if (!entry.valid) {
      return [invalidRequestResponse(entry.id)];
    }
    const message = entry.message;
    const answer =
      'method' in message && 'id' in message ? answers.get(message.id) : undefined;
    // Notifications get no answer, in a batch as anywhere.
    return answer ? [answer] : [];
  });
}
