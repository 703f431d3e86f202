import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..');
/** Inside node_modules, so the compiled files resolve packages from ours. */
export const BUILD_DIR = path.join(
  ROOT,
  'node_modules',
  '.cache',
  'mcp-actions-bench',
);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === '__testUtils__' ? [] : sources(file);
    }
    return /\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)
      ? [file]
      : [];
  });
}

/**
 * Transpiles this plugin's src/ and the bench/ files to plain CommonJS, so
 * that the benchmarked processes run without a TypeScript loader in memory,
 * as a built backend would. Returns the compiled bench/server.js.
 */
export function compileForChildren(): string {
  fs.rmSync(BUILD_DIR, { recursive: true, force: true });
  for (const file of [
    ...sources(path.join(ROOT, 'src')),
    ...sources(path.join(ROOT, 'bench')),
  ]) {
    const { outputText, diagnostics } = ts.transpileModule(
      fs.readFileSync(file, 'utf8'),
      {
        fileName: file,
        reportDiagnostics: true,
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2022,
          esModuleInterop: true,
          resolveJsonModule: true,
          useDefineForClassFields: true,
        },
      },
    );
    if (diagnostics?.length) {
      throw new Error(
        `Cannot compile ${file}: ${ts.flattenDiagnosticMessageText(
          diagnostics[0].messageText,
          '\n',
        )}`,
      );
    }
    const out = path.join(
      BUILD_DIR,
      path.relative(ROOT, file).replace(/\.ts$/, '.js'),
    );
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, outputText);
  }
  // src/packageVersion.ts reads ../package.json; the stores find their
  // migrations beside it, as in the published package.
  fs.copyFileSync(
    path.join(ROOT, 'package.json'),
    path.join(BUILD_DIR, 'package.json'),
  );
  fs.cpSync(path.join(ROOT, 'migrations'), path.join(BUILD_DIR, 'migrations'), {
    recursive: true,
  });
  return path.join(BUILD_DIR, 'bench', 'server.js');
}

export function removeBuild() {
  fs.rmSync(BUILD_DIR, { recursive: true, force: true });
  try {
    // node_modules/.cache, unless something else keeps files there.
    fs.rmdirSync(path.dirname(BUILD_DIR));
  } catch {
    // Not empty, or already gone.
  }
}
