import { escapeHtml, renderPage } from './html';

export interface SignInPageOptions {
  /** This plugin's external base URL; its cookie endpoint is below it. */
  pluginBaseUrl: string;
  /** The auth backend's external base URL. */
  authBaseUrl: string;
  /** Auth providers whose refresh endpoints the script tries, in order. */
  providers: string[];
  /** The auth backend's environment (`auth.environment`). */
  environment: string;
  /** Where to sign in by hand when no provider session exists. */
  appUrl?: string;
}

/**
 * Shown to a browser without this plugin's Backstage cookie when the
 * request belongs to a user. The page's script asks the auth backend for a
 * token with the session the user already has there (or the guest provider
 * in development), exchanges it at this plugin's cookie endpoint
 * (`/.backstage/auth/v1/cookie`, served by Backstage's HTTP router) and
 * reloads. What it needs sits in data attributes: no script is inline.
 */
export function renderSignIn(options: SignInPageOptions): string {
  const authBase = options.authBaseUrl.replace(/\/+$/, '');
  const refreshUrls = options.providers.map(
    provider =>
      `${authBase}/${encodeURIComponent(provider)}/refresh?env=${encodeURIComponent(
        options.environment,
      )}`,
  );
  const cookieUrl = `${options.pluginBaseUrl.replace(/\/+$/, '')}/.backstage/auth/v1/cookie`;
  const manual = options.appUrl
    ? `Sign in to <a href="${escapeHtml(options.appUrl)}">Backstage</a> in this browser, then reload this page.`
    : 'Sign in to Backstage in this browser, then reload this page.';
  const body = `<h1>Sign in to continue</h1>
<p>This page is for the Backstage user whose MCP client asked for secrets. Sign in as that user to enter them.</p>
<div id="sign-in" data-refresh-urls="${escapeHtml(
    JSON.stringify(refreshUrls),
  )}" data-cookie-url="${escapeHtml(cookieUrl)}">
<p id="sign-in-status" role="status">Signing you in…</p>
<p id="sign-in-fallback" hidden>${manual}</p>
</div>
<noscript><p>Signing in here needs JavaScript. ${manual}</p></noscript>`;
  return renderPage({
    pluginBaseUrl: options.pluginBaseUrl,
    title: 'Sign in to continue',
    body,
  });
}

/** What the sign-in page's script may fetch from (its `connect-src`). */
export function signInConnectSources(authBaseUrl: string): string[] {
  return ["'self'", new URL(authBaseUrl).origin];
}
