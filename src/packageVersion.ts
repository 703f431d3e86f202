// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import packageJson from '../package.json';

/** This package's version, reported as the MCP server version. */
export const packageVersion: string = packageJson.version;
