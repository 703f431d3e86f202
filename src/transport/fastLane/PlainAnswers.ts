import {
  SERVER_INFO_META_KEY,
  ProtocolError,
  ProtocolErrorCode,
  type CallToolResult,
  type Implementation,
  type RequestId,
} from '@modelcontextprotocol/server';
import type { Toolset } from '../../tools/ToolCatalog';
import type { Era } from './classifyPlainRequest';

/** The JSON-RPC error of a thrown error, as the SDK would answer it. */
export interface JsonRpcError {
  code: number;
  message: string;
  data?: unknown;
}

export function jsonRpcErrorOf(error: unknown): JsonRpcError {
  if (error instanceof ProtocolError) {
    return { code: error.code, message: error.message, data: error.data };
  }
  return {
    code: ProtocolErrorCode.InternalError,
    message: error instanceof Error ? error.message : String(error),
  };
}

/** An answer as the chunks it is written in, and its length in bytes. */
export interface AnswerBody {
  chunks: Buffer[];
  length: number;
}

function bodyOf(chunks: Buffer[]): AnswerBody {
  return { chunks, length: chunks.reduce((n, c) => n + c.length, 0) };
}

/**
 * The JSON answers of the fast lane, byte for byte what the SDK sends for
 * the same request (checked by `fastLane.test.ts` against the SDK itself):
 * on 2026-07-28 the result carries `resultType`, the server's identity in
 * `_meta` and, for `tools/list`, the cache hint; a 2025 result is bare.
 * Both are one JSON body (the SDK would send a 2025 answer as an event
 * stream; the client accepts either).
 *
 * A `tools/list` answer is the caller's tool list serialized once and
 * kept beside it, for as long as the catalog keeps that list, between a
 * small head and tail; with 500 tools that saves serializing 480 KB per
 * request. The list comes as the caller's protocol version reads it
 * (`toolsetAsListed`: one toolset object per variant), so a serialization
 * is kept per variant, and a 2025-03-26 client never gets the bytes of a
 * 2025-06-18 one.
 */
export class PlainAnswers {
  readonly #listHead = Buffer.from('{"result":{"tools":');
  readonly #idHead = Buffer.from(',"jsonrpc":"2.0","id":');
  readonly #listTails: Record<Era, Buffer>;
  readonly #serverInfo: Implementation;
  readonly #serializedTools = new WeakMap<Toolset, Buffer>();

  constructor(options: { serverInfo: Implementation; listTtlMs: number }) {
    this.#serverInfo = options.serverInfo;
    const listExtras = JSON.stringify({
      resultType: 'complete',
      ttlMs: options.listTtlMs,
      cacheScope: 'private',
      _meta: { [SERVER_INFO_META_KEY]: options.serverInfo },
    });
    this.#listTails = {
      modern: Buffer.from(`,${listExtras.slice(1)}`),
      legacy: Buffer.from('}'),
    };
  }

  /** The answer to a plain `tools/list` of `toolset`, as listed. */
  list(toolset: Toolset, era: Era, id: RequestId): AnswerBody {
    let tools = this.#serializedTools.get(toolset);
    if (!tools) {
      tools = Buffer.from(JSON.stringify(toolset.tools));
      this.#serializedTools.set(toolset, tools);
    }
    return bodyOf([
      this.#listHead,
      tools,
      this.#listTails[era],
      this.#idHead,
      Buffer.from(`${JSON.stringify(id)}}`),
    ]);
  }

  /** The answer to a plain `tools/call`. */
  call(result: CallToolResult, era: Era, id: RequestId): AnswerBody {
    const wire =
      era === 'modern'
        ? {
            ...result,
            resultType: 'complete',
            _meta: {
              ...result._meta,
              [SERVER_INFO_META_KEY]: this.#serverInfo,
            },
          }
        : result;
    return bodyOf([
      Buffer.from(JSON.stringify({ result: wire, jsonrpc: '2.0', id })),
    ]);
  }

  /**
   * The answer to a call the pipeline refused or failed: as the SDK
   * answers an error its handler threw, with the error's own code when it
   * is a protocol error and -32603 otherwise.
   */
  error(error: JsonRpcError, id: RequestId): AnswerBody {
    const { code, message, data } = error;
    return bodyOf([
      Buffer.from(
        JSON.stringify({
          jsonrpc: '2.0',
          id,
          error: { code, message, ...(data !== undefined && { data }) },
        }),
      ),
    ]);
  }
}
