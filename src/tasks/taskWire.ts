import type { JsonObject } from '@backstage/types';
import type { TaskError, TaskRecord, TaskStatus } from '../stores/types';

/*
 * The wire shapes of the Tasks extension (io.modelcontextprotocol/tasks,
 * revision 2026-07-28), built from stored records: times become ISO 8601
 * strings, and what only the server needs (owner, principal, heartbeat)
 * stays behind.
 */

/**
 * The extension's `Task`: what every task answer carries. A type rather
 * than an interface, so that results built from it are plain JSON objects
 * to the SDK.
 */
export type WireTask = {
  taskId: string;
  status: TaskStatus;
  statusMessage?: string;
  createdAt: string;
  lastUpdatedAt: string;
  /** From creation; null keeps the task until deleted otherwise. */
  ttlMs: number | null;
  pollIntervalMs?: number;
};

/** `CreateTaskResult`: the answer to a `tools/call` that became a task. */
export type CreateTaskResult = WireTask & { resultType: 'task' };

/**
 * `DetailedTask`, the answer to `tasks/get`: a completed task carries the
 * call's result (tool errors included), a failed one the JSON-RPC error.
 */
export type DetailedTask = WireTask & {
  result?: JsonObject;
  error?: TaskError;
};

export function wireTask(record: TaskRecord): WireTask {
  return {
    taskId: record.taskId,
    status: record.status,
    ...(record.statusMessage !== undefined && {
      statusMessage: record.statusMessage,
    }),
    createdAt: new Date(record.createdAt).toISOString(),
    lastUpdatedAt: new Date(record.lastUpdatedAt).toISOString(),
    ttlMs: record.ttlMs,
    ...(record.pollIntervalMs !== undefined && {
      pollIntervalMs: record.pollIntervalMs,
    }),
  };
}

export function createTaskResult(record: TaskRecord): CreateTaskResult {
  return { resultType: 'task', ...wireTask(record) };
}

export function detailedTask(record: TaskRecord): DetailedTask {
  const task = wireTask(record);
  switch (record.status) {
    case 'completed':
      // The result as the call would have answered it on 2026-07-28, where
      // every result names its type.
      return {
        ...task,
        result: {
          resultType: 'complete',
          ...(record.result ?? { content: [] }),
        },
      };
    case 'failed':
      return {
        ...task,
        // The store always records one; the fallback keeps the shape the
        // extension requires should a row ever lack it.
        error: record.error ?? {
          code: -32603,
          message: record.statusMessage ?? 'The task failed',
        },
      };
    default:
      return task;
  }
}
