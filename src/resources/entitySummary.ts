import {
  RELATION_OWNED_BY,
  RELATION_PART_OF,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';

/** Relations listed at most; the rest are counted. */
const MAX_RELATIONS = 50;

/**
 * A short Markdown account of an entity, for a model to read before (or
 * instead of) the whole entity: what it is, who owns it, where it belongs,
 * how it relates to others and where to read more.
 */
export function entitySummary(entity: Entity): string {
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const ref = stringifyEntityRef(entity);
  const lines = [`# ${entity.metadata.title ?? entity.metadata.name}`, ''];
  const type = typeof spec.type === 'string' ? ` (${spec.type})` : '';
  lines.push(`\`${ref}\`: ${entity.kind}${type}`, '');
  if (entity.metadata.description) {
    lines.push(entity.metadata.description.trim(), '');
  }

  const facts: Array<[string, string | undefined]> = [
    ['Owner', targets(entity, RELATION_OWNED_BY) ?? text(spec.owner)],
    [
      'System',
      targets(entity, RELATION_PART_OF, 'system') ?? text(spec.system),
    ],
    ['Domain', text(spec.domain)],
    ['Lifecycle', text(spec.lifecycle)],
    ...profileFacts(spec),
    ['Tags', entity.metadata.tags?.join(', ') || undefined],
  ];
  const known = facts.filter((f): f is [string, string] => Boolean(f[1]));
  lines.push(...known.map(([label, value]) => `- **${label}:** ${value}`));
  if (known.length > 0) {
    lines.push('');
  }

  const relations = [...(entity.relations ?? [])].sort(
    (a, b) =>
      a.type.localeCompare(b.type) || a.targetRef.localeCompare(b.targetRef),
  );
  if (relations.length > 0) {
    lines.push('## Relations', '');
    for (const relation of relations.slice(0, MAX_RELATIONS)) {
      lines.push(`- ${relation.type}: ${relation.targetRef}`);
    }
    if (relations.length > MAX_RELATIONS) {
      lines.push(`- … and ${relations.length - MAX_RELATIONS} more`);
    }
    lines.push('');
  }

  const links = entity.metadata.links ?? [];
  if (links.length > 0) {
    lines.push('## Links', '');
    for (const link of links) {
      const title = (link.title ?? link.url).replace(/[[\]]/g, '\\$&');
      lines.push(`- [${title}](${link.url})`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The targets of an entity's relations of one type, joined; or undefined. */
function targets(
  entity: Entity,
  type: string,
  targetKind?: string,
): string | undefined {
  const refs = (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .filter(ref => !targetKind || ref.startsWith(`${targetKind}:`));
  return refs.length > 0 ? refs.join(', ') : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value : undefined;
}

/** A user's or group's display name and email (`spec.profile`). */
function profileFacts(
  spec: Record<string, unknown>,
): Array<[string, string | undefined]> {
  const profile = spec.profile as Record<string, unknown> | undefined;
  if (!profile || typeof profile !== 'object') {
    return [];
  }
  return [
    ['Name', text(profile.displayName)],
    ['Email', text(profile.email)],
  ];
}
