import { Config, ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';

/** One server's section under `mcpActions.servers`. */
export interface ServerSection {
  key: string;
  config: Config;
  /** Its full key, for messages: `mcpActions.servers.<key>`. */
  path: string;
}

/**
 * Each configured server's section, for a feature that reads keys of its
 * own there. Read from the raw values, as the servers themselves are:
 * Backstage's key rule refuses some server keys this plugin accepts. A
 * section that is not an object is left to the servers' own reader, which
 * refuses it.
 */
export function serverSections(config: Config): ServerSection[] {
  const raw = config.getOptional('servers');
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    return [];
  }
  return Object.entries(raw as JsonObject).flatMap(([key, value]) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      return [];
    }
    const path = `mcpActions.servers.${key}`;
    return [
      {
        key,
        config: new ConfigReader(value, 'app-config', undefined, path),
        path,
      },
    ];
  });
}

/**
 * A feature's switch or section on a server: `false` (or absent) turns the
 * feature off there, `true` takes the shared settings, an object overrides
 * some of them. Returns undefined when off, else the object to read
 * overrides from (empty for `true`).
 */
export function readFeatureSwitch(
  server: ServerSection,
  key: string,
): Config | undefined {
  const value = server.config.getOptional(key);
  if (value === undefined || value === false) {
    return undefined;
  }
  if (value === true) {
    return new ConfigReader({});
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(
      `Invalid config at '${server.path}.${key}': expected true, false or an object`,
    );
  }
  return new ConfigReader(
    value as JsonObject,
    'app-config',
    undefined,
    `${server.path}.${key}`,
  );
}

/**
 * A feature's settings per server: the default server's (undefined when it
 * does not offer the feature) and each configured server's that offers it.
 */
export interface PerServer<T> {
  defaultServer?: T;
  servers: Map<string, T>;
}

/** The settings of `server`, or undefined when it does not offer the feature. */
export function forServer<T>(
  config: PerServer<T>,
  server: { key?: string },
): T | undefined {
  return server.key === undefined
    ? config.defaultServer
    : config.servers.get(server.key);
}

/**
 * Reads a feature that the default server offers unless
 * `mcpActions.<key>.enabled` is false, and a configured server only with
 * `servers.<server>.<key>` (`true`, or an object of overrides). `read`
 * gets the section to read (undefined when absent), its full key for
 * messages, the shared settings a server's overrides start from (undefined
 * when reading the shared ones) and the server's key ('' for the default).
 */
export function readPerServer<T>(
  config: Config,
  key: string,
  read: (
    section: Config | undefined,
    path: string,
    base: T | undefined,
    serverKey: string,
  ) => T,
): PerServer<T> {
  const shared = config.getOptionalConfig(key);
  const base = read(shared, `mcpActions.${key}`, undefined, '');
  const servers = new Map<string, T>();
  for (const section of serverSections(config)) {
    const overrides = readFeatureSwitch(section, key);
    if (overrides) {
      servers.set(
        section.key,
        read(overrides, `${section.path}.${key}`, base, section.key),
      );
    }
  }
  const enabled = shared?.getOptionalBoolean('enabled') ?? true;
  return { ...(enabled ? { defaultServer: base } : {}), servers };
}
