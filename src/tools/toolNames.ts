import { createHash } from 'node:crypto';
import type { ActionsServiceAction } from '@backstage/backend-plugin-api/alpha';
import type { ToolNameSeparator } from './readToolsConfig';

/**
 * The name pattern many MCP clients enforce (Claude Desktop among them
 * rejects a whole server when one tool name does not match it).
 */
export const PORTABLE_TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

const MAX_NAME_LENGTH = 64;
const HASH_LENGTH = 8;

export interface ToolNamingOptions {
  namespaced: boolean;
  separator: ToolNameSeparator;
}

type NamedAction = Pick<ActionsServiceAction, 'id' | 'pluginId' | 'name'>;

export interface ToolNameAssignment {
  /** Tool name by action id. */
  names: Map<string, string>;
  /** Groups of action ids whose short names collided. */
  collisions: string[][];
}

/** `catalog` + `get-entity` with separator `_` gives `catalog_get-entity`. */
export function namespacedToolName(
  action: NamedAction,
  separator: ToolNameSeparator,
): string {
  return `${action.pluginId}${separator}${action.name}`;
}

/** The dotted form older clients may have cached: `catalog.get-entity`. */
export function dottedToolName(action: NamedAction): string {
  return namespacedToolName(action, '.');
}

/**
 * Makes a name match {@link PORTABLE_TOOL_NAME}: characters outside the set
 * become `_`, and a name over 64 characters keeps its start and ends with a
 * hash of the whole original, so it is the same on every replica and restart.
 */
export function toPortableToolName(name: string): string {
  const replaced = name.replace(/[^a-zA-Z0-9_-]/g, '_');
  if (replaced.length > 0 && replaced.length <= MAX_NAME_LENGTH) {
    return replaced;
  }
  return withHashSuffix(replaced, name);
}

function withHashSuffix(name: string, hashed: string): string {
  const hash = createHash('sha256').update(hashed).digest('hex');
  const head = name.slice(0, MAX_NAME_LENGTH - HASH_LENGTH - 1);
  return `${head}_${hash.slice(0, HASH_LENGTH)}`;
}

/**
 * Gives every action a unique tool name. Names depend only on the actions
 * themselves, never on list order, so replicas agree.
 *
 * - Namespaced (default): `<pluginId><separator><actionName>`.
 * - Short: the bare action name; when two plugins register the same name,
 *   those actions fall back to their namespaced names.
 * - With a separator other than `.` every name is made portable.
 * - Should two names still coincide (say `a.b` and `a_b` once made portable),
 *   each of them gets a hash of its action id appended, until all differ.
 */
export function assignToolNames(
  actions: readonly NamedAction[],
  options: ToolNamingOptions,
): ToolNameAssignment {
  const collisions: string[][] = [];
  const preferred = new Map<string, string>();

  if (options.namespaced) {
    for (const action of actions) {
      preferred.set(action.id, namespacedToolName(action, options.separator));
    }
  } else {
    for (const group of groupBy(actions, a => a.name).values()) {
      const collide = group.length > 1;
      if (collide) {
        collisions.push(group.map(a => a.id));
      }
      for (const action of group) {
        preferred.set(
          action.id,
          collide ? namespacedToolName(action, options.separator) : action.name,
        );
      }
    }
  }

  const portable = options.separator !== '.';
  const candidates = actions.map(action => {
    const name = preferred.get(action.id)!;
    return { id: action.id, name: portable ? toPortableToolName(name) : name };
  });

  // Rename colliding names with a hash of their action id until all are
  // unique; a renamed one may meet another name, hence the rounds (the hash
  // input includes the round, so every round gives new names).
  let current = candidates;
  for (let round = 0; ; round++) {
    const groups = groupBy(current, c => c.name);
    if (groups.size === current.length) {
      break;
    }
    current = current.map(candidate =>
      groups.get(candidate.name)!.length > 1
        ? {
            id: candidate.id,
            name: withHashSuffix(
              candidate.name,
              round === 0 ? candidate.id : `${candidate.id}#${round}`,
            ),
          }
        : candidate,
    );
  }
  const names = new Map(current.map(c => [c.id, c.name]));
  return { names, collisions };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string) {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) {
      group.push(item);
    } else {
      groups.set(k, [item]);
    }
  }
  return groups;
}
