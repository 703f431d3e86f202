import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { pathToFileURL } from 'node:url';

const PACKAGE_NAME = '@backstage/plugin-mcp-actions-backend';

/**
 * A folder shipped in this package (listed in `files`), such as
 * `migrations` or `dist-apps`. Resolved by package name as Backstage
 * plugins do; when running from this repository's sources (tests, the dev
 * backend) the package is not installed under its own name, so it falls
 * back to the package that contains this file.
 */
export function packageDirectory(name: string): string {
  try {
    return resolvePackagePath(PACKAGE_NAME, name);
  } catch {
    return resolvePackagePath(pathToFileURL(__filename).href, name);
  }
}
