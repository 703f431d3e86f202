import type { DatabaseService } from '@backstage/backend-plugin-api';
import {
  type TestDatabaseId,
  TestDatabases,
  mockServices,
} from '@backstage/backend-test-utils';
import type { Knex } from '../stores/knex';
import {
  type EmbeddedPostgres,
  startEmbeddedPostgres,
} from './embeddedPostgres';

/** Read by `TestDatabases` when it first needs a Postgres 18. */
const POSTGRES_URL_VARIABLE =
  'BACKSTAGE_TEST_DATABASE_POSTGRES18_CONNECTION_STRING';

/** Above the start-up bound of embeddedPostgres.ts: 3 attempts of 30 s. */
const START_TIMEOUT_MS = 100_000;

export interface StoreTestEngine {
  name: 'SQLite' | 'Postgres';
  id: TestDatabaseId;
}

/** A fresh, empty database, as `coreServices.database` gives the plugin. */
export interface StoreTestDatabase {
  knex: Knex;
  database: DatabaseService;
}

/**
 * The engines the plugin's stores run on in practice (SQLite in
 * development, Postgres in production), for `describe.each`. Call once, at
 * the top of a test file: it starts one embedded Postgres for the whole
 * file in `beforeAll` and removes it in `afterAll`.
 *
 * Databases come from Backstage's `TestDatabases`, pointed at the embedded
 * server through its connection-string variable, so each `init` is a new
 * logical database on it (or a new in-memory SQLite).
 */
export function setUpStoreTestDatabases(): {
  engines: StoreTestEngine[];
  init(engine: StoreTestEngine): Promise<StoreTestDatabase>;
} {
  // disableDocker: false only keeps POSTGRES_18 "supported" before the
  // variable is set; with the variable set, no container is ever started.
  // Created first, so its afterAll (closing pools, dropping databases)
  // runs before ours stops the server.
  const databases = TestDatabases.create({
    ids: ['SQLITE_3', 'POSTGRES_18'],
    disableDocker: false,
  });
  let postgres: EmbeddedPostgres | undefined;
  const previousUrl = process.env[POSTGRES_URL_VARIABLE];

  beforeAll(async () => {
    postgres = await startEmbeddedPostgres();
    process.env[POSTGRES_URL_VARIABLE] = postgres.connectionString;
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await postgres?.stop();
    if (previousUrl === undefined) {
      delete process.env[POSTGRES_URL_VARIABLE];
    } else {
      process.env[POSTGRES_URL_VARIABLE] = previousUrl;
    }
  }, 30_000);

  return {
    engines: [
      { name: 'SQLite', id: 'SQLITE_3' },
      { name: 'Postgres', id: 'POSTGRES_18' },
    ],
    async init(engine) {
      const knex = await databases.init(engine.id);
      return { knex, database: mockServices.database({ knex }) };
    },
  };
}
