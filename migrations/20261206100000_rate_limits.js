/*
 * Counts of tool calls per caller and window (mcpActions.rateLimit). Held in
 * the database so that every replica counts against the same limit. The
 * columns are those the rate limiter reads and writes: `key` (the limit and
 * the caller), `points` (calls so far in the window) and `expire` (when
 * the window ends, in milliseconds since the epoch).
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('mcp_actions_rate_limits', table => {
    table.comment('Tool calls counted per caller and rate limit window');
    table.string('key', 255).primary().notNullable();
    table.integer('points').notNullable().defaultTo(0);
    table
      .bigInteger('expire')
      .nullable()
      .comment('End of the window, milliseconds since the epoch');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('mcp_actions_rate_limits');
};
