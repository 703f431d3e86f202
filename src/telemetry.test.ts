import {
  metricsServiceFactory,
  tracingServiceFactory,
} from '@backstage/backend-defaults/alpha';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { EmptyResultSchema } from '@modelcontextprotocol/sdk/types.js';
import {
  type HistogramPoints,
  countPoints,
  installTestMeter,
} from './__testUtils__/otel';
import {
  McpTestBackend,
  USER_ALICE,
  startMcpBackend,
} from './__testUtils__/startMcpBackend';

const meter = installTestMeter();
const spans = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({
  spanProcessors: [new SimpleSpanProcessor(spans)],
});

type Points = HistogramPoints;
const histogram = meter.histogram;
const count = countPoints;

describe('telemetry', () => {
  let mcp: McpTestBackend;
  const auditor = mockServices.auditor.mock();
  const auditEvents: Array<{ options: any; outcome?: string; error?: Error }> =
    [];

  beforeAll(async () => {
    context.setGlobalContextManager(
      new AsyncLocalStorageContextManager().enable(),
    );
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    trace.setGlobalTracerProvider(tracerProvider);
    auditor.createEvent.mockImplementation(async options => {
      const event: (typeof auditEvents)[number] = { options };
      auditEvents.push(event);
      return {
        success: async () => {
          event.outcome = 'success';
        },
        fail: async ({ error }) => {
          event.outcome = 'fail';
          event.error = error;
        },
      };
    });
    mcp = await startMcpBackend({
      features: [metricsServiceFactory, tracingServiceFactory, auditor.factory],
      config: {
        mcpActions: {
          servers: {
            widgets: {
              name: 'Widgets',
              filter: { include: [{ id: '*:delete-*' }] },
            },
          },
        },
      },
    });
  });
  afterAll(async () => {
    await mcp?.stop();
    meter.uninstall();
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it('records every operation with the conventions attributes', async () => {
    const client = await mcp.connect();
    await client.ping();
    await client.listTools();
    await client.callTool({ name: 'test-actions.whoami', arguments: {} });
    await client.callTool({ name: 'test-actions.crash', arguments: {} });
    await expect(
      client.callTool({ name: 'no-such-tool', arguments: {} }),
    ).rejects.toThrow();

    const widgets = await mcp.connect('/widgets');
    await widgets.callTool({
      name: 'test-actions.delete-widget',
      arguments: { id: 'w' },
    });

    const points = await histogram('mcp.server.operation.duration');
    const base = {
      'network.transport': 'tcp',
      'network.protocol.name': 'http',
      'backstage.mcp.server.key': 'default',
    };
    expect(
      count(points, { ...base, 'mcp.method.name': 'initialize' }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      count(points, {
        ...base,
        'mcp.method.name': 'notifications/initialized',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(count(points, { ...base, 'mcp.method.name': 'ping' })).toBe(1);
    expect(count(points, { ...base, 'mcp.method.name': 'tools/list' })).toBe(1);
    expect(
      count(points, {
        ...base,
        'mcp.method.name': 'tools/call',
        'gen_ai.tool.name': 'test-actions.whoami',
        'gen_ai.operation.name': 'execute_tool',
        'mcp.protocol.version': '2025-11-25',
        'error.type': undefined,
      }),
    ).toBe(1);
    expect(
      count(points, {
        'mcp.method.name': 'tools/call',
        'gen_ai.tool.name': 'test-actions.crash',
        'error.type': 'tool_error',
      }),
    ).toBe(1);
    expect(
      count(points, {
        'mcp.method.name': 'tools/call',
        'gen_ai.tool.name': '_OTHER',
        'error.type': '-32602',
        'rpc.response.status_code': '-32602',
      }),
    ).toBe(1);
    expect(
      count(points, {
        'backstage.mcp.server.key': 'widgets',
        'gen_ai.tool.name': 'test-actions.delete-widget',
      }),
    ).toBe(1);
    expect(
      points.some(p => p.attributes['gen_ai.tool.name'] === 'no-such-tool'),
    ).toBe(false);
    const sample = points.find(
      p => p.attributes['mcp.method.name'] === 'tools/list',
    )!;
    expect(sample.value.buckets.boundaries).toEqual([
      0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300,
    ]);
  });

  it('records methods MCP does not define as _OTHER', async () => {
    const client = await mcp.connect();
    await expect(
      client.request({ method: 'made/up' } as any, EmptyResultSchema),
    ).rejects.toThrow();
    const points = await histogram('mcp.server.operation.duration');
    expect(
      count(points, { 'mcp.method.name': '_OTHER', 'error.type': '-32601' }),
    ).toBe(1);
    expect(
      points.some(p => p.attributes['mcp.method.name'] === 'made/up'),
    ).toBe(false);
  });

  it('records a session per Streamable HTTP request and the real lifetime of an SSE session', async () => {
    const before = count(await histogram('mcp.server.session.duration'), {
      'backstage.mcp.transport': 'sse',
    });
    const client = await mcp.connectSse();
    await client.listTools();
    expect(await meter.gauge('backstage.mcp.sse.sessions')).toBe(1);
    await new Promise(r => setTimeout(r, 250));
    await client.close();
    let points: Points = [];
    for (let i = 0; i < 50; i++) {
      points = await histogram('mcp.server.session.duration');
      if (count(points, { 'backstage.mcp.transport': 'sse' }) > before) break;
      await new Promise(r => setTimeout(r, 20));
    }
    const sse = points.filter(
      p => p.attributes['backstage.mcp.transport'] === 'sse',
    );
    expect(count(sse, {})).toBe(before + 1);
    expect(sse[0].attributes).toMatchObject({
      'network.transport': 'tcp',
      'network.protocol.name': 'http',
      'backstage.mcp.server.key': 'default',
      'mcp.protocol.version': '2025-11-25',
    });
    expect(sse[0].value.sum).toBeGreaterThanOrEqual(0.25);
    expect(
      count(points, { 'backstage.mcp.transport': 'streamable-http' }),
    ).toBeGreaterThan(5);
    expect(await meter.gauge('backstage.mcp.sse.sessions')).toBe(0);
  });

  it('traces a tool call as a server span parented on the client trace context', async () => {
    spans.reset();
    const client = await mcp.connect();
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    await client.callTool({
      name: 'test-actions.whoami',
      arguments: { note: 'secret' },
      _meta: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    await client.callTool({ name: 'test-actions.crash', arguments: {} });

    const finished = spans.getFinishedSpans();
    const ok = finished.find(s => s.name === 'tools/call test-actions.whoami')!;
    expect(ok.kind).toBe(SpanKind.SERVER);
    expect(ok.spanContext().traceId).toBe(traceId);
    expect(ok.parentSpanContext?.spanId).toBe('00f067aa0ba902b7');
    expect(ok.attributes).toMatchObject({
      'mcp.method.name': 'tools/call',
      'gen_ai.tool.name': 'test-actions.whoami',
      'gen_ai.operation.name': 'execute_tool',
      'backstage.mcp.server.key': 'default',
    });
    expect(JSON.stringify(ok.attributes)).not.toContain('secret');

    const failed = finished.find(
      s => s.name === 'tools/call test-actions.crash',
    )!;
    expect(failed.status).toEqual({
      code: SpanStatusCode.ERROR,
      message: 'Error: the widget factory exploded',
    });
    expect(failed.attributes['error.type']).toBe('tool_error');
  });

  it('audits discovery and execution with severity by action kind', async () => {
    auditEvents.length = 0;
    const client = await mcp.connect();
    await client.listTools();
    await client.callTool({
      name: 'test-actions.whoami',
      arguments: { note: 'secret' },
    });
    await client.callTool({
      name: 'test-actions.delete-widget',
      arguments: { id: 'missing' },
    });

    expect(
      auditEvents.map(e => [
        e.options.eventId,
        e.options.severityLevel,
        e.outcome,
      ]),
    ).toEqual([
      ['tool-discovery', 'low', 'success'],
      ['tool-execution', 'low', 'success'],
      ['tool-execution', 'high', 'fail'],
    ]);
    expect(auditEvents[1].options.meta).toEqual({
      server: 'default',
      tool: 'test-actions.whoami',
      actionId: 'test-actions:whoami',
      readOnly: true,
      destructive: false,
    });
    // The request lets the auditor name the actor.
    expect(auditEvents[1].options.request.headers.authorization).toBe(
      mockCredentials.user.header(USER_ALICE),
    );
    expect(auditEvents[2].error?.message).toBe(
      'NotFoundError: Widget "missing" does not exist',
    );
  });
});
