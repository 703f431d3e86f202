/*
 * The dev backend: `npm start` serves this plugin on http://127.0.0.1:7007
 * with the auth backend (guest sign-in), the catalog (fed by
 * dev/catalog.yaml and the templates in dev/templates), the scaffolder, a
 * local plugin contributing actions, an in-memory SQLite database and a
 * static token for MCP clients (MCP_TOKEN, default below). The feature list
 * is in dev/features.ts.
 *
 *   Streamable HTTP  http://localhost:7007/api/mcp-actions/v1
 *   Legacy SSE       http://localhost:7007/api/mcp-actions/v1/sse
 *
 *   curl -s http://localhost:7007/api/mcp-actions/v1 \
 *     -H "Authorization: Bearer $MCP_TOKEN" \
 *     -H 'Content-Type: application/json' \
 *     -H 'Accept: application/json, text/event-stream' \
 *     -d '{"jsonrpc":"2.0","id":1,"method":"tools/list"}'
 *
 * Modes:
 *   npm run start:metrics  also serves Prometheus metrics on MCP_METRICS_PORT (9464)
 *   npm run start:portal   adds a realistic portal: 573 hand-written actions of
 *                          29 plugins (dev/portalActions, app-config.portal.yaml)
 *   npm run start:oauth    MCP clients sign in with OAuth (Client ID Metadata
 *                          Documents, refresh tokens; app-config.oauth.yaml): add
 *                          just the URL to a client, approve it on the page it
 *                          opens (dev/oauthConsentPage.ts, as the guest user)
 *   npm run start:trust    Backstage's permission framework with an example policy
 *                          (dev/examplePolicy.ts: the guest user gets no
 *                          destructive tools) and rate limits (app-config.trust.yaml)
 *
 * local.post-to-webhook needs a secret: the client gets a link to
 * http://localhost:7007/api/mcp-actions/secrets/<id>, where the browser
 * signs in as the guest user (for calls made with a guest token) or, for
 * calls made with the static token, shows the form right away.
 */
import { createBackend } from '@backstage/backend-defaults';
import { DEV_MCP_TOKEN, DEV_SECRETS_KEY } from './devToken';
import { devBackendFeatures } from './features';
import { servePrometheusMetrics } from './metrics';
import { printClientConfig } from './printClientConfig';

// Development only; set MCP_TOKEN to your own value anywhere else.
process.env.MCP_TOKEN ||= DEV_MCP_TOKEN;
process.env.MCP_SECRETS_KEY ||= DEV_SECRETS_KEY;

if (process.env.MCP_METRICS_PORT) {
  servePrometheusMetrics(Number(process.env.MCP_METRICS_PORT));
}

const backend = createBackend();
for (const feature of devBackendFeatures({
  portal: process.env.MCP_PORTAL_ACTIONS === '1',
  trust: process.env.MCP_EXAMPLE_POLICY === '1',
})) {
  backend.add(feature);
}
backend.add(printClientConfig);
backend.start();
