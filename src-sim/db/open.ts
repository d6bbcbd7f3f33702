import Database from 'better-sqlite3';
import { cacheStatements } from '../../shared/statement-cache';
import { MIGRATIONS } from './migrations';

export type SimDb = Database.Database;

/** Opens (creating if needed) the simulator database and brings it to the current schema. */
export function openDb(file: string): SimDb {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  // Its background loop runs every few ms under a time scale, and every call site prepares inline.
  cacheStatements(db);
  return db;
}

export function migrate(db: SimDb): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > MIGRATIONS.length) {
    throw new Error(
      `sim database is at schema ${current}, newer than this simulator (${MIGRATIONS.length}); refusing to open`,
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    const step = MIGRATIONS[v];
    if (step === undefined) throw new Error(`missing migration ${v + 1}`);
    db.transaction(() => {
      db.exec(step);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export function getMeta(db: SimDb, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: SimDb, key: string, value: string): void {
  db.prepare(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, value);
}
