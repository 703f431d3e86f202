import type { Config } from '@backstage/config';
import { createHash } from 'node:crypto';
import {
  forServer,
  readPerServer,
  type PerServer,
} from '../config/serverSections';
import type { McpServerConfig } from '../tools/readToolsConfig';

/**
 * The kinds listed unless configured otherwise: Backstage's own kinds,
 * but Location, whose entities say where others come from and would only
 * crowd a client's resource picker.
 */
export const DEFAULT_RESOURCE_KINDS = [
  'API',
  'Component',
  'Domain',
  'Group',
  'Resource',
  'System',
  'Template',
  'User',
];

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 1000;

/** Which catalog entities one server offers as resources. */
export interface EntityListing {
  /** Kinds offered, lowercased; undefined offers every kind. */
  kinds?: string[];
  /**
   * A catalog filter every offered entity matches: dot-separated paths
   * into the entity (`spec.lifecycle`), each with the values it may take
   * (case-insensitive, as the catalog compares them). Empty: no filter.
   */
  filter: Record<string, string[]>;
  /** Resources per `resources/list` page. */
  pageSize: number;
  /**
   * Tells apart the listings of different servers and configurations, so a
   * cursor of one is refused by another.
   */
  cursorScope: string;
}

/** Which servers offer catalog entities as resources, and which ones. */
export type ResourcesConfig = PerServer<EntityListing>;

/** The listing `server` offers, or undefined when it offers no resources. */
export function resourcesOf(
  config: ResourcesConfig,
  server: McpServerConfig,
): EntityListing | undefined {
  return forServer(config, server);
}

/**
 * Reads `mcpActions.resources` (the default server's, and the settings
 * every other server starts from) and `mcpActions.servers.<key>.resources`
 * (`true`, `false` or an object of overrides; servers offer none unless
 * they say so).
 */
export function readResourcesConfig(config: Config): ResourcesConfig {
  return readPerServer(config, 'resources', readListing);
}

function readListing(
  config: Config | undefined,
  path: string,
  base: EntityListing | undefined,
  serverKey: string,
): EntityListing {
  const unknown = config
    ?.keys()
    .filter(k => !['enabled', 'kinds', 'filter', 'pageSize'].includes(k));
  if (unknown?.length) {
    throw new Error(
      `Invalid config at '${path}.${unknown[0]}': unknown key; use kinds, filter or pageSize`,
    );
  }
  if (base && config?.has('enabled')) {
    throw new Error(
      `Invalid config at '${path}.enabled': a server turns resources off with 'resources: false'`,
    );
  }
  const defaultKinds = base
    ? base.kinds
    : DEFAULT_RESOURCE_KINDS.map(k => k.toLocaleLowerCase('en-US'));
  const kinds = config?.has('kinds')
    ? readKinds(config, `${path}.kinds`)
    : defaultKinds;
  const filter = config?.has('filter')
    ? readFilter(config.get('filter'), `${path}.filter`)
    : (base?.filter ?? {});
  const pageSize = config?.has('pageSize')
    ? readPageSize(config.get('pageSize'), `${path}.pageSize`)
    : (base?.pageSize ?? DEFAULT_PAGE_SIZE);
  const cursorScope = createHash('sha256')
    .update(JSON.stringify([serverKey, kinds ?? '*', filter]))
    .digest('base64url')
    .slice(0, 12);
  return { ...(kinds ? { kinds } : {}), filter, pageSize, cursorScope };
}

function readKinds(config: Config, path: string): string[] | undefined {
  const kinds = config.getOptional('kinds');
  if (
    !Array.isArray(kinds) ||
    kinds.length === 0 ||
    kinds.some(k => typeof k !== 'string' || !k.trim())
  ) {
    throw new Error(
      `Invalid config at '${path}': expected a list of entity kinds, such as [Component, API], or ['*'] for every kind`,
    );
  }
  if (kinds.includes('*')) {
    return undefined;
  }
  return [...new Set(kinds.map(k => (k as string).toLocaleLowerCase('en-US')))];
}

function readFilter(raw: unknown, path: string): Record<string, string[]> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(
      `Invalid config at '${path}': expected an object of entity paths and values, such as { spec.lifecycle: production }`,
    );
  }
  const filter: Record<string, string[]> = {};
  for (const [field, value] of Object.entries(raw)) {
    const values = Array.isArray(value) ? value : [value];
    if (
      !field.trim() ||
      values.length === 0 ||
      values.some(v => typeof v !== 'string' || !v.trim())
    ) {
      throw new Error(
        `Invalid config at '${path}.${field}': expected a value or a list of values`,
      );
    }
    if (field === 'kind') {
      throw new Error(
        `Invalid config at '${path}.kind': list kinds under 'kinds', not in the filter`,
      );
    }
    filter[field] = values as string[];
  }
  return filter;
}

function readPageSize(raw: unknown, path: string): number {
  if (
    typeof raw !== 'number' ||
    !Number.isInteger(raw) ||
    raw < 1 ||
    raw > MAX_PAGE_SIZE
  ) {
    throw new Error(
      `Invalid config at '${path}': expected a whole number from 1 to ${MAX_PAGE_SIZE}, got ${JSON.stringify(raw)}`,
    );
  }
  return raw;
}
