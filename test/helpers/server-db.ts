/**
 * Writes to a running server's SQLite file from a test, as staff would through a console. The
 * server commits in groups (src-server/db/group-commit.ts) and may hold the write lock until the
 * end of its event-loop turn, which runs in this very process: a synchronous busy wait here would
 * wait for itself. So the lock is polled without blocking.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';

const LOCK_WAIT_MS = 5_000;

export async function writeServerDb<T>(serverDir: string, fn: (db: Database.Database) => T): Promise<T> {
  const db = new Database(join(serverDir, 'server.sqlite'), { timeout: 0 });
  try {
    for (const started = Date.now(); ; await new Promise((r) => setTimeout(r, 2))) {
      try {
        return db.transaction(() => fn(db)).immediate();
      } catch (err) {
        if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() - started > LOCK_WAIT_MS)
          throw err;
      }
    }
  } finally {
    db.close();
  }
}
