import type { Config } from '@backstage/config';
import { readMilliseconds } from '../config/readValues';

/** How tool calls run: their time limit, progress and confirmation. */
export interface ToolCallsConfig {
  toolCallTimeoutMs: number;
  /** How often a call that asked for progress is told it is still running. */
  progressIntervalMs: number;
  /** Ask the user before a destructive tool runs (form elicitation). */
  confirmDestructive: boolean;
  /** What a client that cannot ask gets for a destructive tool. */
  confirmDestructiveFallback: 'refuse' | 'run';
}

const DEFAULTS = {
  toolCallTimeoutMs: 120_000,
  progressIntervalMs: 5_000,
};

/** Reads the keys of `mcpActions` that shape every tool call. */
export function readToolCallsConfig(config: Config): ToolCallsConfig {
  return {
    toolCallTimeoutMs: readMilliseconds(
      config,
      'toolCallTimeout',
      DEFAULTS.toolCallTimeoutMs,
      { positive: true },
    ),
    progressIntervalMs: readMilliseconds(
      config,
      'progressInterval',
      DEFAULTS.progressIntervalMs,
      { positive: true },
    ),
    ...readConfirmation(config),
  };
}

function readConfirmation(
  config: Config,
): Pick<ToolCallsConfig, 'confirmDestructive' | 'confirmDestructiveFallback'> {
  const confirmDestructive =
    config.getOptionalBoolean('confirmDestructive') ?? false;
  const fallback =
    config.getOptionalString('confirmDestructiveFallback') ?? 'refuse';
  if (fallback !== 'refuse' && fallback !== 'run') {
    throw new Error(
      `Invalid config at 'mcpActions.confirmDestructiveFallback': "${fallback}" is not one of "refuse", "run"`,
    );
  }
  if (
    confirmDestructive &&
    !config.getOptionalString('secrets.encryptionKey')
  ) {
    throw new Error(
      "Missing required config value at 'mcpActions.secrets.encryptionKey': mcpActions.confirmDestructive signs the state of its confirmation rounds with it, and every replica needs the same key",
    );
  }
  return { confirmDestructive, confirmDestructiveFallback: fallback };
}
