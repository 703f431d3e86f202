// Builds the MCP Apps views: one self-contained HTML file per app in
// ../dist-apps/<name>.html (script and CSS inlined, a CSP that allows only
// that script by its sha256 hash), plus the browser test host in
// .build/test-host.js.
//
// Run from the repository root: node apps/build.mjs
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const srcDir = join(here, 'src');
const outDir = resolve(here, '../dist-apps');
const testHostOut = join(here, '.build', 'test-host.js');

const TITLES = {
  'entity-card': 'Backstage catalog entity',
  'template-form': 'Backstage software template',
  'task-view': 'Backstage scaffolder task',
  'output-view': 'Backstage action result',
};

/** The server replaces the `{}` in this element with its configuration. */
const CONFIG_PLACEHOLDER =
  '<script type="application/json" id="backstage-mcp-config">{}</script>';

/**
 * zod re-exports all of its ~50 message locales as a namespace, and the MCP
 * SDK's `import * as z` keeps that namespace alive, which adds about 200 KiB
 * to every page. Nothing here switches zod's locale (English is the
 * default), so the locale index is replaced by one that has English only.
 */
const englishOnlyZodLocales = {
  name: 'english-only-zod-locales',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\/locales\/index\.js$/ }, args => {
      if (!/[\\/]zod[\\/]v4[\\/]/.test(args.importer)) return undefined;
      return {
        path: resolve(dirname(args.importer), args.path),
        namespace: 'zod-locales',
      };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'zod-locales' }, args => ({
      contents: `export { default as en } from ${JSON.stringify(
        join(dirname(args.path), 'en.js'),
      )};`,
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
};

const bundleOptions = {
  absWorkingDir: here,
  // Only apps/tsconfig.json, never the root package's.
  tsconfig: join(here, 'tsconfig.json'),
  plugins: [englishOnlyZodLocales],
  bundle: true,
  write: false,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  legalComments: 'none',
  charset: 'utf8',
  logLevel: 'warning',
};

/** Makes text safe to sit inside an inline <script> or <style> element. */
function escapeInline(text, tag) {
  return text
    .replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`)
    .replace(/<!--/g, '<\\!--');
}

async function bundleScript(entry) {
  const result = await build({ ...bundleOptions, entryPoints: [entry] });
  const js = result.outputFiles[0].text.trim();
  return escapeInline(js, 'script');
}

async function bundleCss(files) {
  let css = '';
  for (const file of files) {
    if (existsSync(file)) css += `${await readFile(file, 'utf8')}\n`;
  }
  const result = await transform(css, { loader: 'css', minify: true });
  // CSS has no `\/` escape for `<`; a `</style` can only come from a string.
  return result.code.trim().replace(/<\/style/gi, '<\\3c/style');
}

function page({ title, css, js }) {
  const hash = createHash('sha256').update(js, 'utf8').digest('base64');
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${hash}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    CONFIG_PLACEHOLDER,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    '<div id="root"></div>',
    `<script>${js}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function report(file, bytes) {
  const kib = (bytes / 1024).toFixed(1);
  console.log(`${relative(process.cwd(), file) || file}  ${kib} KiB`);
}

async function main() {
  const entries = await readdir(srcDir, { withFileTypes: true });
  const apps = entries
    .filter(
      e => e.isDirectory() && e.name !== 'shared' && e.name !== 'testHost',
    )
    .map(e => e.name)
    .filter(name => existsSync(join(srcDir, name, 'main.ts')))
    .sort();

  await mkdir(outDir, { recursive: true });
  for (const name of apps) {
    const js = await bundleScript(join(srcDir, name, 'main.ts'));
    const css = await bundleCss([
      join(srcDir, 'shared', 'styles.css'),
      join(srcDir, name, 'styles.css'),
    ]);
    const html = page({ title: TITLES[name] ?? name, css, js });
    if (!html.includes(CONFIG_PLACEHOLDER)) {
      throw new Error(`${name}: the config placeholder went missing`);
    }
    const file = join(outDir, `${name}.html`);
    await writeFile(file, html);
    report(file, Buffer.byteLength(html));
  }

  const testHost = await build({
    ...bundleOptions,
    entryPoints: [join(srcDir, 'testHost', 'main.ts')],
  });
  await mkdir(dirname(testHostOut), { recursive: true });
  await writeFile(testHostOut, testHost.outputFiles[0].contents);
  report(testHostOut, testHost.outputFiles[0].contents.byteLength);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
