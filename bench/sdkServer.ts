import { toNodeHandler } from '@modelcontextprotocol/node';
import {
  ProtocolError,
  ProtocolErrorCode,
  Server,
  createMcpHandler,
  type Tool,
} from '@modelcontextprotocol/server';
import { createServer, type Server as HttpServer } from 'node:http';
import { benchTools } from './benchTools';

/**
 * The ceiling for this plugin: a bare MCP SDK v2 server as the SDK documents
 * it, `createMcpHandler` with the low-level `Server` (tools arrive as JSON
 * Schema, as they do in the plugins) behind `toNodeHandler` on plain
 * `node:http`. It serves 2026-07-28 and, statelessly, the 2025 era, the same
 * N tools under the same names, and checks a static bearer token; nothing
 * else: no Backstage, no express, no telemetry.
 */
export function startSdkServer(options: {
  count: number;
  port: number;
  token: string;
}): Promise<HttpServer> {
  const { count, port, token } = options;
  const bench = benchTools(count);
  const tools = bench.tools as Tool[];

  const handler = createMcpHandler(() => {
    const server = new Server(
      { name: 'bench-sdk', version: '2.0.0' },
      { capabilities: { tools: { listChanged: false } } },
    );
    server.setRequestHandler('tools/list', async () => ({ tools }));
    server.setRequestHandler('tools/call', async request => {
      const result = bench.call(request.params.name, request.params.arguments);
      if (!result) {
        throw new ProtocolError(
          ProtocolErrorCode.InvalidParams,
          `Unknown tool "${request.params.name}"`,
        );
      }
      return result;
    });
    return server;
  });
  const serve = toNodeHandler(handler);

  const httpServer = createServer((req, res) => {
    if (req.url !== '/api/mcp-actions/v1') {
      res.writeHead(404).end();
      return;
    }
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          jsonrpc: '2.0',
          error: { code: -32000, message: 'Unauthorized' },
          id: null,
        }),
      );
      return;
    }
    serve(req, res).catch(() => {
      if (!res.headersSent) {
        res.writeHead(500).end();
      }
    });
  });
  return new Promise((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, '127.0.0.1', () => resolve(httpServer));
  });
}
