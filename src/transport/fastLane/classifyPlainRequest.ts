import type { JsonObject } from '@backstage/types';
import {
  BAGGAGE_META_KEY,
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  PROTOCOL_VERSION_META_KEY,
  SUPPORTED_PROTOCOL_VERSIONS,
  TRACEPARENT_META_KEY,
  TRACESTATE_META_KEY,
  classifyInboundRequest,
  type InboundClassificationOutcome,
  type RequestId,
} from '@modelcontextprotocol/server';
import type { IncomingHttpHeaders } from 'node:http';
import { LRUCache } from 'lru-cache';
import { isJsonObject } from '../../mcpServer/isJsonObject';

/** The one stateless revision the fast lane answers for. */
export const MODERN_REVISION = '2026-07-28';

/** `modern`: 2026-07-28; `legacy`: a 2025-era revision, without a session. */
export type Era = 'modern' | 'legacy';

/** A request the fast lane may answer, with what it needs of it. */
export type PlainRequest =
  | { era: Era; id: RequestId; method: 'tools/list' }
  | {
      era: Era;
      id: RequestId;
      method: 'tools/call';
      name: string;
      input: JsonObject;
      /** `params._meta`: at most the envelope and trace context. */
      meta: JsonObject | undefined;
    };

const TRACE_KEYS = [
  TRACEPARENT_META_KEY,
  TRACESTATE_META_KEY,
  BAGGAGE_META_KEY,
];
const MODERN_META_KEYS = new Set([
  PROTOCOL_VERSION_META_KEY,
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  ...TRACE_KEYS,
]);
const LEGACY_META_KEYS = new Set(TRACE_KEYS);
const MESSAGE_KEYS = new Set(['jsonrpc', 'id', 'method', 'params']);
const PARAM_KEYS = {
  'tools/list': new Set(['_meta']),
  'tools/call': new Set(['name', 'arguments', '_meta']),
};

function isRequestId(value: unknown): value is RequestId {
  return typeof value === 'string' || Number.isSafeInteger(value);
}

function onlyKeys(value: JsonObject, allowed: Set<string>): boolean {
  for (const key in value) {
    if (!allowed.has(key)) {
      return false;
    }
  }
  return true;
}

function singleHeader(
  headers: IncomingHttpHeaders,
  name: string,
): string | undefined {
  const value = headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** How many request shapes `routeOf` remembers, the least used dropped first. */
const MAX_SHAPES = 512;
const routeByShape = new LRUCache<string, InboundClassificationOutcome>({
  max: MAX_SHAPES,
});

/**
 * The SDK's classification of a request, remembered per shape. The SDK's
 * `classifyInboundRequest` looks only at the method, the headers and the
 * envelope in `_meta` once the message is a well-formed request (which the
 * caller has checked), and it validates the envelope with zod, failing
 * through two other message schemas first: 46 µs of a `tools/call`'s CPU in
 * a profile, most of what the lane added over the invoke-only route. A
 * client sends the same envelope with every request, so the SDK classifies
 * a stand-in request with the same method, headers and envelope once, and
 * the outcome is reused. Trace context varies per request and is left out:
 * the envelope schema is loose and never looks at it.
 */
function routeOf(
  method: string,
  meta: JsonObject | undefined,
  versionHeader: string | undefined,
  methodHeader: string | undefined,
): InboundClassificationOutcome {
  let envelope = meta;
  if (meta && TRACE_KEYS.some(key => key in meta)) {
    envelope = { ...meta };
    for (const key of TRACE_KEYS) {
      delete envelope[key];
    }
  }
  const shape = JSON.stringify([
    method,
    versionHeader ?? null,
    methodHeader ?? null,
    envelope ?? null,
  ]);
  let route = routeByShape.get(shape);
  if (!route) {
    route = classifyInboundRequest({
      httpMethod: 'POST',
      body: {
        jsonrpc: '2.0',
        id: 0,
        method,
        ...(envelope !== undefined && { params: { _meta: envelope } }),
      },
      ...(versionHeader !== undefined && {
        protocolVersionHeader: versionHeader,
      }),
      ...(methodHeader !== undefined && { mcpMethodHeader: methodHeader }),
    });
    routeByShape.set(shape, route);
  }
  return route;
}

/**
 * Picks out the requests the fast lane answers: one `tools/list` without a
 * cursor, or one `tools/call` with nothing but a name, arguments and the
 * per-request envelope, that the SDK would take as they are. Anything else
 * (batches, cursors, progress tokens, multi round-trip state, any header or
 * envelope the SDK would refuse or has to look at closer) is left to the
 * SDK, which also gives every error its answer.
 *
 * The era comes from the SDK's own classifier, so both lanes always agree
 * on it; on top of it the headers must be exactly right: on 2026-07-28
 * `MCP-Protocol-Version`, `Mcp-Method` and (for a call) `Mcp-Name` as the
 * body names them; on 2025 a supported `MCP-Protocol-Version` and an
 * `Accept` of both JSON and event streams.
 */
export function classifyPlainRequest(
  body: unknown,
  headers: IncomingHttpHeaders,
): PlainRequest | undefined {
  if (
    !isJsonObject(body) ||
    body.jsonrpc !== '2.0' ||
    !onlyKeys(body, MESSAGE_KEYS)
  ) {
    return undefined;
  }
  const { method } = body;
  if (
    !isRequestId(body.id) ||
    (method !== 'tools/list' && method !== 'tools/call')
  ) {
    return undefined;
  }
  const id = body.id;
  const params = body.params ?? {};
  if (!isJsonObject(params) || !onlyKeys(params, PARAM_KEYS[method])) {
    return undefined;
  }
  const meta = params._meta;
  if (meta !== undefined && !isJsonObject(meta)) {
    return undefined;
  }

  const accept = singleHeader(headers, 'accept') ?? '';
  const versionHeader = singleHeader(headers, 'mcp-protocol-version');
  const methodHeader = singleHeader(headers, 'mcp-method');
  const nameHeader = singleHeader(headers, 'mcp-name');
  const route = routeOf(method, meta, versionHeader, methodHeader);

  let era: Era;
  if (route.kind === 'modern') {
    if (
      route.classification.revision !== MODERN_REVISION ||
      versionHeader !== MODERN_REVISION ||
      methodHeader !== method ||
      !accept.includes('application/json') ||
      !onlyKeys(meta ?? {}, MODERN_META_KEYS)
    ) {
      return undefined;
    }
    era = 'modern';
  } else if (route.kind === 'legacy' && route.reason === 'no-claim') {
    if (
      versionHeader === undefined ||
      !SUPPORTED_PROTOCOL_VERSIONS.includes(versionHeader) ||
      !accept.includes('application/json') ||
      !accept.includes('text/event-stream') ||
      !onlyKeys(meta ?? {}, LEGACY_META_KEYS)
    ) {
      return undefined;
    }
    era = 'legacy';
  } else {
    return undefined;
  }

  if (method === 'tools/list') {
    return nameHeader === undefined ? { era, id, method } : undefined;
  }
  const { name } = params;
  // Absent arguments mean none; `null` is refused by the SDK's schema, so the
  // lane leaves it to the SDK rather than reading it as `{}`.
  const input = params.arguments === undefined ? {} : params.arguments;
  if (
    typeof name !== 'string' ||
    !isJsonObject(input) ||
    (era === 'modern' && nameHeader !== name)
  ) {
    return undefined;
  }
  return { era, id, method, name, input, meta };
}
