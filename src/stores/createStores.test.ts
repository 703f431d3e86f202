import { randomBytes } from 'node:crypto';
import { setUpStoreTestDatabases } from '../__testUtils__/storeDatabases';
import { createStores } from './createStores';

const { engines, init } = setUpStoreTestDatabases();

describe.each(engines)('createStores on $name', engine => {
  it('migrates, then builds both stores over the database', async () => {
    const { database } = await init(engine);
    const stores = await createStores({
      database,
      secretsKey: randomBytes(32).toString('base64'),
    });

    const task = await stores.tasks.create({
      principal: 'user:default/alice',
      serverKey: 'default',
      toolName: 'slow_tool',
      ownerInstance: 'test',
      ttlMs: 60_000,
    });
    expect(await stores.tasks.get(task.taskId, 'user:default/alice')).toEqual(
      task,
    );

    const secrets = stores.secrets!;
    const { id } = await secrets.createRequest({
      principal: 'user:default/alice',
      actionId: 'test:action',
      serverKey: 'default',
      ttlMs: 60_000,
    });
    await secrets.completeRequest(id, {
      principal: 'user:default/alice',
      secrets: { token: 't' },
      remember: false,
      ttlMs: 60_000,
    });
    expect(
      await secrets.take({
        principal: 'user:default/alice',
        actionId: 'test:action',
      }),
    ).toEqual({ token: 't' });
  });

  it('builds no secret store without a key', async () => {
    const { database } = await init(engine);
    const stores = await createStores({ database });
    expect(stores.secrets).toBeUndefined();
    expect(stores.tasks).toBeDefined();
  });

  it('leaves the schema alone when migrations are skipped', async () => {
    const { knex } = await init(engine);
    await createStores({
      database: { getClient: async () => knex, migrations: { skip: true } },
    });
    expect(await knex.schema.hasTable('mcp_actions_tasks')).toBe(false);
  });
});
