import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import { readMcpActionsConfig } from '../config/readMcpActionsConfig';

function read(mcpActions: JsonObject) {
  return readMcpActionsConfig(new ConfigReader({ mcpActions })).rateLimit;
}

describe('readRateLimitConfig', () => {
  it('limits nothing unless configured', () => {
    expect(read({})).toEqual({ shared: {}, servers: new Map() });
  });

  it('reads shared and per-server limits, with durations in any Backstage form', () => {
    const config = read({
      rateLimit: {
        toolCalls: { limit: 120, window: '1m' },
        destructiveToolCalls: { limit: 10, window: { minutes: 1 } },
      },
      servers: {
        ops: {
          name: 'Ops',
          rateLimit: { toolCalls: { limit: 5, window: 10_000 } },
        },
        catalog: { name: 'Catalog' },
      },
    });
    expect(config.shared).toEqual({
      toolCalls: { limit: 120, windowMs: 60_000 },
      destructiveToolCalls: { limit: 10, windowMs: 60_000 },
    });
    expect([...config.servers]).toEqual([
      ['ops', { toolCalls: { limit: 5, windowMs: 10_000 } }],
    ]);
  });

  it.each<[string, JsonObject, string]>([
    [
      'an unknown kind',
      { rateLimit: { calls: { limit: 1, window: '1s' } } },
      "Invalid config at 'mcpActions.rateLimit.calls': unknown limit; use toolCalls or destructiveToolCalls",
    ],
    [
      'a limit that is not an object',
      { rateLimit: { toolCalls: 5 } },
      "Invalid config at 'mcpActions.rateLimit.toolCalls': expected an object such as { limit: 120, window: 1m }",
    ],
    [
      'a missing limit',
      { rateLimit: { toolCalls: { window: '1s' } } },
      "Invalid config at 'mcpActions.rateLimit.toolCalls.limit': expected a whole number of calls greater than zero, got undefined",
    ],
    [
      'a zero limit',
      { rateLimit: { toolCalls: { limit: 0, window: '1s' } } },
      "Invalid config at 'mcpActions.rateLimit.toolCalls.limit': expected a whole number of calls greater than zero, got 0",
    ],
    [
      'a fractional limit',
      { rateLimit: { toolCalls: { limit: 1.5, window: '1s' } } },
      "Invalid config at 'mcpActions.rateLimit.toolCalls.limit': expected a whole number of calls greater than zero, got 1.5",
    ],
    [
      'a missing window',
      { rateLimit: { toolCalls: { limit: 5 } } },
      "Missing required config value at 'mcpActions.rateLimit.toolCalls.window'",
    ],
    [
      'a window that is not a duration',
      { rateLimit: { toolCalls: { limit: 5, window: 'soon' } } },
      "Invalid duration at 'mcpActions.rateLimit.toolCalls.window'",
    ],
    [
      'a window of part of a second',
      { rateLimit: { toolCalls: { limit: 5, window: 1500 } } },
      "Invalid duration at 'mcpActions.rateLimit.toolCalls.window': must be a whole number of seconds, got 1500 ms",
    ],
    [
      "a server's broken limit",
      {
        servers: {
          ops: {
            name: 'Ops',
            rateLimit: { toolCalls: { limit: -1, window: '1s' } },
          },
        },
      },
      "Invalid config at 'mcpActions.servers.ops.rateLimit.toolCalls.limit'",
    ],
    [
      'a rateLimit that is not an object',
      { rateLimit: 'strict' },
      "Invalid config at 'mcpActions.rateLimit': expected an object",
    ],
  ])('refuses %s, naming the key', (_label, mcpActions, message) => {
    expect(() => read(mcpActions)).toThrow(message);
  });
});
