// The low-level Server, as the plugins use: tools arrive as JSON Schema.
// eslint-disable-next-line @typescript-eslint/no-deprecated
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import express from 'express';
import type { Server as HttpServer } from 'node:http';
import { z } from 'zod';
import { zodToJsonSchema } from 'zod-to-json-schema';
import {
  BENCH_PLUGIN_ID,
  actionDescription,
  actionName,
  actionTitle,
  inputSchema,
  outputSchema,
  runAction,
} from './actions';

/**
 * The ceiling: a bare MCP SDK server, stateless Streamable HTTP on plain
 * express, serving the same N tools under the same names with a static
 * bearer token; a fresh server and transport for every POST.
 */
export function startSdkServer(options: {
  count: number;
  port: number;
  token: string;
}): Promise<HttpServer> {
  const { count, port, token } = options;
  const input = zodToJsonSchema(inputSchema(z)) as Tool['inputSchema'];
  const output = zodToJsonSchema(outputSchema(z)) as Tool['outputSchema'];
  const tools: Tool[] = [];
  const indexByName = new Map<string, number>();
  for (let index = 0; index < count; index++) {
    const name = `${BENCH_PLUGIN_ID}.${actionName(index)}`;
    indexByName.set(name, index);
    tools.push({
      name,
      title: actionTitle(index),
      description: actionDescription(index),
      inputSchema: input,
      outputSchema: output,
      annotations: {
        title: actionTitle(index),
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
        openWorldHint: false,
      },
    });
  }

  const app = express();
  app.post('/api/mcp-actions/v1', express.json({ limit: '1mb' }), async (req, res) => {
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.status(401).json({
        jsonrpc: '2.0',
        error: { code: -32000, message: 'Unauthorized' },
        id: null,
      });
      return;
    }
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const server = new Server(
      { name: 'bench-sdk', version: '1.0.0' },
      { capabilities: { tools: { listChanged: false } } },
    );
    server.setRequestHandler(ListToolsRequestSchema, async () => ({ tools }));
    server.setRequestHandler(CallToolRequestSchema, async request => {
      const index = indexByName.get(request.params.name);
      if (index === undefined) {
        throw new McpError(
          ErrorCode.InvalidParams,
          `Unknown tool "${request.params.name}"`,
        );
      }
      const args = (request.params.arguments ?? {}) as { name: string };
      const result = runAction(index, args);
      return {
        content: [{ type: 'text', text: JSON.stringify(result) }],
        structuredContent: result,
      };
    });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    res.on('close', () => {
      transport.close().catch(() => {});
      server.close().catch(() => {});
    });
    try {
      await server.connect(transport);
      await transport.handleRequest(req, res, req.body);
    } catch {
      if (!res.headersSent) {
        res.status(500).json({
          jsonrpc: '2.0',
          error: { code: -32603, message: 'Internal error' },
          id: null,
        });
      }
    }
  });

  return new Promise((resolve, reject) => {
    const httpServer = app.listen(port, '127.0.0.1', () => resolve(httpServer));
    httpServer.on('error', reject);
  });
}
