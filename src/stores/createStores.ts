import type { DatabaseService } from '@backstage/backend-plugin-api';
import { DatabaseSecretStore } from '../secrets/DatabaseSecretStore';
import { DatabaseTaskStore } from '../tasks/DatabaseTaskStore';
import { applyMigrations } from './migrations';
import { SecretCipher } from '../secrets/secretCipher';
import type { SecretStore, TaskStore } from './types';
import type { Knex } from './knex';

/** The plugin's persistent state, built once at startup. */
export interface Stores {
  tasks: TaskStore;
  /** Absent without an encryption key: secrets are then never stored. */
  secrets?: SecretStore;
  /** The plugin's database, where the rate limiters count calls. */
  knex: Knex;
}

/**
 * Migrates the plugin's database (unless migrations are skipped) and builds
 * the stores over it. Everything here is shared by all replicas through the
 * database; nothing is kept in this process.
 *
 * @param secretsKey - the encryption key for stored secrets, in a form
 *   `SecretCipher.fromConfigString` accepts; the same on every replica.
 * @param now - the clock, for tests.
 */
export async function createStores(options: {
  database: DatabaseService;
  secretsKey?: string;
  now?: () => number;
}): Promise<Stores> {
  await applyMigrations(options.database);
  const knex = await options.database.getClient();
  const { now } = options;
  return {
    knex,
    tasks: DatabaseTaskStore.create({ knex, now }),
    ...(options.secretsKey !== undefined && {
      secrets: DatabaseSecretStore.create({
        knex,
        cipher: SecretCipher.fromConfigString(options.secretsKey),
        now,
      }),
    }),
  };
}
