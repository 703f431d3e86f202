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
import { benchTools } from './benchTools';

/**
 * The bare MCP SDK v1 server of earlier runs (2025 era only), kept as an
 * extra row: stateless Streamable HTTP on plain express, serving the same N
 * tools under the same names with a static bearer token; a fresh server and
 * transport for every POST.
 */
export function startSdkV1Server(options: {
  count: number;
  port: number;
  token: string;
}): Promise<HttpServer> {
  const { count, port, token } = options;
  const bench = benchTools(count);
  const tools = bench.tools as Tool[];

  const app = express();
  app.post(
    '/api/mcp-actions/v1',
    express.json({ limit: '1mb' }),
    async (req, res) => {
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
        const result = bench.call(
          request.params.name,
          request.params.arguments,
        );
        if (!result) {
          throw new McpError(
            ErrorCode.InvalidParams,
            `Unknown tool "${request.params.name}"`,
          );
        }
        return result;
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
    },
  );

  return new Promise((resolve, reject) => {
    const httpServer = app.listen(port, '127.0.0.1', () => resolve(httpServer));
    httpServer.on('error', reject);
  });
}
