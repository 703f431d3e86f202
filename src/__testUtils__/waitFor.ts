/**
 * Polls `check` every 20 ms until it holds or `timeoutMs` passes; resolves
 * with whether it held. Tests assert on the result.
 */
export async function waitFor(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 2000,
): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) {
      return true;
    }
    if (Date.now() >= until) {
      return false;
    }
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}
