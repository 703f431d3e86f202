import type {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type {
  GetEntityFacetsRequest,
  QueryEntitiesInitialRequest,
} from '@backstage/catalog-client';
import type { Entity } from '@backstage/catalog-model';
import { isError, ResponseError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';

/** What a query answers: the entities, and whether the catalog has more. */
export interface EntityPage {
  items: Entity[];
  /** True when the catalog holds more matches past `limit`. */
  hasMore: boolean;
}

/**
 * The software catalog as one caller sees it: every read goes out with the
 * caller's credentials, so the catalog's permission policy decides what
 * comes back. Resources, prompts and completions read it through here.
 *
 * A backend without the catalog plugin (its routes answer 404) and a caller
 * whose token may not reach the catalog (its access restrictions leave it
 * out) both read as an empty catalog rather than as errors: those features
 * then offer nothing, and the tools go on as before. Any other failure of
 * the catalog is thrown, and the client gets it as a JSON-RPC error.
 */
export class CallerCatalog {
  readonly #catalog: CatalogService;
  readonly #logger: LoggerService;
  #warnedAbsent = false;

  static create(options: {
    catalog: CatalogService;
    logger: LoggerService;
  }): CallerCatalog {
    return new CallerCatalog(options);
  }

  private constructor(options: {
    catalog: CatalogService;
    logger: LoggerService;
  }) {
    this.#catalog = options.catalog;
    this.#logger = options.logger;
  }

  /**
   * One page of entities. `limit` is required: one more is asked for, to
   * tell whether there are more, and is not returned.
   */
  async query(
    credentials: BackstageCredentials,
    request: Omit<QueryEntitiesInitialRequest, 'limit'> & { limit: number },
  ): Promise<EntityPage> {
    const response = await this.#read(() =>
      this.#catalog.queryEntities(
        { ...request, limit: request.limit + 1, totalItems: 'exclude' },
        { credentials },
      ),
    );
    const items = response?.items ?? [];
    return {
      items: items.slice(0, request.limit),
      hasMore: items.length > request.limit,
    };
  }

  /** The values one field takes among the entities the caller may see. */
  async facet(
    credentials: BackstageCredentials,
    field: string,
    filter?: GetEntityFacetsRequest['filter'],
  ): Promise<string[]> {
    const response = await this.#read(() =>
      this.#catalog.getEntityFacets(
        { facets: [field], ...(filter ? { filter } : {}) },
        { credentials },
      ),
    );
    return (response?.facets[field] ?? []).map(f => f.value);
  }

  /** The answer, or undefined when there is no catalog for this caller. */
  async #read<T>(read: () => Promise<T>): Promise<T | undefined> {
    try {
      return await read();
    } catch (error) {
      if (ResponseError.is(error) && error.statusCode === 404) {
        this.#warnAbsent();
        return undefined;
      }
      if (
        (isError(error) && error.name === 'NotAllowedError') ||
        (ResponseError.is(error) && error.statusCode === 403)
      ) {
        // The caller may not read the catalog at all: nothing to offer.
        return undefined;
      }
      throw error;
    }
  }

  #warnAbsent() {
    if (!this.#warnedAbsent) {
      this.#warnedAbsent = true;
      this.#logger.warn(
        'The catalog answered 404, so entity resources, template prompts and completions are empty: is @backstage/plugin-catalog-backend installed and reachable through discovery?',
        { component: 'catalog' },
      );
    }
  }
}
