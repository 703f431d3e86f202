import type { ServerContext } from '@modelcontextprotocol/server';

/**
 * Keeps a long call alive in clients that reset their timeout on progress:
 * when the request carries a `progressToken`, a progress notification goes
 * out every `intervalMs` until the call ends. The total is unknown (actions
 * report none), so each says how long the call has run.
 */
export async function withProgress<T>(
  ctx: ServerContext,
  intervalMs: number,
  toolName: string,
  run: () => Promise<T>,
): Promise<T> {
  const token = ctx.mcpReq._meta?.progressToken;
  if (token === undefined) {
    return run();
  }
  const startedAt = Date.now();
  let progress = 0;
  const timer = setInterval(() => {
    progress += 1;
    const seconds = Math.round((Date.now() - startedAt) / 1000);
    ctx.mcpReq
      .notify({
        method: 'notifications/progress',
        params: {
          progressToken: token,
          progress,
          message: `Tool "${toolName}" still running after ${seconds}s`,
        },
      })
      .catch(() => {});
  }, intervalMs);
  try {
    return await run();
  } finally {
    clearInterval(timer);
  }
}
