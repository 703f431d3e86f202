import { overridePackagePathResolution } from '@backstage/backend-plugin-api/testUtils';
import fs from 'node:fs';
import path from 'node:path';
import { setUpStoreTestDatabases } from '../__testUtils__/storeDatabases';
import {
  MIGRATIONS_TABLE,
  applyMigrations,
  migrationsDirectory,
} from './migrations';

const TABLES = [
  'mcp_actions_rate_limits',
  'mcp_actions_secret_requests',
  'mcp_actions_secrets',
  'mcp_actions_tasks',
];

const { engines, init } = setUpStoreTestDatabases();

describe('migrationsDirectory', () => {
  it('resolves by package name first, as in an installed backend', () => {
    const override = overridePackagePathResolution({
      packageName: '@backstage/plugin-mcp-actions-backend',
      paths: { migrations: '/installed/package/migrations' },
    });
    try {
      expect(migrationsDirectory()).toBe('/installed/package/migrations');
    } finally {
      override.restore();
    }
  });

  it('falls back to this package, whose files include the folder', () => {
    const root = path.resolve(__dirname, '../..');
    expect(migrationsDirectory()).toBe(path.join(root, 'migrations'));
    const files = fs.readdirSync(migrationsDirectory());
    expect(files.length).toBeGreaterThan(0);
    const packageJson = JSON.parse(
      fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
    );
    expect(packageJson.files).toContain('migrations');
  });
});

describe.each(engines)('applyMigrations on $name', engine => {
  async function tablesIn(knex: Awaited<ReturnType<typeof init>>['knex']) {
    const present = await Promise.all(
      TABLES.map(table => knex.schema.hasTable(table)),
    );
    return TABLES.filter((_, i) => present[i]);
  }

  it('creates the tables and its own migrations table, repeatably', async () => {
    const { knex, database } = await init(engine);
    await applyMigrations(database);
    await applyMigrations(database);
    expect(await tablesIn(knex)).toEqual(TABLES);
    expect(await knex.schema.hasTable(MIGRATIONS_TABLE)).toBe(true);
    expect(await knex.schema.hasTable('knex_migrations')).toBe(false);
  });

  it('migrates concurrently from two replicas', async () => {
    const { knex, database } = await init(engine);
    await Promise.all([applyMigrations(database), applyMigrations(database)]);
    expect(await tablesIn(knex)).toEqual(TABLES);
  });

  it('rolls all the way back', async () => {
    const { knex, database } = await init(engine);
    await applyMigrations(database);
    await knex.migrate.rollback(
      { directory: migrationsDirectory(), tableName: MIGRATIONS_TABLE },
      true,
    );
    expect(await tablesIn(knex)).toEqual([]);
  });

  it('does nothing when migrations are skipped', async () => {
    const { knex } = await init(engine);
    const getClient = jest.fn(async () => knex);
    await applyMigrations({ getClient, migrations: { skip: true } });
    expect(getClient).not.toHaveBeenCalled();
    expect(await tablesIn(knex)).toEqual([]);
  });
});
