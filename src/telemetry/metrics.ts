import type {
  MetricAttributes,
  MetricsService,
  MetricsServiceCounter,
  MetricsServiceHistogram,
} from '@backstage/backend-plugin-api/alpha';

/**
 * Bucket boundaries (seconds) the OpenTelemetry MCP semantic conventions
 * advise for both duration histograms.
 */
export const MCP_DURATION_BUCKETS = [
  0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300,
];

/** Which of this plugin's servers handled the request: its key or "default". */
export const SERVER_KEY_ATTRIBUTE = 'backstage.mcp.server.key';

/**
 * Attributes of `mcp.server.operation.duration`.
 * @see https://github.com/open-telemetry/semantic-conventions-genai/blob/main/docs/gen-ai/mcp.md
 */
export interface OperationAttributes extends MetricAttributes {
  /** The JSON-RPC method; `_OTHER` for methods MCP does not define. */
  'mcp.method.name': string;
  'mcp.protocol.version'?: string;
  /** On tools/call: the tool's name, `_OTHER` when the server has no such tool. */
  'gen_ai.tool.name'?: string;
  /** `execute_tool` on tools/call, absent otherwise. */
  'gen_ai.operation.name'?: 'execute_tool';
  /** The JSON-RPC error code as a string, or `tool_error` for an isError result. */
  'error.type'?: string;
  /** The JSON-RPC error code, when the response carries one. */
  'rpc.response.status_code'?: string;
  'network.transport': 'tcp';
  'network.protocol.name': 'http';
  [SERVER_KEY_ATTRIBUTE]: string;
}

/** Attributes of `mcp.server.session.duration`. */
export interface SessionAttributes extends MetricAttributes {
  'mcp.protocol.version'?: string;
  'network.transport': 'tcp';
  'network.protocol.name': 'http';
  /** `streamable-http` or `sse`; not a semantic convention attribute. */
  'backstage.mcp.transport': TransportKind;
  'error.type'?: string;
  [SERVER_KEY_ATTRIBUTE]: string;
}

export type TransportKind = 'streamable-http' | 'sse';

/** Attributes of `backstage.mcp.tool_call.refusals`. */
export interface RefusalAttributes extends MetricAttributes {
  /** The step that refused the call: `permission` or `rate-limit`. */
  'backstage.mcp.refusal.reason': string;
  'gen_ai.tool.name': string;
  [SERVER_KEY_ATTRIBUTE]: string;
}

export interface McpMetrics {
  operationDuration: MetricsServiceHistogram<OperationAttributes>;
  sessionDuration: MetricsServiceHistogram<SessionAttributes>;
  /** Tool calls refused before their action ran. */
  refusals: MetricsServiceCounter<RefusalAttributes>;
}

/** Creates the plugin's instruments; call once, at start-up. */
export function createMcpMetrics(metrics: MetricsService): McpMetrics {
  return {
    operationDuration: metrics.createHistogram<OperationAttributes>(
      'mcp.server.operation.duration',
      {
        description:
          'MCP request or notification duration as observed on the receiver from the time it was received until the result or ack is sent.',
        unit: 's',
        advice: { explicitBucketBoundaries: MCP_DURATION_BUCKETS },
      },
    ),
    sessionDuration: metrics.createHistogram<SessionAttributes>(
      'mcp.server.session.duration',
      {
        description:
          'The duration of the MCP session as observed on the MCP server.',
        unit: 's',
        advice: { explicitBucketBoundaries: MCP_DURATION_BUCKETS },
      },
    ),
    refusals: metrics.createCounter<RefusalAttributes>(
      'backstage.mcp.tool_call.refusals',
      {
        description:
          'Tool calls refused before their action ran, by the permission policy or a rate limit.',
        unit: '{call}',
      },
    ),
  };
}

/** The server key as recorded on metrics. */
export function serverKeyOf(key: string | undefined): string {
  return key ?? 'default';
}

/**
 * Starts timing an MCP session; the returned function records
 * `mcp.server.session.duration` when the session ends.
 */
export function startSessionTimer(
  metrics: McpMetrics,
  transport: TransportKind,
  serverKey: string | undefined,
): (protocolVersion?: string) => void {
  const startedAt = process.hrtime.bigint();
  return protocolVersion => {
    metrics.sessionDuration.record(
      Number(process.hrtime.bigint() - startedAt) / 1e9,
      {
        'network.transport': 'tcp',
        'network.protocol.name': 'http',
        'backstage.mcp.transport': transport,
        [SERVER_KEY_ATTRIBUTE]: serverKeyOf(serverKey),
        ...(protocolVersion ? { 'mcp.protocol.version': protocolVersion } : {}),
      },
    );
  };
}

/**
 * `backstage.mcp.sse.sessions`: the legacy SSE sessions open in this
 * process, observed at each collection (not a semantic convention metric).
 */
export function observeSseSessions(
  metrics: MetricsService,
  openSessions: () => number,
) {
  metrics
    .createObservableGauge('backstage.mcp.sse.sessions', {
      description: 'Legacy SSE sessions open in this process',
      unit: '{session}',
    })
    .addCallback(result => result.observe(openSessions()));
}
