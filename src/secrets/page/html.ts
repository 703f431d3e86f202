/**
 * Small helpers for the secrets page's server-rendered HTML. Every value
 * that is not a literal of ours goes through `escapeHtml`; the pages load
 * one stylesheet and one script from the router and carry neither inline.
 */

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, c => ESCAPES[c]);
}

/** Paths of the page's assets, relative to the plugin's base URL. */
export const ASSET_PATHS = {
  css: '/secrets/static/page.css',
  js: '/secrets/static/page.js',
};

export interface PageOptions {
  /** The plugin's external base URL, e.g. `https://backstage.example.com/api/mcp-actions`. */
  pluginBaseUrl: string;
  title: string;
  /** The page's main content, already escaped. */
  body: string;
}

/** A whole HTML document around `body`. */
export function renderPage(options: PageOptions): string {
  const base = options.pluginBaseUrl.replace(/\/+$/, '');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} · Backstage</title>
<link rel="stylesheet" href="${escapeHtml(base + ASSET_PATHS.css)}">
<script src="${escapeHtml(base + ASSET_PATHS.js)}" defer></script>
</head>
<body>
<main>
${options.body}
</main>
</body>
</html>
`;
}

/** A titled page that only says something (expired link, wrong user, ...). */
export function renderMessage(options: {
  pluginBaseUrl: string;
  title: string;
  paragraphs: string[];
}): string {
  return renderPage({
    pluginBaseUrl: options.pluginBaseUrl,
    title: options.title,
    body: [
      `<h1>${escapeHtml(options.title)}</h1>`,
      ...options.paragraphs.map(p => `<p>${escapeHtml(p)}</p>`),
    ].join('\n'),
  });
}
