import type { DatabaseService } from '@backstage/backend-plugin-api';
import { packageDirectory } from '../packageDirectory';

/**
 * Our own migrations table instead of knex's default `knex_migrations`:
 * this package shares its plugin id, and so its database, with the
 * upstream plugin it replaces. Should upstream ever ship migrations too,
 * a shared table would hold entries missing from each package's folder,
 * and knex would call the directory corrupt and refuse to start.
 */
export const MIGRATIONS_TABLE = 'mcp_actions_knex_migrations';

/** The `migrations` folder shipped in this package. */
export function migrationsDirectory(): string {
  return packageDirectory('migrations');
}

/*
 * Replicas starting together on a fresh database race inside knex: both
 * create its migrations tables (one fails with "already exists"), and one
 * holding the migration lock makes the other fail ("already locked")
 * rather than wait. So a failed run is retried after a pause: by then the
 * other replica has finished (nothing is left to do) or failed for real
 * (and so do we, with the same error). Migrations run in a transaction, so
 * a failed run leaves nothing half-applied.
 */
const MIGRATION_ATTEMPTS = 6;
const MIGRATION_RETRY_BASE_MS = 250;

/**
 * Brings the plugin's tables up to date, unless the deployment asked to
 * skip migrations (`backend.database.skipMigrations`, e.g. a database whose
 * schema is managed elsewhere). Safe to call from every replica at once.
 */
export async function applyMigrations(
  database: DatabaseService,
): Promise<void> {
  if (database.migrations?.skip) {
    return;
  }
  const knex = await database.getClient();
  for (let attempt = 1; ; attempt++) {
    try {
      await knex.migrate.latest({
        directory: migrationsDirectory(),
        tableName: MIGRATIONS_TABLE,
      });
      return;
    } catch (error) {
      if (attempt >= MIGRATION_ATTEMPTS) {
        throw error;
      }
      const pauseMs = MIGRATION_RETRY_BASE_MS * attempt * (1 + Math.random());
      await new Promise(resolve => setTimeout(resolve, pauseMs));
    }
  }
}
