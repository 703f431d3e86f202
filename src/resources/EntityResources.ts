import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import {
  ResourceNotFoundError,
  type ListResourcesResult,
  type ReadResourceResult,
  type Resource,
  type ResourceTemplateType,
} from '@modelcontextprotocol/server';
import type { CallerCatalog } from '../catalog/CallerCatalog';
import { entitySummary } from './entitySummary';
import { ENTITY_URI_TEMPLATE, entityUri, parseEntityUri } from './entityUri';
import { decodeCursor, encodeCursor } from './listCursor';
import type { EntityListing } from './readResourcesConfig';

/** The fields a listed resource is made of. */
const LISTED_FIELDS = [
  'kind',
  'metadata.namespace',
  'metadata.name',
  'metadata.title',
  'metadata.description',
];

/**
 * By name, as a picker shows them. The catalog sorts by one field and
 * breaks ties by its own entity id, so the order is total and the same on
 * every request: an offset always names the same position.
 */
const ORDER = [{ field: 'metadata.name', order: 'asc' as const }];

/**
 * Catalog entities as MCP resources, read with the caller's credentials:
 * the one resource template, pages of the entities a server lists, and an
 * entity read as a Markdown summary and as JSON.
 */
export class EntityResources {
  readonly #catalog: CallerCatalog;

  constructor(catalog: CallerCatalog) {
    this.#catalog = catalog;
  }

  /** The resource template of every listing; the same for every caller. */
  templates(listing: EntityListing): ResourceTemplateType[] {
    const kinds = listing.kinds
      ? `Kinds offered: ${listing.kinds.join(', ')}.`
      : 'Every kind is offered.';
    return [
      {
        uriTemplate: ENTITY_URI_TEMPLATE,
        name: 'catalog-entity',
        title: 'Backstage catalog entity',
        description: `An entity of the Backstage software catalog, by kind, namespace and name as in its entity ref (component:default/portal-backend is backstage://catalog/component/default/portal-backend). Reads as a Markdown summary (kind, owner, system, lifecycle, relations, links) followed by the entity as JSON. ${kinds}`,
      },
    ];
  }

  /** One page of the entities `listing` offers the caller. */
  async list(
    credentials: BackstageCredentials,
    listing: EntityListing,
    cursor: string | undefined,
  ): Promise<ListResourcesResult> {
    const offset =
      cursor === undefined ? 0 : decodeCursor(listing.cursorScope, cursor);
    const page = await this.#catalog.query(credentials, {
      filter: listingFilter(listing),
      fields: LISTED_FIELDS,
      orderFields: ORDER,
      offset,
      limit: listing.pageSize,
    });
    return {
      resources: page.items.map(listedResource),
      ...(page.hasMore
        ? {
            nextCursor: encodeCursor(
              listing.cursorScope,
              offset + page.items.length,
            ),
          }
        : {}),
    };
  }

  /**
   * The entity a URI names, when `listing` offers it and the caller may
   * see it; otherwise the same "not found" (-32602 with the URI), so that
   * nobody learns of entities they may not read.
   */
  async read(
    credentials: BackstageCredentials,
    listing: EntityListing,
    uri: string,
  ): Promise<ReadResourceResult> {
    const ref = parseEntityUri(uri);
    const kind = ref?.kind.toLocaleLowerCase('en-US');
    if (!ref || (listing.kinds && !listing.kinds.includes(kind!))) {
      throw new ResourceNotFoundError(uri);
    }
    const page = await this.#catalog.query(credentials, {
      filter: {
        ...listing.filter,
        kind: ref.kind,
        'metadata.namespace': ref.namespace,
        'metadata.name': ref.name,
      },
      limit: 1,
    });
    const entity = page.items[0];
    if (!entity) {
      throw new ResourceNotFoundError(uri);
    }
    return {
      contents: [
        { uri, mimeType: 'text/markdown', text: entitySummary(entity) },
        { uri, mimeType: 'application/json', text: JSON.stringify(entity) },
      ],
    };
  }
}

/** The catalog filter of a listing: its own, and its kinds. */
export function listingFilter(listing: EntityListing): EntityFilterQuery {
  return {
    ...listing.filter,
    ...(listing.kinds ? { kind: listing.kinds } : {}),
  };
}

function listedResource(entity: Entity): Resource {
  const ref = stringifyEntityRef(entity);
  return {
    uri: entityUri(entity),
    name: ref,
    title: entity.metadata.title ?? `${entity.kind} ${entity.metadata.name}`,
    description: entity.metadata.description?.trim() || `${entity.kind} ${ref}`,
  };
}
