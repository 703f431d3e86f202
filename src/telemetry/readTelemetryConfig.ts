import type { Config } from '@backstage/config';

export interface TelemetryConfig {
  /** Put tool arguments and results on spans and audit events. */
  captureToolPayloads: boolean;
  /** Config that works but should change (deprecated keys), for start-up warnings. */
  warnings: string[];
}

/**
 * `tracing.capture.toolPayload` is the key the upstream plugin reads;
 * `captureToolPayloads`, this plugin's earlier name, still works as a
 * deprecated alias. When both are set, the upstream key wins.
 */
export function readTelemetryConfig(config: Config): TelemetryConfig {
  const upstream = config.getOptionalBoolean('tracing.capture.toolPayload');
  const alias = config.getOptionalBoolean('captureToolPayloads');
  const warnings =
    alias === undefined
      ? []
      : [
          "'mcpActions.captureToolPayloads' is deprecated; use 'mcpActions.tracing.capture.toolPayload' instead",
        ];
  return { captureToolPayloads: upstream ?? alias ?? false, warnings };
}
