/*
 * Tasks of the MCP Tasks extension (2026-07-28): a tools/call that outlives
 * its HTTP request. Held in the database because `tasks/get` and
 * `tasks/cancel` may reach any replica, and a replica that dies must leave
 * its tasks visibly failed rather than working forever.
 */

// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('mcp_actions_tasks', table => {
    table.comment('Tool calls running, or finished and kept for their TTL');
    table
      .string('task_id', 64)
      .primary()
      .notNullable()
      .comment('Random identifier handed to the client');
    table
      .text('principal')
      .notNullable()
      .comment('The caller that created the task; no one else can see it');
    table.string('server_key', 255).notNullable();
    table.text('tool_name').notNullable();
    table
      .string('status', 32)
      .notNullable()
      .comment('working, completed, failed or cancelled');
    table.text('status_message').nullable();
    table
      .text('result')
      .nullable()
      .comment('JSON of the final CallToolResult, once completed');
    table
      .text('error')
      .nullable()
      .comment('JSON of the JSON-RPC error, once failed');
    table
      .bigInteger('created_at')
      .notNullable()
      .comment('Milliseconds since the epoch');
    table
      .bigInteger('last_updated_at')
      .notNullable()
      .comment('Milliseconds since the epoch');
    table
      .bigInteger('ttl_ms')
      .nullable()
      .comment('Retention from creation; null means unlimited');
    table.integer('poll_interval_ms').nullable();
    table
      .bigInteger('expires_at')
      .nullable()
      .index()
      .comment('created_at + ttl_ms, milliseconds since the epoch');
    table
      .string('owner_instance', 255)
      .notNullable()
      .comment('The backend process running the call');
    table
      .bigInteger('heartbeat_at')
      .notNullable()
      .comment('Last sign of life from owner_instance, ms since the epoch');
    table.index(['owner_instance', 'status'], 'mcp_actions_tasks_owner_idx');
    table.index(['status', 'heartbeat_at'], 'mcp_actions_tasks_heartbeat_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('mcp_actions_tasks');
};
