import { CustomErrorBase } from '@backstage/errors';

/** A tool call that ran past `mcpActions.toolCallTimeout`. */
export class ToolCallTimeoutError extends CustomErrorBase {
  name = 'TimeoutError' as const;
}

/** A tool call the client cancelled or walked away from. */
export class ToolCallCancelledError extends CustomErrorBase {
  name = 'CancelledError' as const;
}

/**
 * Waits for `work` at most `timeoutMs`, and not at all once `signal` aborts.
 * The work itself cannot be stopped (the actions service takes no signal),
 * but nothing waits on it any longer and its timer is released.
 */
export async function invokeWithLimits<T>(
  work: () => Promise<T>,
  options: { timeoutMs: number; signal?: AbortSignal; label: string },
): Promise<T> {
  const { timeoutMs, signal, label } = options;
  if (signal?.aborted) {
    throw new ToolCallCancelledError(`${label} was cancelled by the client`);
  }
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  const limits = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ToolCallTimeoutError(
            `${label} did not finish within ${formatDuration(timeoutMs)}`,
          ),
        ),
      timeoutMs,
    );
    onAbort = () =>
      reject(
        new ToolCallCancelledError(`${label} was cancelled by the client`),
      );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work(), limits]);
  } finally {
    clearTimeout(timer);
    if (onAbort) {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

function formatDuration(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
