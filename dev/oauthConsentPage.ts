/*
 * Development only: the page where a person approves an MCP client.
 *
 * When an OAuth client asks the auth backend for a token, the auth backend
 * keeps the request as a session and sends the browser to
 * `<app.baseUrl>/oauth2/authorize/<session id>`. In a Backstage app the
 * frontend's auth plugin answers there; the dev backend has no frontend, so
 * `npm run start:oauth` points `app.baseUrl` at the backend itself and this
 * module serves a small page at that path. It shows the client and the
 * scopes it asked for, signs the browser in as the guest user, and approves
 * or rejects through the auth backend's session API, the same calls the
 * frontend makes:
 *
 *   GET  /api/auth/v1/sessions/:id           the request (read by this page's server side)
 *   POST /api/auth/v1/sessions/:id/approve   as the signed-in user; answers { redirectUrl }
 *   POST /api/auth/v1/sessions/:id/reject    the same, with an access_denied redirect
 *
 * The browser then follows `redirectUrl` back to the client with the code.
 */
import {
  coreServices,
  createBackendModule,
  type DiscoveryService,
} from '@backstage/backend-plugin-api';
import type { Response } from 'express';
import Router from 'express-promise-router';
import { escapeHtml } from '../src/secrets/page/html';

/** Where the auth backend sends the browser, below `app.baseUrl`. */
const CONSENT_PAGE_PATH = '/oauth2';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/** What the auth backend tells about a pending request. */
interface PendingSession {
  id: string;
  clientId: string;
  clientName?: string;
  scope?: string;
  redirectUri: string;
}

const CONSENT_CSS = `
:root { color-scheme: light dark; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; background: Canvas; color: CanvasText; }
main { max-width: 36rem; margin: 3rem auto; padding: 2rem; border: 1px solid GrayText; border-radius: 8px; }
dt { font-weight: 600; }
dd { margin: 0 0 .75rem; word-break: break-all; }
button { font: inherit; padding: .5rem 1.2rem; margin-right: .5rem; }
`;

// Signs in as the guest user (the dev backend's only provider), then sends
// the person's decision with that user's token.
const CONSENT_JS = `'use strict';
(function () {
  var root = document.getElementById('consent');
  if (!root) {
    return;
  }
  var status = document.getElementById('status');
  var buttons = root.querySelectorAll('button[data-decision]');
  var token;

  function enable(on) {
    buttons.forEach(function (b) { b.disabled = !on; });
  }

  async function signIn() {
    var res = await fetch(root.getAttribute('data-refresh-url'), {
      credentials: 'include',
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
    if (!res.ok) {
      status.textContent = 'Could not sign in (the guest provider answered ' + res.status + ').';
      return;
    }
    var identity = (await res.json()).backstageIdentity;
    token = identity.token;
    status.textContent = 'Signed in as ' + identity.identity.userEntityRef + '.';
    enable(true);
  }

  async function decide(decision) {
    enable(false);
    var res = await fetch(root.getAttribute('data-session-api') + '/' + decision, {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + token },
    });
    var body = await res.json().catch(function () { return {}; });
    if (!res.ok || !body.redirectUrl) {
      status.textContent = 'The auth backend refused: ' + (body.error_description || res.status);
      return;
    }
    status.textContent = decision === 'approve'
      ? 'Approved. Returning to the client…'
      : 'Rejected. Returning to the client…';
    location.assign(body.redirectUrl);
  }

  buttons.forEach(function (b) {
    b.addEventListener('click', function () { decide(b.getAttribute('data-decision')); });
  });
  signIn();
})();
`;

export const oauthConsentPage = createBackendModule({
  pluginId: 'auth',
  moduleId: 'dev-oauth-consent-page',
  register(env) {
    env.registerInit({
      deps: {
        rootHttpRouter: coreServices.rootHttpRouter,
        discovery: coreServices.discovery,
        config: coreServices.rootConfig,
      },
      async init({ rootHttpRouter, discovery, config }) {
        rootHttpRouter.use(
          CONSENT_PAGE_PATH,
          createConsentRouter({
            discovery,
            environment:
              config.getOptionalString('auth.environment') ?? 'development',
          }),
        );
      },
    });
  },
});

function createConsentRouter(options: {
  discovery: DiscoveryService;
  environment: string;
}) {
  const router = Router();

  router.get('/static/consent.js', (_req, res) => {
    res.type('text/javascript').send(CONSENT_JS);
  });
  router.get('/static/consent.css', (_req, res) => {
    res.type('text/css').send(CONSENT_CSS);
  });

  router.get('/authorize/:sessionId', async (req, res) => {
    const internalAuth = await options.discovery.getBaseUrl('auth');
    const sessionUrl = `${internalAuth}/v1/sessions/${encodeURIComponent(
      req.params.sessionId,
    )}`;
    const answer = await fetch(sessionUrl, {
      signal: AbortSignal.timeout(10_000),
    });
    setHeaders(res);
    if (!answer.ok) {
      // The auth backend answers 4xx for unknown, used and expired requests.
      res
        .status(answer.status < 500 ? 404 : 502)
        .send(
          page(
            'No such request',
            '<p>This authorization request is unknown, expired or already answered. Start again from your MCP client.</p>',
          ),
        );
      return;
    }
    const session = (await answer.json()) as PendingSession;
    // The browser calls the auth backend on this page's own origin, so the
    // script uses paths only.
    const authPath = new URL(await options.discovery.getExternalBaseUrl('auth'))
      .pathname;
    res.send(renderConsent(session, authPath, options.environment));
  });

  return router;
}

function setHeaders(res: Response) {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Frame-Options', 'DENY');
  res.type('html');
}

function renderConsent(
  session: PendingSession,
  authPath: string,
  environment: string,
): string {
  const scopes = (session.scope ?? '').split(' ').filter(Boolean);
  const name = session.clientName || session.clientId;
  const sessionApi = `${authPath}/v1/sessions/${encodeURIComponent(session.id)}`;
  const refreshUrl = `${authPath}/guest/refresh?env=${encodeURIComponent(environment)}`;
  return page(
    'Approve MCP client',
    `<h1>Approve <span data-client-name>${escapeHtml(name)}</span>?</h1>
<p>This client asks for a token that acts as you in this Backstage instance.</p>
<dl>
<dt>Client ID</dt><dd><code data-client-id>${escapeHtml(session.clientId)}</code></dd>
<dt>Returns to</dt><dd><code>${escapeHtml(session.redirectUri)}</code></dd>
<dt>Scopes</dt><dd data-scopes>${
      scopes.length
        ? scopes.map(s => `<code>${escapeHtml(s)}</code>`).join(' ')
        : 'none named'
    }</dd>
</dl>
<div id="consent" data-session-api="${escapeHtml(sessionApi)}" data-refresh-url="${escapeHtml(refreshUrl)}">
<p id="status" role="status">Signing you in…</p>
<button type="button" data-decision="approve" disabled>Approve</button>
<button type="button" data-decision="reject" disabled>Reject</button>
</div>
<noscript><p>Approving needs JavaScript.</p></noscript>`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Backstage (development)</title>
<link rel="stylesheet" href="${CONSENT_PAGE_PATH}/static/consent.css">
<script src="${CONSENT_PAGE_PATH}/static/consent.js" defer></script>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}
