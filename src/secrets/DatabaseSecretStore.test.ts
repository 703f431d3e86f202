import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { randomBytes } from 'node:crypto';
import { setUpStoreTestDatabases } from '../__testUtils__/storeDatabases';
import { DatabaseSecretStore } from './DatabaseSecretStore';
import type { Knex } from '../stores/knex';
import { applyMigrations } from '../stores/migrations';
import { SecretCipher, SecretDecryptionError } from './secretCipher';

const ALICE = 'user:default/alice';
const BOB = 'user:default/bob';
const ACTION = 'jira:create-issue';
const OTHER_ACTION = 'jira:delete-issue';
const SERVER = 'default';
const MINUTE = 60_000;
const T0 = Date.UTC(2026, 10, 29, 12);

/** Distinctive, so a leak into a row or a message cannot be missed. */
const SECRETS = { apiToken: 'tok-5ecr3t-ALPHA', password: 'pw-5ecr3t-BRAVO' };
const SECRET_VALUES = Object.values(SECRETS);

const { engines, init } = setUpStoreTestDatabases();

describe.each(engines)('DatabaseSecretStore on $name', engine => {
  let knex: Knex;
  let clock: { now: number };
  let cipher: SecretCipher;
  let store: DatabaseSecretStore;

  /** Another replica: its own store; the same database, key and clock. */
  function replica() {
    return DatabaseSecretStore.create({ knex, cipher, now: () => clock.now });
  }

  /** What `take` gives `principal` for ACTION (or `actionId`) on `on`. */
  function takeAs(principal: string, actionId = ACTION, on = store) {
    return on.take({ principal, actionId });
  }

  // One migrated database per engine; emptied before each test.
  beforeAll(async () => {
    const db = await init(engine);
    knex = db.knex;
    await applyMigrations(db.database);
  });

  beforeEach(async () => {
    await knex('mcp_actions_secrets').delete();
    await knex('mcp_actions_secret_requests').delete();
    clock = { now: T0 };
    cipher = SecretCipher.fromConfigString(randomBytes(32).toString('hex'));
    store = replica();
  });

  async function completedRequest(
    options: { principal?: string; remember?: boolean; ttlMs?: number } = {},
  ) {
    const principal = options.principal ?? ALICE;
    const { id } = await store.createRequest({
      principal,
      actionId: ACTION,
      serverKey: SERVER,
      ttlMs: 10 * MINUTE,
    });
    await store.completeRequest(id, {
      principal,
      secrets: SECRETS,
      remember: options.remember ?? false,
      ttlMs: options.ttlMs ?? 5 * MINUTE,
    });
    return id;
  }

  describe('requests', () => {
    it('opens a request with an unguessable id and reads it back', async () => {
      const created = await store.createRequest({
        principal: ALICE,
        actionId: ACTION,
        serverKey: SERVER,
        ttlMs: 10 * MINUTE,
      });
      expect(created.id).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
      expect(created.expiresAt).toBe(T0 + 10 * MINUTE);
      expect(await store.getRequest(created.id)).toEqual({
        id: created.id,
        principal: ALICE,
        actionId: ACTION,
        serverKey: SERVER,
        createdAt: T0,
        expiresAt: T0 + 10 * MINUTE,
      });
      const ids = new Set<string>();
      for (let i = 0; i < 20; i++) {
        ids.add(
          (
            await store.createRequest({
              principal: ALICE,
              actionId: ACTION,
              serverKey: SERVER,
              ttlMs: MINUTE,
            })
          ).id,
        );
      }
      expect(ids.size).toBe(20);
    });

    it('reads an unknown or expired request as undefined', async () => {
      const { id } = await store.createRequest({
        principal: ALICE,
        actionId: ACTION,
        serverKey: SERVER,
        ttlMs: MINUTE,
      });
      expect(await store.getRequest('no-such-request')).toBeUndefined();
      clock.now = T0 + MINUTE - 1;
      expect(await store.getRequest(id)).toBeDefined();
      clock.now = T0 + MINUTE;
      expect(await store.getRequest(id)).toBeUndefined();
    });

    it('marks a completed request, on whichever replica reads it', async () => {
      const id = await completedRequest();
      expect(await replica().getRequest(id)).toMatchObject({
        id,
        completedAt: T0,
      });
    });

    it("refuses to complete another principal's request", async () => {
      const { id } = await store.createRequest({
        principal: ALICE,
        actionId: ACTION,
        serverKey: SERVER,
        ttlMs: MINUTE,
      });
      await expect(
        store.completeRequest(id, {
          principal: BOB,
          secrets: SECRETS,
          remember: true,
          ttlMs: MINUTE,
        }),
      ).rejects.toThrow(NotAllowedError);
      expect(await takeAs(BOB)).toBeUndefined();
      expect(await knex('mcp_actions_secrets').select()).toEqual([]);
      // Alice still can.
      await store.completeRequest(id, {
        principal: ALICE,
        secrets: SECRETS,
        remember: false,
        ttlMs: MINUTE,
      });
      expect(await takeAs(ALICE)).toEqual(SECRETS);
    });

    it('completes a request once', async () => {
      const id = await completedRequest();
      await expect(
        store.completeRequest(id, {
          principal: ALICE,
          secrets: { apiToken: 'replacement' },
          remember: false,
          ttlMs: MINUTE,
        }),
      ).rejects.toThrow(ConflictError);
      expect(await takeAs(ALICE)).toEqual(SECRETS);
    });

    it('completes a request once when two replicas race', async () => {
      for (let round = 0; round < 10; round++) {
        const { id } = await store.createRequest({
          principal: ALICE,
          actionId: ACTION,
          serverKey: SERVER,
          ttlMs: MINUTE,
        });
        const results = await Promise.allSettled(
          [store, replica()].map((s, i) =>
            s.completeRequest(id, {
              principal: ALICE,
              secrets: { apiToken: `from-replica-${i}` },
              remember: false,
              ttlMs: MINUTE,
            }),
          ),
        );
        const winners = results.flatMap((r, i) =>
          r.status === 'fulfilled' ? [i] : [],
        );
        const losers = results.flatMap(r =>
          r.status === 'rejected' ? [r.reason] : [],
        );
        expect(winners).toHaveLength(1);
        expect(losers).toEqual([expect.any(ConflictError)]);
        // The stored secrets are the winner's.
        expect(await takeAs(ALICE)).toEqual({
          apiToken: `from-replica-${winners[0]}`,
        });
      }
    });

    it('refuses to complete an unknown or expired request', async () => {
      const { id } = await store.createRequest({
        principal: ALICE,
        actionId: ACTION,
        serverKey: SERVER,
        ttlMs: MINUTE,
      });
      const complete = (requestId: string) =>
        store.completeRequest(requestId, {
          principal: ALICE,
          secrets: SECRETS,
          remember: false,
          ttlMs: MINUTE,
        });
      await expect(complete('no-such-request')).rejects.toThrow(NotFoundError);
      clock.now = T0 + MINUTE;
      await expect(complete(id)).rejects.toThrow(NotFoundError);
    });

    it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
      'refuses ttlMs %p',
      async ttlMs => {
        await expect(
          store.createRequest({
            principal: ALICE,
            actionId: ACTION,
            serverKey: SERVER,
            ttlMs,
          }),
        ).rejects.toThrow(InputError);
      },
    );
  });

  describe('secrets at rest', () => {
    it('keeps only ciphertext in the database', async () => {
      await completedRequest({ remember: true });
      const rows = await knex('mcp_actions_secrets').select();
      expect(rows).toHaveLength(1);
      const raw = JSON.stringify(rows);
      for (const value of SECRET_VALUES) {
        expect(raw).not.toContain(value);
      }
      expect(raw).not.toContain('apiToken');
      expect(rows[0].sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
      // The requests table never sees secrets at all.
      const requests = JSON.stringify(
        await knex('mcp_actions_secret_requests').select(),
      );
      for (const value of SECRET_VALUES) {
        expect(requests).not.toContain(value);
      }
    });

    it('refuses a row moved to another principal, saying nothing', async () => {
      await completedRequest({ principal: ALICE, remember: true });
      await completedRequest({ principal: BOB, remember: true });
      // Someone with database access puts Alice's ciphertext on Bob's row.
      const [alices] = await knex('mcp_actions_secrets').where({
        principal: ALICE,
      });
      await knex('mcp_actions_secrets')
        .where({ principal: BOB })
        .update({ sealed: alices.sealed });

      const error = await store
        .take({ principal: BOB, actionId: ACTION })
        .catch(e => e);
      expect(error).toBeInstanceOf(SecretDecryptionError);
      for (const value of SECRET_VALUES) {
        expect(String(error.message)).not.toContain(value);
        expect(String(error.stack)).not.toContain(value);
      }
      // The unusable row is gone, so the next call asks Bob again...
      expect(await takeAs(BOB)).toBeUndefined();
      // ...and Alice's own row still works.
      expect(await takeAs(ALICE)).toEqual(SECRETS);
    });

    it('refuses a row moved to another action', async () => {
      await completedRequest({ remember: true });
      const { id } = await store.createRequest({
        principal: ALICE,
        actionId: OTHER_ACTION,
        serverKey: SERVER,
        ttlMs: MINUTE,
      });
      await store.completeRequest(id, {
        principal: ALICE,
        secrets: { unrelated: 'value' },
        remember: true,
        ttlMs: MINUTE,
      });
      const [original] = await knex('mcp_actions_secrets').where({
        action_id: ACTION,
      });
      await knex('mcp_actions_secrets')
        .where({ action_id: OTHER_ACTION })
        .update({ sealed: original.sealed });
      await expect(
        store.take({ principal: ALICE, actionId: OTHER_ACTION }),
      ).rejects.toThrow(SecretDecryptionError);
    });

    it('refuses rows written under another key', async () => {
      await completedRequest();
      const otherKey = DatabaseSecretStore.create({
        knex,
        cipher: SecretCipher.fromConfigString(randomBytes(32).toString('hex')),
        now: () => clock.now,
      });
      await expect(
        otherKey.take({ principal: ALICE, actionId: ACTION }),
      ).rejects.toThrow(SecretDecryptionError);
    });
  });

  describe('take', () => {
    it('hands out one-time secrets once', async () => {
      await completedRequest();
      expect(await takeAs(ALICE)).toEqual(SECRETS);
      expect(await takeAs(ALICE)).toBeUndefined();
    });

    it('hands remembered secrets out until they expire', async () => {
      await completedRequest({ remember: true, ttlMs: 30 * MINUTE });
      for (const at of [T0, T0 + MINUTE, T0 + 30 * MINUTE - 1]) {
        clock.now = at;
        expect(await takeAs(ALICE, ACTION, replica())).toEqual(SECRETS);
      }
      clock.now = T0 + 30 * MINUTE;
      expect(await takeAs(ALICE)).toBeUndefined();
    });

    it('never hands out expired one-time secrets', async () => {
      await completedRequest({ ttlMs: MINUTE });
      clock.now = T0 + MINUTE;
      expect(await takeAs(ALICE)).toBeUndefined();
    });

    it('binds secrets to principal and action', async () => {
      await completedRequest({ remember: true });
      expect(await takeAs(BOB)).toBeUndefined();
      expect(await takeAs(ALICE, OTHER_ACTION)).toBeUndefined();
      expect(await takeAs(ALICE)).toEqual(SECRETS);
    });

    it('replaces older secrets for the same principal and action', async () => {
      await completedRequest({ remember: true });
      const { id } = await store.createRequest({
        principal: ALICE,
        actionId: ACTION,
        serverKey: SERVER,
        ttlMs: MINUTE,
      });
      await store.completeRequest(id, {
        principal: ALICE,
        secrets: { apiToken: 'newer' },
        remember: false,
        ttlMs: MINUTE,
      });
      expect(await takeAs(ALICE)).toEqual({
        apiToken: 'newer',
      });
      expect(await takeAs(ALICE)).toBeUndefined();
    });

    it('gives one-time secrets to one of several racing replicas', async () => {
      for (let round = 0; round < 20; round++) {
        await completedRequest();
        const results = await Promise.all(
          [store, replica(), replica()].map(s =>
            s.take({ principal: ALICE, actionId: ACTION }),
          ),
        );
        expect(results.filter(r => r !== undefined)).toEqual([SECRETS]);
      }
    });

    it('gives remembered secrets to every racing replica', async () => {
      await completedRequest({ remember: true });
      const results = await Promise.all(
        [store, replica(), replica()].map(s =>
          s.take({ principal: ALICE, actionId: ACTION }),
        ),
      );
      expect(results).toEqual([SECRETS, SECRETS, SECRETS]);
    });
  });

  describe('purgeExpired', () => {
    it('deletes expired requests and secrets, and only those', async () => {
      // Requests live 10 minutes; Alice's secrets 1, Bob's 60.
      await completedRequest({ principal: ALICE, ttlMs: MINUTE });
      await completedRequest({
        principal: BOB,
        remember: true,
        ttlMs: 60 * MINUTE,
      });
      await store.createRequest({
        principal: BOB,
        actionId: OTHER_ACTION,
        serverKey: SERVER,
        ttlMs: 2 * MINUTE,
      });
      expect(await store.purgeExpired(T0 + MINUTE - 1)).toBe(0);
      expect(await store.purgeExpired(T0 + MINUTE)).toBe(1); // Alice's secrets
      // All three requests.
      expect(await store.purgeExpired(T0 + 10 * MINUTE)).toBe(3);
      expect(await takeAs(BOB)).toEqual(SECRETS);
      clock.now = T0 + 60 * MINUTE;
      // Bob's secrets, by the store's own clock.
      expect(await store.purgeExpired()).toBe(1);
      expect(await knex('mcp_actions_secrets').select()).toEqual([]);
      expect(await knex('mcp_actions_secret_requests').select()).toEqual([]);
    });
  });
});
