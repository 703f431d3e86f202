/*
 * Secrets that actions declare in `schema.secrets`, typed by a user into a
 * page the plugin serves (URL-mode elicitation) and used by the retried tool
 * call. Held in the database because the page, the retry and the original
 * call may each reach a different replica.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('mcp_actions_secret_requests', table => {
    table.comment(
      'Pending requests for secrets: one per elicitation link handed to a client',
    );
    table
      .string('id', 64)
      .primary()
      .notNullable()
      .comment('Random identifier, part of the page URL');
    table
      .text('principal')
      .notNullable()
      .comment('The caller the request belongs to; only it may complete it');
    table.text('action_id').notNullable();
    table.string('server_key', 255).notNullable();
    table
      .bigInteger('created_at')
      .notNullable()
      .comment('Milliseconds since the epoch');
    table
      .bigInteger('expires_at')
      .notNullable()
      .index()
      .comment('Milliseconds since the epoch');
    table
      .bigInteger('completed_at')
      .nullable()
      .comment('Set once, when the secrets were submitted');
  });

  await knex.schema.createTable('mcp_actions_secrets', table => {
    table.comment(
      'Encrypted secrets waiting for, or remembered between, tool calls',
    );
    table
      .string('binding', 64)
      .primary()
      .notNullable()
      .comment('SHA-256 of principal and action id: one set per pair');
    table.text('principal').notNullable();
    table.text('action_id').notNullable();
    table
      .string('write_id', 64)
      .notNullable()
      .comment('New for every write, so a take deletes only what it read');
    table
      .text('sealed')
      .notNullable()
      .comment(
        'AES-256-GCM envelope; principal and action id are its associated data',
      );
    table
      .boolean('remember')
      .notNullable()
      .comment('Kept after use until expiry instead of deleted on first use');
    table
      .bigInteger('created_at')
      .notNullable()
      .comment('Milliseconds since the epoch');
    table
      .bigInteger('expires_at')
      .notNullable()
      .index()
      .comment('Milliseconds since the epoch');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('mcp_actions_secrets');
  await knex.schema.dropTable('mcp_actions_secret_requests');
};
