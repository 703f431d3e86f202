import {
  Server,
  type JSONRPCRequest,
  type Result,
  type ServerContext,
} from '@modelcontextprotocol/server';

type Handler = (request: JSONRPCRequest, ctx: ServerContext) => Promise<Result>;

/**
 * The SDK's low-level `Server`, but a `tools/call` answered with a task
 * handle (`resultType: "task"`) reaches the wire as the Tasks extension
 * defines it. The SDK knows nothing of the extension: it checks every
 * `tools/call` result as a `CallToolResult` and gives one without
 * `content` an empty `content`, which a `CreateTaskResult` (a `Result` and
 * a `Task`, nothing more) must not carry. So it is taken off again, through
 * the SDK's hook for wrapping handlers in a subclass.
 */
// eslint-disable-next-line @typescript-eslint/no-deprecated
export class TaskAwareServer extends Server {
  protected override _wrapHandler(method: string, handler: Handler): Handler {
    const wrapped = super._wrapHandler(method, handler);
    if (method !== 'tools/call') {
      return wrapped;
    }
    return async (request, ctx) => {
      const result = await wrapped(request, ctx);
      if (result.resultType !== 'task') {
        return result;
      }
      const { content: _added, ...task } = result as Result & {
        content?: unknown;
      };
      return task;
    };
  }
}
