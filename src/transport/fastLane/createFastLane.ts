import type { Request, Response } from 'express';
import type { McpServerConfig } from '../../config';
import type { Caller } from '../../mcpServer/caller';
import type { McpServerFactory } from '../../mcpServer/McpServerFactory';
import type { StreamableExchange } from '../StreamableExchange';
import { classifyPlainRequest } from './classifyPlainRequest';
import { PlainAnswers } from './PlainAnswers';
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
 * either era, answered with the same handlers' logic as the SDK server
 * runs (`McpServerFactory`), without building that server.
 *
 * Hand-written because `npm run bench` measured the SDK's per-request
 * serving (a `Server` per request, web `Request`/`Response` objects, zod
 * on the way in and out) at about half of what the backend allows:
 * `tools/list` of 5 tools at 0.51× the bare SDK server (1,238 vs 2,405
 * req/s) and of 500 tools at 0.10× the authenticated-route limit,
 * `tools/call` at 0.64× the invoke-only limit. The README's Performance
 * section has the figures with this lane.
 *
 * What a call needs beyond its action (a gate, a task, progress, a
 * multi round-trip) makes it not plain; so does a tool the caller does not
 * have, whose error the SDK answers.
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
      const toolset = await factory
        .listTools(server, caller)
        .catch(() => undefined);
      if (!toolset) {
        // Listing failed: the SDK's lane tries again and answers the error.
        return false;
      }
      sendAnswer(res, answers.list(toolset, era, id));
      exchange.finish();
      return true;
    }

    const entry = await factory
      .findTool(server, caller.credentials, request.name)
      .catch(() => undefined);
    if (!entry || !factory.isPlainCall(entry)) {
      return false;
    }
    exchange.annotate(id, { toolName: entry.tool.name });
    // Closing the request cancels the call, as on the SDK's lane.
    const abort = new AbortController();
    const onClose = () => abort.abort();
    res.once('close', onClose);
    try {
      const result = await factory.runTool({
        server,
        entry,
        input: request.input,
        caller,
        meta: request.meta,
        signal: abort.signal,
      });
      if (result.isError) {
        exchange.annotate(id, { toolError: true });
      }
      if (!abort.signal.aborted) {
        sendAnswer(res, answers.call(result, era, id));
        exchange.finish();
      }
    } finally {
      res.off('close', onClose);
    }
    return true;
  };
}
