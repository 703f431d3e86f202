import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { EntityFilterQuery } from '@backstage/catalog-client';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CompleteResult } from '@modelcontextprotocol/server';
import type { CallerCatalog } from '../catalog/CallerCatalog';
import type { EntityListing } from '../resources/readResourcesConfig';
import { listingFilter } from '../resources/EntityResources';
import type { CompletionSource } from './CompletionSource';

/** Values one answer carries at most, as the specification allows. */
export const MAX_COMPLETION_VALUES = 100;

export type Completion = CompleteResult['completion'];

export interface CompletionScope {
  /**
   * The resource listing the values must stay within (a resource template
   * variable); undefined for prompt arguments, which any entity the caller
   * may see can fill.
   */
  listing?: EntityListing;
  /** Arguments already chosen (`context.arguments`): narrow names. */
  context?: Record<string, string>;
  /** Kinds and namespaces lowercased, as a resource URI writes them. */
  forUri?: boolean;
}

/**
 * Completes argument values from the catalog, as the caller sees it (their
 * credentials go with every read, so nothing they may not see is offered):
 * entity refs, kinds, namespaces and names, the values that match what was
 * typed first and then the ones that contain it, at most 100 with `hasMore`.
 */
export class CatalogCompletions {
  readonly #catalog: CallerCatalog;

  constructor(catalog: CallerCatalog) {
    this.#catalog = catalog;
  }

  async complete(
    credentials: BackstageCredentials,
    source: CompletionSource,
    typed: string,
    scope: CompletionScope = {},
  ): Promise<Completion> {
    switch (source.from) {
      case 'values':
        return fromList(source.values, typed);
      case 'kind':
        return fromList(
          await this.#facet(credentials, 'kind', scope, {}),
          typed,
        );
      case 'namespace':
        return fromList(
          await this.#facet(
            credentials,
            'metadata.namespace',
            scope,
            narrowTo(scope.context, ['kind']),
          ),
          typed,
        );
      case 'name':
        return this.#names(credentials, typed, scope);
      case 'entityRef':
        return this.#refs(credentials, source.kinds, typed);
      default:
        return { values: [], hasMore: false };
    }
  }

  async #facet(
    credentials: BackstageCredentials,
    field: string,
    scope: CompletionScope,
    narrowing: Record<string, string>,
  ): Promise<string[]> {
    const filter = scopedFilter(scope, narrowing);
    if (!filter) {
      return [];
    }
    const values = await this.#catalog.facet(credentials, field, filter);
    const shown = scope.forUri
      ? values.map(v => v.toLocaleLowerCase('en-US'))
      : values;
    return [...new Set(shown)].sort();
  }

  async #names(
    credentials: BackstageCredentials,
    typed: string,
    scope: CompletionScope,
  ): Promise<Completion> {
    const filter = scopedFilter(
      scope,
      narrowTo(scope.context, ['kind', 'namespace']),
    );
    if (!filter) {
      return { values: [], hasMore: false };
    }
    const page = await this.#catalog.query(credentials, {
      filter,
      fields: ['metadata.name'],
      orderFields: [{ field: 'metadata.name', order: 'asc' }],
      ...textFilter(typed.trim()),
      limit: MAX_COMPLETION_VALUES,
    });
    const names = [...new Set(page.items.map(e => e.metadata.name))];
    return {
      values: ranked(names, typed, name => name),
      hasMore: page.hasMore,
    };
  }

  /**
   * Entity refs. What was typed may be part of a name, or a ref begun with
   * its kind and namespace (`group:default/plat`): the catalog is searched
   * by the name part, within the kind and namespace once they are typed
   * out, and every ref offered begins with what was typed.
   */
  async #refs(
    credentials: BackstageCredentials,
    kinds: string[] | undefined,
    typed: string,
  ): Promise<Completion> {
    const text = typed.trim().toLocaleLowerCase('en-US');
    const colon = text.indexOf(':');
    const kind = colon >= 0 ? text.slice(0, colon) : undefined;
    const rest = text.slice(colon + 1);
    const slash = rest.indexOf('/');
    const namespace = slash >= 0 ? rest.slice(0, slash) : undefined;
    const namePart = colon >= 0 ? rest.slice(slash + 1) : text;
    if (kind !== undefined && kinds && !kinds.includes(kind)) {
      return { values: [], hasMore: false };
    }
    const kindFilter = kind ?? kinds;
    const page = await this.#catalog.query(credentials, {
      filter: {
        ...(kindFilter ? { kind: kindFilter } : {}),
        ...(namespace ? { 'metadata.namespace': namespace } : {}),
      },
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
      orderFields: [{ field: 'metadata.name', order: 'asc' }],
      // A kind begun but not finished is matched below, not searched.
      ...textFilter(colon >= 0 && slash < 0 ? '' : namePart),
      limit: MAX_COMPLETION_VALUES,
    });
    const refs = page.items
      .map(e => stringifyEntityRef(e))
      .filter(ref => colon < 0 || ref.startsWith(text));
    return {
      values: ranked(refs, namePart, ref => ref.slice(ref.indexOf('/') + 1)),
      hasMore: page.hasMore,
    };
  }
}

/**
 * The catalog filter of a scope narrowed by arguments already chosen;
 * undefined when the chosen kind is one the listing does not offer.
 */
function scopedFilter(
  scope: CompletionScope,
  narrowing: Record<string, string>,
): EntityFilterQuery | undefined {
  const { kind, namespace } = narrowing;
  const kinds = scope.listing?.kinds;
  if (kind && kinds && !kinds.includes(kind.toLocaleLowerCase('en-US'))) {
    return undefined;
  }
  return {
    ...(scope.listing ? listingFilter(scope.listing) : {}),
    ...(kind ? { kind } : {}),
    ...(namespace ? { 'metadata.namespace': namespace } : {}),
  };
}

/** The values of a fixed list that contain what was typed. */
function fromList(values: string[], typed: string): Completion {
  const text = typed.trim().toLocaleLowerCase('en-US');
  const matching = values.filter(v =>
    v.toLocaleLowerCase('en-US').includes(text),
  );
  return {
    values: ranked(matching, text, v => v).slice(0, MAX_COMPLETION_VALUES),
    total: matching.length,
    hasMore: matching.length > MAX_COMPLETION_VALUES,
  };
}

/** Values whose key starts with what was typed first, in their order. */
function ranked(
  values: string[],
  typed: string,
  keyOf: (value: string) => string,
): string[] {
  const text = typed.trim().toLocaleLowerCase('en-US');
  const starts = (v: string) =>
    keyOf(v).toLocaleLowerCase('en-US').startsWith(text);
  return [...values.filter(starts), ...values.filter(v => !starts(v))];
}

/** The catalog's search by part of the name, when something was typed. */
function textFilter(term: string) {
  return term ? { fullTextFilter: { term, fields: ['metadata.name'] } } : {};
}

/** The chosen arguments of these names that have a value. */
function narrowTo(
  context: Record<string, string> | undefined,
  names: string[],
): Record<string, string> {
  return Object.fromEntries(
    names
      .map(name => [name, context?.[name]?.trim()])
      .filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}
