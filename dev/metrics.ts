import { metrics } from '@opentelemetry/api';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { MeterProvider } from '@opentelemetry/sdk-metrics';

/**
 * Serves every metric in Prometheus text format at
 * http://127.0.0.1:<port>/metrics. Must run before the backend is created,
 * since instruments bind to the global meter provider when made.
 */
export function servePrometheusMetrics(port: number) {
  const exporter = new PrometheusExporter({ host: '127.0.0.1', port });
  metrics.setGlobalMeterProvider(
    new MeterProvider({ readers: [exporter as any] }),
  );
  process.stdout.write(
    `Prometheus metrics: http://127.0.0.1:${port}/metrics\n`,
  );
}
