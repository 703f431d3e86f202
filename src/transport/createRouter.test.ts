/*
 * The router on its own, the way Backstage tests routers: an Express app
 * with the plugin's router, the mock error handler behind it, mock services
 * and a mocked actions service. The integration suites start a whole
 * backend; these check the routing in isolation.
 */
import {
  mockCredentials,
  mockErrorHandler,
  mockServices,
} from '@backstage/backend-test-utils';
import {
  actionsServiceMock,
  tracingServiceMock,
} from '@backstage/backend-test-utils/alpha';
import type { ActionsServiceAction } from '@backstage/backend-plugin-api/alpha';
import { ConfigReader } from '@backstage/config';
import express from 'express';
import request from 'supertest';
import { readMcpActionsConfig } from '../config/readMcpActionsConfig';
import { recordingMetrics } from '../__testUtils__/recordingMetrics';
import { ToolCallPipeline } from '../toolCalls/ToolCallPipeline';
import { McpServerFactory } from '../mcpServer/McpServerFactory';
import { ToolCatalog } from '../tools/ToolCatalog';
import { ToolCallTelemetry } from '../telemetry/ToolCallTelemetry';
import { createRouter } from './createRouter';
import { OpenResponses } from './OpenResponses';
import { SseSessions } from './SseSessions';

const action: ActionsServiceAction = {
  id: 'widgets:get-widget',
  pluginId: 'widgets',
  name: 'get-widget',
  title: 'Get widget',
  description: 'Gets a widget',
  schema: {
    input: { type: 'object', properties: {} },
    output: { type: 'object' },
  },
  attributes: { readOnly: true, destructive: false, idempotent: true },
};

function appWith(mcpActions: object = {}) {
  const config = readMcpActionsConfig(new ConfigReader({ mcpActions }));
  const actions = actionsServiceMock.mock({
    list: async () => ({ actions: [action] }),
    invoke: async () => ({ output: { id: 'w1' } }),
  });
  const logger = mockServices.logger.mock();
  const { metrics, operations } = recordingMetrics();
  const catalog = ToolCatalog.create({
    actions,
    logger,
    naming: { namespaced: true, separator: '.' },
    ttlMs: 0,
    maxEntries: 10,
    maxBytes: 1_000_000,
  });
  const telemetry = new ToolCallTelemetry({
    tracing: tracingServiceMock.mock(),
    auditor: mockServices.auditor.mock(),
    capturePayloads: false,
  });
  const factory = McpServerFactory.create({
    catalog,
    pipeline: new ToolCallPipeline({
      catalog,
      actions,
      logger,
      telemetry,
      toolCallTimeoutMs: 1000,
      progressIntervalMs: 1000,
    }),
    version: '0.0.0-test',
    listTtlMs: 0,
    telemetry,
  });
  const app = express()
    .use(
      createRouter({
        config,
        factory,
        httpAuth: mockServices.httpAuth({
          defaultCredentials: mockCredentials.none(),
        }),
        discovery: mockServices.discovery(),
        logger,
        pluginId: 'mcp-actions',
        sseSessions: new SseSessions({
          maxSessions: 5,
          maxSessionsPerPrincipal: 5,
        }),
        metrics,
        openResponses: new OpenResponses(),
      }),
    )
    .use(mockErrorHandler());
  return { app, actions, operations };
}

const USER = mockCredentials.user.header();
const list = { jsonrpc: '2.0', id: 1, method: 'tools/list' };

describe('createRouter', () => {
  it('serves tools/list on the default server to an authenticated caller', async () => {
    const { app, operations } = appWith();
    const res = await request(app)
      .post('/v1')
      .set('Authorization', USER)
      .set('Accept', 'application/json, text/event-stream')
      .set('MCP-Protocol-Version', '2025-11-25')
      .send(list);
    expect(res.status).toBe(200);
    expect(res.text).toContain('"name":"widgets.get-widget"');
    expect(operations.map(o => o.attributes['mcp.method.name'])).toEqual([
      'tools/list',
    ]);
  });

  it('calls the action with the caller\u2019s credentials', async () => {
    const { app, actions } = appWith();
    await request(app)
      .post('/v1')
      .set('Authorization', USER)
      .set('Accept', 'application/json, text/event-stream')
      .send({
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'widgets.get-widget', arguments: {} },
      });
    expect(actions.invoke).toHaveBeenCalledWith({
      id: 'widgets:get-widget',
      input: {},
      credentials: mockCredentials.user(),
    });
  });

  it.each([
    ['no credentials', 401, {}],
    ['GET on the endpoint', 405, { method: 'get' }],
    ['DELETE on the endpoint', 405, { method: 'delete' }],
    ['an unknown server key', 404, { path: '/v1/nope' }],
  ] as const)(
    'answers %s with %i and a JSON-RPC body',
    async (_, status, how) => {
      const { app } = appWith();
      const method = ('method' in how ? how.method : 'post') as
        | 'get'
        | 'delete'
        | 'post';
      let req = request(app)[method]('path' in how ? how.path : '/v1');
      if (status !== 401) {
        req = req.set('Authorization', USER);
      }
      const res = await req.send(method === 'post' ? list : undefined);
      expect(res.status).toBe(status);
      expect(res.body).toMatchObject({
        jsonrpc: '2.0',
        error: { code: expect.any(Number) },
      });
    },
  );

  it('routes a configured server to its own filter', async () => {
    const { app } = appWith({
      servers: {
        empty: { name: 'Empty', filter: { include: [{ id: 'other:*' }] } },
      },
    });
    const res = await request(app)
      .post('/v1/empty')
      .set('Authorization', USER)
      .set('Accept', 'application/json, text/event-stream')
      .send(list);
    expect(res.status).toBe(200);
    expect(res.text).toContain('"tools":[]');
  });
});
