/**
 * The secrets page's only stylesheet and script, served by the router from
 * `/secrets/static/`. They live here as strings so that the package ships
 * them without a build step of their own.
 */

export const PAGE_CSS = `
:root { color-scheme: light dark; --accent: #1f5493; --error: #b3261e; --muted: #555; }
@media (prefers-color-scheme: dark) { :root { --accent: #9cc3f5; --error: #f2b8b5; --muted: #bbb; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: Canvas; color: CanvasText; }
main { max-width: 36rem; margin: 3rem auto; padding: 2rem; border: 1px solid color-mix(in srgb, CanvasText 20%, transparent); border-radius: 8px; }
h1 { font-size: 1.5rem; margin-top: 0; }
h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
code { font-size: .95em; padding: 0 .2em; border-radius: 3px; background: color-mix(in srgb, CanvasText 8%, transparent); }
.note, .expiry, .description { color: var(--muted); }
.expiry, .description { font-size: .9rem; }
.field { margin: 1.25rem 0; }
.field label { display: block; font-weight: 600; }
.field .description { margin: .15rem 0 .35rem; }
.required { font-weight: normal; color: var(--muted); }
.field input[type=password], .field input[type=number] { width: 100%; padding: .5rem .6rem; font: inherit; border: 1px solid var(--muted); border-radius: 4px; background: Field; color: FieldText; }
.field.checkbox { display: grid; grid-template-columns: auto 1fr; column-gap: .5rem; align-items: start; }
.field.checkbox input { margin-top: .35rem; width: 1.1rem; height: 1.1rem; }
.field.checkbox .description, .field.checkbox .error { grid-column: 2; margin-top: 0; }
.remember { padding-top: 1rem; border-top: 1px solid color-mix(in srgb, CanvasText 15%, transparent); }
input:focus-visible, button:focus-visible, a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
input[aria-invalid=true] { border-color: var(--error); border-width: 2px; }
.error { color: var(--error); font-weight: 600; margin: .15rem 0; }
.errors { border: 2px solid var(--error); border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
.errors ul { margin: 0; padding-left: 1.2rem; }
.errors a { color: var(--error); }
button { font: inherit; font-weight: 600; padding: .6rem 1.2rem; border: 0; border-radius: 4px; background: var(--accent); color: Canvas; cursor: pointer; }
button[disabled] { opacity: .6; cursor: progress; }
a { color: var(--accent); }
`;

export const PAGE_JS = `'use strict';
(function () {
  document.documentElement.setAttribute('data-script', 'ready');

  // One submission per page: a second click would find the request used.
  var form = document.querySelector('form[data-secrets-form]');
  if (form) {
    form.addEventListener('submit', function () {
      var button = form.querySelector('button[type=submit]');
      if (button) {
        setTimeout(function () { button.disabled = true; }, 0);
      }
    });
  }

  var signIn = document.getElementById('sign-in');
  if (!signIn) {
    return;
  }
  var status = document.getElementById('sign-in-status');
  var fallback = document.getElementById('sign-in-fallback');
  var refreshUrls = JSON.parse(signIn.getAttribute('data-refresh-urls') || '[]');
  var cookieUrl = signIn.getAttribute('data-cookie-url');
  // Reload at most once a minute: a cookie the browser does not send back
  // (a host other than the configured one) must not loop forever.
  var attemptKey = 'mcp-actions-sign-in:' + location.pathname;

  function giveUp(message) {
    status.textContent = message;
    fallback.hidden = false;
  }

  async function tokenFrom(url) {
    try {
      var response = await fetch(url, {
        credentials: 'include',
        headers: { 'X-Requested-With': 'XMLHttpRequest' },
      });
      if (!response.ok) {
        return undefined;
      }
      var body = await response.json();
      return body && body.backstageIdentity && body.backstageIdentity.token;
    } catch (e) {
      return undefined;
    }
  }

  async function run() {
    var last = Number(sessionStorage.getItem(attemptKey) || 0);
    if (Date.now() - last < 60000) {
      giveUp('You were signed in, but this page did not see it. Open the link exactly as your client gave it.');
      return;
    }
    for (var i = 0; i < refreshUrls.length; i++) {
      var token = await tokenFrom(refreshUrls[i]);
      if (!token) {
        continue;
      }
      var response = await fetch(cookieUrl, {
        credentials: 'include',
        headers: { Authorization: 'Bearer ' + token },
      });
      if (response.ok) {
        sessionStorage.setItem(attemptKey, String(Date.now()));
        location.reload();
        return;
      }
    }
    giveUp('You are not signed in to Backstage in this browser.');
  }

  run();
})();
`;
