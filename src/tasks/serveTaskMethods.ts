import {
  ProtocolError,
  ProtocolErrorCode,
  type Server,
  type ServerContext,
} from '@modelcontextprotocol/server';
import { z } from 'zod';
import { callerOf } from '../mcpServer/caller';
import { principalKey } from '../mcpServer/principalKey';
import type { TaskManager } from './TaskManager';
import {
  TASKS_EXTENSION_ID,
  declaresTasksExtension,
  missingTasksCapability,
} from './tasksExtension';
import { detailedTask } from './taskWire';

const TaskIdParams = z.object({ taskId: z.string() });

/**
 * Serves the Tasks extension's methods on one SDK server (2026-07-28 only,
 * and only when some tool may become a task) and advertises the extension
 * in `server/discover`. Every request is
 * checked on its own: the client must declare the extension on it, and
 * only the principal that created a task, on the server that created it,
 * can see it; to anyone else it does not exist.
 */
export function serveTaskMethods(
  mcp: Server,
  tasks: TaskManager,
  serverKey: string | undefined,
) {
  mcp.setRequestHandler(
    'tasks/get',
    { params: TaskIdParams },
    async ({ taskId }, ctx) => {
      const principal = principalFor(ctx, 'tasks/get');
      const task = await tasks.find(taskId, principal, serverKey);
      if (!task) {
        throw taskNotFound('Failed to retrieve task');
      }
      return detailedTask(task);
    },
  );

  // The plugin never asks for input inside a task, so no input request is
  // ever outstanding: as the extension prescribes for responses to keys
  // that are not outstanding, they are ignored, and the update is
  // acknowledged. (The SDK lifts `inputResponses` out of every request's
  // params, into `ctx.mcpReq.inputResponses`, where nothing reads them.)
  mcp.setRequestHandler(
    'tasks/update',
    { params: TaskIdParams },
    async ({ taskId }, ctx) => {
      const principal = principalFor(ctx, 'tasks/update');
      if (!(await tasks.find(taskId, principal, serverKey))) {
        throw taskNotFound('Failed to update task');
      }
      return {};
    },
  );

  // Acknowledged for a working task (now cancelled) and, idempotently, for
  // one that had already ended (its state stays).
  mcp.setRequestHandler(
    'tasks/cancel',
    { params: TaskIdParams },
    async ({ taskId }, ctx) => {
      const principal = principalFor(ctx, 'tasks/cancel');
      if ((await tasks.cancel(taskId, principal, serverKey)) === 'not-found') {
        throw taskNotFound('Failed to cancel task');
      }
      return {};
    },
  );

  mcp.registerCapabilities({ extensions: { [TASKS_EXTENSION_ID]: {} } });
}

function principalFor(ctx: ServerContext, method: string): string {
  if (!declaresTasksExtension(ctx)) {
    throw missingTasksCapability(method);
  }
  const caller = callerOf(ctx.http?.authInfo);
  if (!caller) {
    // Every route authenticates before a message reaches a server.
    throw new ProtocolError(
      ProtocolErrorCode.InternalError,
      'The request reached the MCP server without credentials',
    );
  }
  return principalKey(caller.credentials);
}

/**
 * Unknown, expired, purged, and someone else's tasks all read the same,
 * so that nothing can be learnt about other callers' tasks.
 */
function taskNotFound(what: string) {
  return new ProtocolError(
    ProtocolErrorCode.InvalidParams,
    `${what}: Task not found`,
  );
}
