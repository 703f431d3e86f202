import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { tracingServiceMock } from '@backstage/backend-test-utils/alpha';
import { ToolCallTelemetry, type ToolCallTarget } from './ToolCallTelemetry';

const target = (attributes: Partial<ToolCallTarget> = {}): ToolCallTarget => ({
  toolName: 'widgets.delete-widget',
  actionId: 'widgets:delete-widget',
  readOnly: false,
  destructive: true,
  ...attributes,
});

function setup(capturePayloads = false) {
  const tracing = tracingServiceMock.mock();
  const event = {
    success: jest.fn(async () => {}),
    fail: jest.fn(async () => {}),
  };
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => event),
  });
  const telemetry = new ToolCallTelemetry({
    tracing,
    auditor,
    capturePayloads,
  });
  const observe = (
    t: ToolCallTarget,
    result: { isError?: boolean; text: string },
  ) =>
    telemetry.observe(
      {
        serverKey: undefined,
        target: t,
        arguments: { id: 'w-1' },
        credentials: mockCredentials.user(),
      },
      async () => ({
        content: [{ type: 'text' as const, text: result.text }],
        ...(result.isError ? { isError: true } : {}),
      }),
    );
  return { tracing, auditor, event, observe };
}

describe('ToolCallTelemetry', () => {
  it.each([
    ['a destructive call', 'high', target()],
    ['a read-only call', 'low', target({ readOnly: true, destructive: false })],
    ['any other call', 'medium', target({ destructive: false })],
  ])('audits %s at %s severity', async (_, severity, t) => {
    const { auditor, event, observe } = setup();
    await observe(t, { text: '{}' });
    expect(auditor.createEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        eventId: 'tool-execution',
        severityLevel: severity,
      }),
    );
    expect(event.success).toHaveBeenCalled();
  });

  it('spans the call as the MCP conventions name it, without payloads by default', async () => {
    const { tracing, observe } = setup();
    await observe(target(), { text: '{"deleted":"w-1"}' });
    const [name, options] = tracing.startActiveSpan.mock
      .calls[0] as unknown as [string, any];
    expect(name).toBe('tools/call widgets.delete-widget');
    expect(options).toMatchObject({
      kind: 'server',
      attributes: {
        'mcp.method.name': 'tools/call',
        'gen_ai.tool.name': 'widgets.delete-widget',
        'gen_ai.operation.name': 'execute_tool',
        'backstage.mcp.server.key': 'default',
      },
    });
    expect(options.attributes).not.toHaveProperty('gen_ai.tool.call.arguments');
    expect(tracing.spans[0].setAttribute).not.toHaveBeenCalledWith(
      'gen_ai.tool.call.result',
      expect.anything(),
    );
  });

  it('puts payloads on the span when asked to', async () => {
    const { tracing, observe } = setup(true);
    await observe(target(), { text: '{"deleted":"w-1"}' });
    const [, options] = tracing.startActiveSpan.mock.calls[0] as unknown as [
      string,
      any,
    ];
    expect(options.attributes['gen_ai.tool.call.arguments']).toBe(
      '{"id":"w-1"}',
    );
    expect(tracing.spans[0].setAttribute).toHaveBeenCalledWith(
      'gen_ai.tool.call.result',
      '"{\\"deleted\\":\\"w-1\\"}"',
    );
  });

  it('marks a tool error on the span and fails the audit event', async () => {
    const { tracing, event, observe } = setup();
    await observe(target(), {
      isError: true,
      text: 'NotFoundError: no widget',
    });
    expect(tracing.spans[0].setAttribute).toHaveBeenCalledWith(
      'error.type',
      'tool_error',
    );
    expect(tracing.spans[0].setStatus).toHaveBeenCalledWith({
      code: 'error',
      message: 'NotFoundError: no widget',
    });
    expect(event.fail).toHaveBeenCalled();
  });
});
