import type {
  McpMetrics,
  OperationAttributes,
  RefusalAttributes,
  SessionAttributes,
} from '../telemetry/metrics';

/**
 * `McpMetrics` whose instruments keep what was recorded, for unit tests of
 * the classes that record (the integration tests read a real meter).
 */
export function recordingMetrics() {
  const operations: Array<{
    seconds: number;
    attributes: OperationAttributes;
  }> = [];
  const sessions: Array<{ seconds: number; attributes: SessionAttributes }> =
    [];
  const refusals: Array<{ count: number; attributes: RefusalAttributes }> = [];
  const metrics: McpMetrics = {
    operationDuration: {
      record: (seconds, attributes) =>
        operations.push({ seconds, attributes: attributes! }),
    },
    sessionDuration: {
      record: (seconds, attributes) =>
        sessions.push({ seconds, attributes: attributes! }),
    },
    refusals: {
      add: (count, attributes) =>
        refusals.push({ count, attributes: attributes! }),
    },
  };
  return { metrics, operations, sessions, refusals };
}
