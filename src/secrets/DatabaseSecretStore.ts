import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import type { JsonObject } from '@backstage/types';
import { createHash } from 'node:crypto';
import type { Knex } from '../stores/knex';
import { newUnguessableId } from '../stores/randomIds';
import { type SecretCipher, SecretDecryptionError } from './secretCipher';
import type { SecretRequest, SecretStore } from '../stores/types';

const REQUESTS = 'mcp_actions_secret_requests';
const SECRETS = 'mcp_actions_secrets';

/** A take that keeps losing races to writers gives up rather than spin. */
const TAKE_ATTEMPTS = 3;

interface RequestRow {
  id: string;
  principal: string;
  action_id: string;
  server_key: string;
  // Postgres returns bigint columns as strings; SQLite as numbers.
  created_at: number | string;
  expires_at: number | string;
  completed_at: number | string | null;
}

interface SecretRow {
  binding: string;
  principal: string;
  action_id: string;
  write_id: string;
  sealed: string;
  remember: boolean | number;
  created_at: number | string;
  expires_at: number | string;
}

/**
 * `SecretStore` in the plugin's database (SQLite or Postgres). Times are
 * integer milliseconds in bigint columns, compared in SQL, so both engines
 * order them alike. Run `applyMigrations` first.
 */
export class DatabaseSecretStore implements SecretStore {
  readonly #knex: Knex;
  readonly #cipher: SecretCipher;
  readonly #now: () => number;

  /**
   * @param now - the clock, for tests; defaults to `Date.now`. Replicas
   *   compare each other's timestamps, so their clocks must roughly agree.
   */
  static create(options: {
    knex: Knex;
    cipher: SecretCipher;
    now?: () => number;
  }): DatabaseSecretStore {
    return new DatabaseSecretStore(options);
  }

  private constructor(options: {
    knex: Knex;
    cipher: SecretCipher;
    now?: () => number;
  }) {
    this.#knex = options.knex;
    this.#cipher = options.cipher;
    this.#now = options.now ?? Date.now;
  }

  async createRequest(options: {
    principal: string;
    actionId: string;
    serverKey: string;
    ttlMs: number;
  }): Promise<{ id: string; expiresAt: number }> {
    requireTtl(options.ttlMs);
    const id = newUnguessableId();
    const now = this.#now();
    const expiresAt = now + options.ttlMs;
    await this.#knex<RequestRow>(REQUESTS).insert({
      id,
      principal: options.principal,
      action_id: options.actionId,
      server_key: options.serverKey,
      created_at: now,
      expires_at: expiresAt,
      completed_at: null,
    });
    return { id, expiresAt };
  }

  async getRequest(id: string): Promise<SecretRequest | undefined> {
    const row = await this.#knex<RequestRow>(REQUESTS)
      .where({ id })
      .where('expires_at', '>', this.#now())
      .first();
    return row && toRequest(row);
  }

  async completeRequest(
    id: string,
    options: {
      principal: string;
      secrets: JsonObject;
      remember: boolean;
      ttlMs: number;
    },
  ): Promise<SecretRequest> {
    requireTtl(options.ttlMs);
    const now = this.#now();
    return this.#knex.transaction(async trx => {
      const row = await trx<RequestRow>(REQUESTS)
        .where({ id })
        .where('expires_at', '>', now)
        .first();
      if (!row) {
        throw new NotFoundError(
          'This request for secrets does not exist or has expired',
        );
      }
      if (row.principal !== options.principal) {
        throw new NotAllowedError(
          'This request for secrets was made by someone else',
        );
      }
      // The update is the claim: of two concurrent completions, the second
      // waits for the first's row lock, then matches nothing.
      const claimed = await trx<RequestRow>(REQUESTS)
        .where({ id })
        .whereNull('completed_at')
        .update({ completed_at: now });
      if (claimed !== 1) {
        throw new ConflictError(
          'This request for secrets has already been completed',
        );
      }
      const secretRow: SecretRow = {
        binding: bindingKey(row.principal, row.action_id),
        principal: row.principal,
        action_id: row.action_id,
        write_id: newUnguessableId(),
        sealed: this.#cipher.seal(
          JSON.stringify(options.secrets),
          associatedData(row.principal, row.action_id),
        ),
        remember: options.remember,
        created_at: now,
        expires_at: now + options.ttlMs,
      };
      // Newer secrets for the same principal and action replace older ones.
      await trx<SecretRow>(SECRETS)
        .insert(secretRow)
        .onConflict('binding')
        .merge();
      return toRequest({ ...row, completed_at: now });
    });
  }

  async take(options: {
    principal: string;
    actionId: string;
  }): Promise<JsonObject | undefined> {
    const binding = bindingKey(options.principal, options.actionId);
    for (let attempt = 0; attempt < TAKE_ATTEMPTS; attempt++) {
      const row = await this.#knex<SecretRow>(SECRETS)
        .where({ binding })
        .where('expires_at', '>', this.#now())
        .first();
      if (!row) {
        return undefined;
      }
      if (!row.remember) {
        // Delete exactly what was read. Zero rows deleted: another take got
        // it first (the next read finds nothing) or a new completion
        // replaced it (the next read finds that).
        const deleted = await this.#knex<SecretRow>(SECRETS)
          .where({ binding, write_id: row.write_id })
          .delete();
        if (deleted !== 1) {
          continue;
        }
      }
      return this.#open(row, options.principal, options.actionId);
    }
    return undefined;
  }

  async purgeExpired(now: number = this.#now()): Promise<number> {
    const requests = await this.#knex(REQUESTS)
      .where('expires_at', '<=', now)
      .delete();
    const secrets = await this.#knex(SECRETS)
      .where('expires_at', '<=', now)
      .delete();
    return requests + secrets;
  }

  async #open(
    row: SecretRow,
    principal: string,
    actionId: string,
  ): Promise<JsonObject> {
    try {
      // Opened with the associated data of the caller, not of the row: a
      // row moved to another principal or action does not authenticate.
      return JSON.parse(
        this.#cipher.open(row.sealed, associatedData(principal, actionId)),
      );
    } catch (error) {
      // Unusable for good; delete it so the next call asks the user again.
      await this.#knex<SecretRow>(SECRETS)
        .where({ binding: row.binding, write_id: row.write_id })
        .delete();
      if (error instanceof SecretDecryptionError) {
        throw error;
      }
      // Not JSON after a successful decryption: only our own bug could do
      // that. The parser's message would quote the plaintext, so drop it.
      throw new SecretDecryptionError();
    }
  }
}

/** One secrets row per principal and action, keyed by a fixed-size hash. */
function bindingKey(principal: string, actionId: string): string {
  return createHash('sha256')
    .update(JSON.stringify([principal, actionId]))
    .digest('hex');
}

/** JSON, so no principal/action split can collide with another. */
function associatedData(principal: string, actionId: string): string {
  return JSON.stringify(['mcp-actions secrets v1', principal, actionId]);
}

function requireTtl(ttlMs: number) {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) {
    throw new InputError(
      `ttlMs must be a positive integer number of milliseconds, got ${ttlMs}`,
    );
  }
}

function toRequest(row: RequestRow): SecretRequest {
  return {
    id: row.id,
    principal: row.principal,
    actionId: row.action_id,
    serverKey: row.server_key,
    createdAt: Number(row.created_at),
    expiresAt: Number(row.expires_at),
    ...(row.completed_at !== null && {
      completedAt: Number(row.completed_at),
    }),
  };
}
