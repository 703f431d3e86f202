import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/**
 * Helpers shared by the benchmark and the scripts under scripts/: servers
 * run in child processes that report `{ type: 'ready' }` or
 * `{ type: 'failed', message }` over IPC once started.
 */

/** A port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * The peer is installed under the alias `peer-mcp-actions-backend`, but reads
 * its own package.json by its real name, which resolves to nothing here (that
 * name is this package). A NODE_PATH holding just that name, linked to the
 * alias, lets it find itself; only the peer's process gets it. Returns that
 * folder, made under `workDir` on first use.
 */
export function peerSelfResolution(workDir: string): string {
  const dir = path.join(workDir, 'peer-node-path');
  const link = path.join(dir, '@backstage', 'plugin-mcp-actions-backend');
  if (!fs.existsSync(link)) {
    fs.mkdirSync(path.dirname(link), { recursive: true });
    const peer = path.dirname(
      require.resolve('peer-mcp-actions-backend/package.json'),
    );
    fs.symlinkSync(fs.realpathSync(peer), link, 'dir');
  }
  return dir;
}

/** The last lines of a log file, for error messages. */
export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Resolves when the child says it is ready; rejects if it fails or exits. */
export function waitForReady(
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(new Error(`did not start within ${timeoutMs} ms`)),
      timeoutMs,
    );
    function done() {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    }
    function fail(error: Error) {
      done();
      reject(error);
    }
    function onMessage(message: { type?: string; message?: string }) {
      if (message?.type === 'ready') {
        done();
        resolve();
      } else if (message?.type === 'failed') {
        fail(new Error(`failed to start: ${message.message}`));
      }
    }
    function onExit(code: number | null, signal: string | null) {
      fail(
        new Error(`exited during start-up (code ${code}, signal ${signal})`),
      );
    }
    child.on('message', onMessage);
    child.on('exit', onExit);
  });
}

/** Stops a child: SIGTERM, then SIGKILL if it is still there after 3 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return;
  }
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
