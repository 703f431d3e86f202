import { metrics } from '@opentelemetry/api';
import {
  AggregationTemporality,
  type DataPoint,
  type Histogram,
  MeterProvider,
  MetricReader,
} from '@opentelemetry/sdk-metrics';

/** Collects on demand, cumulatively. */
class TestReader extends MetricReader {
  constructor() {
    super({
      aggregationTemporalitySelector: () => AggregationTemporality.CUMULATIVE,
    });
  }
  protected async onShutdown() {}
  protected async onForceFlush() {}
}

export type HistogramPoints = Array<DataPoint<Histogram>>;

/**
 * Installs a real OpenTelemetry MeterProvider as the global one (each jest
 * test file has its own globals) and reads histograms back from it.
 */
export function installTestMeter() {
  const reader = new TestReader();
  metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
  const collect = async (name: string) => {
    const { resourceMetrics } = await reader.collect();
    return resourceMetrics.scopeMetrics
      .flatMap(s => s.metrics)
      .find(m => m.descriptor.name === name);
  };
  return {
    async histogram(name: string): Promise<HistogramPoints> {
      return ((await collect(name))?.dataPoints ?? []) as HistogramPoints;
    },
    /** The sum of a counter over the points carrying all these attributes. */
    async counter(
      name: string,
      attributes: Record<string, unknown> = {},
    ): Promise<number> {
      const points = ((await collect(name))?.dataPoints ?? []) as Array<
        DataPoint<number>
      >;
      return points
        .filter(p =>
          Object.entries(attributes).every(([k, v]) => p.attributes[k] === v),
        )
        .reduce((sum, p) => sum + p.value, 0);
    },
    /** The last value of a gauge. */
    async gauge(name: string): Promise<number | undefined> {
      return (await collect(name))?.dataPoints[0]?.value as number | undefined;
    },
    uninstall() {
      metrics.disable();
    },
  };
}

/** How many measurements carry all the given attribute values. */
export function countPoints(
  points: HistogramPoints,
  attributes: Record<string, unknown>,
) {
  return points
    .filter(p =>
      Object.entries(attributes).every(([k, v]) => p.attributes[k] === v),
    )
    .reduce((sum, p) => sum + p.value.count, 0);
}
