import type { Request, Response } from 'express';
import { sessionDeclaresUi } from '../../apps/appsSession';
import { requestDeclaresUiExtension } from '../../apps/uiExtension';
import type { McpServerConfig } from '../../tools/readToolsConfig';
import type { Caller } from '../../mcpServer/caller';
import type { McpServerFactory } from '../../mcpServer/McpServerFactory';
import type { StreamableExchange } from '../StreamableExchange';
import { classifyPlainRequest } from './classifyPlainRequest';
import { PlainAnswers, jsonRpcErrorOf, type AnswerBody } from './PlainAnswers';
import { sendAnswer } from './sendAnswer';

/** Serves a request if it is plain; false leaves it to the SDK untouched. */
export type FastLane = (
  req: Request,
  res: Response,
  caller: Caller,
  exchange: StreamableExchange,
) => Promise<boolean>;

/**
 * The fast lane of one server's Streamable HTTP endpoint: the plain
 * `tools/list` and `tools/call` requests (see `classifyPlainRequest`) of
 * either era, answered without building an SDK server. A list comes from
 * the same catalog as the SDK's handler; a call goes through the same
 * `ToolCallPipeline`, and this lane only translates the wire.
 *
 * Hand-written because `npm run bench` measured the SDK's per-request
 * serving (a `Server` per request, web `Request`/`Response` objects, zod
 * on the way in and out) at about half of what the backend allows:
 * `tools/list` of 5 tools at 0.51× the bare SDK server (1,238 vs 2,405
 * req/s) and of 500 tools at 0.10× the authenticated-route limit,
 * `tools/call` at 0.64× the invoke-only limit. The README's Performance
 * section has the figures with this lane.
 *
 * A server with a `toolsPageSize` lists through the SDK, so that its
 * pages and cursors have one implementation.
 *
 * A request that needs the protocol's context (progress, a gate that may
 * ask the user, a call that may become a task) goes to the SDK: the
 * classifier sees the first, the pipeline says so for the others before
 * any of its steps has acted. `fastLane.test.ts` sends the same requests
 * to a backend with and without this lane and expects the same answers.
 */
export function createFastLane(options: {
  server: McpServerConfig;
  factory: McpServerFactory;
}): FastLane {
  const { server, factory } = options;
  const answers = new PlainAnswers({
    serverInfo: factory.serverInfo(server),
    listTtlMs: factory.listTtlMs,
  });

  return async (req, res, caller, exchange) => {
    const request = classifyPlainRequest(req.body, req.headers);
    if (!request) {
      return false;
    }
    const { era, id } = request;
    if (request.method === 'tools/list') {
      if (server.toolsPageSize) {
        // A paged list (its first page and its cursor) is the SDK's.
        return false;
      }
      const toolset = await factory
        .listTools(
          server,
          caller,
          undefined,
          factory.offersApps(server) &&
            (era === 'modern'
              ? requestDeclaresUiExtension(req.body)
              : sessionDeclaresUi(req.headers)),
        )
        .catch(() => undefined);
      if (!toolset) {
        // Listing failed: the SDK's lane tries again and answers the error.
        return false;
      }
      sendAnswer(res, answers.list(toolset, era, id));
      exchange.finish();
      return true;
    }

    // Closing the request cancels the call, as on the SDK's lane.
    const abort = new AbortController();
    const onClose = () => abort.abort();
    res.once('close', onClose);
    try {
      let answer: AnswerBody;
      try {
        const result = await factory.pipeline.callWithoutProtocol({
          server,
          caller,
          id,
          name: request.name,
          input: request.input,
          meta: request.meta,
          signal: abort.signal,
        });
        if (!result) {
          return false;
        }
        answer = answers.call(result, era, id);
      } catch (error) {
        // A step refused the call (an unknown tool, a check), or failed.
        const refusal = jsonRpcErrorOf(error);
        exchange.answeredWithError(id, refusal.code);
        answer = answers.error(refusal, id);
      }
      if (!abort.signal.aborted) {
        sendAnswer(res, answer);
        exchange.finish();
      }
    } finally {
      res.off('close', onClose);
    }
    return true;
  };
}
