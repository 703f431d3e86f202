import type { DatabaseService } from '@backstage/backend-plugin-api';

/**
 * The knex instance `coreServices.database` hands out. Named from the
 * service rather than imported from `knex`, so the stores use exactly the
 * client the backend built and the package needs no knex dependency of
 * its own.
 */
export type Knex = Awaited<ReturnType<DatabaseService['getClient']>>;
