import type {
  CreateTaskResultV2,
  DetailedTaskV2,
  TaskV2,
} from '@modelcontextprotocol/ext-tasks/core/v2';
import type { TaskRecord } from '../stores/types';

/*
 * The wire shapes of the Tasks extension (io.modelcontextprotocol/tasks,
 * revision 2026-07-28), built from stored records: times become ISO 8601
 * strings, and what only the server needs (owner, principal, heartbeat)
 * stays behind.
 */

/*
 * The extension's own types (`@modelcontextprotocol/ext-tasks`, the
 * 2026-07-28 shapes), so that what is built here is checked against the
 * package rather than against a copy of it. Imported as types only: the
 * package is ESM-only and never loaded at run time, so it stays a
 * devDependency.
 */

/** The extension's `Task`: what every task answer carries. */
export type WireTask = TaskV2;

/** `CreateTaskResult`: the answer to a `tools/call` that became a task. */
export type CreateTaskResult = CreateTaskResultV2;

/**
 * `DetailedTask`, the answer to `tasks/get`: a completed task carries the
 * call's result (tool errors included), a failed one the JSON-RPC error.
 */
export type DetailedTask = DetailedTaskV2;

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

/*
 * Stored results and errors are Backstage `JsonObject`s, whose values may be
 * `undefined` (never written to JSON); the extension's JSON types are
 * readonly and have no `undefined`. Same data, two spellings.
 */
type DetailedResult = Extract<DetailedTask, { status: 'completed' }>['result'];
type DetailedError = Extract<DetailedTask, { status: 'failed' }>['error'];

export function detailedTask(record: TaskRecord): DetailedTask {
  const task = wireTask(record);
  switch (record.status) {
    case 'completed':
      // The result as the call would have answered it on 2026-07-28, where
      // every result names its type.
      return {
        ...task,
        status: 'completed',
        result: {
          resultType: 'complete',
          ...(record.result ?? { content: [] }),
        } as DetailedResult,
      };
    case 'failed':
      return {
        ...task,
        status: 'failed',
        // The store always records one; the fallback keeps the shape the
        // extension requires should a row ever lack it.
        error: (record.error as DetailedError | undefined) ?? {
          code: -32603,
          message: record.statusMessage ?? 'The task failed',
        },
      };
    default:
      return { ...task, status: record.status };
  }
}
