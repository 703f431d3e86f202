import type { CompoundEntityRef, Entity } from '@backstage/catalog-model';

const PREFIX = 'backstage://catalog/';

/**
 * The resource template of catalog entities (RFC 6570): one resource per
 * entity, named by its entity ref's parts, kind and namespace lowercased as
 * in a ref: `backstage://catalog/component/default/portal-backend` is
 * `component:default/portal-backend`.
 */
export const ENTITY_URI_TEMPLATE = `${PREFIX}{kind}/{namespace}/{name}`;

/** The variables of `ENTITY_URI_TEMPLATE`, in order. */
export const ENTITY_URI_VARIABLES = ['kind', 'namespace', 'name'] as const;

/** The resource URI of an entity. */
export function entityUri(entity: Entity): string {
  return (
    PREFIX +
    [
      entity.kind.toLocaleLowerCase('en-US'),
      (entity.metadata.namespace ?? 'default').toLocaleLowerCase('en-US'),
      entity.metadata.name,
    ]
      .map(encodeURIComponent)
      .join('/')
  );
}

/**
 * The entity a resource URI names; undefined for any other URI (another
 * scheme, a missing or extra segment, a query or fragment, bad escapes).
 */
export function parseEntityUri(uri: string): CompoundEntityRef | undefined {
  if (!uri.startsWith(PREFIX)) {
    return undefined;
  }
  const segments = uri.slice(PREFIX.length).split('/');
  if (segments.length !== 3 || segments.some(s => s === '' || /[?#]/.test(s))) {
    return undefined;
  }
  try {
    const [kind, namespace, name] = segments.map(decodeURIComponent);
    return { kind, namespace, name };
  } catch {
    return undefined;
  }
}
