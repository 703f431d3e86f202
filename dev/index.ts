/*
 * The dev backend: `npm start` (or `npm run dev`) serves this plugin on
 * http://127.0.0.1:7007 with the catalog (fed by dev/catalog.yaml) and a
 * local plugin contributing actions, an in-memory SQLite database and a
 * static token for MCP clients (MCP_TOKEN, default below).
 *
 *   Streamable HTTP  http://localhost:7007/api/mcp-actions/v1
 *   Legacy SSE       http://localhost:7007/api/mcp-actions/v1/sse
 *
 *   curl -s http://localhost:7007/api/mcp-actions/v1 \
 *     -H "Authorization: Bearer $MCP_TOKEN" \
 *     -H 'Content-Type: application/json' \
 *     -H 'Accept: application/json, text/event-stream' \
 *     -d '{"jsonrpc":"2.0","id":1,"method":"tools/list"}'
 */
import { createBackend } from '@backstage/backend-defaults';
import { localActionsPlugin } from './localActionsPlugin';
import { printClientConfig } from './printClientConfig';

/** Development only; set MCP_TOKEN to your own value anywhere else. */
export const DEV_MCP_TOKEN = 'mcp-dev-token-change-me';
process.env.MCP_TOKEN ??= DEV_MCP_TOKEN;

const backend = createBackend();
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(localActionsPlugin);
backend.add(import('../src'));
backend.add(printClientConfig);
backend.start();
