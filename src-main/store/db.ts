import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

export class DatabaseTooNewError extends Error {
  constructor(found: number, known: number) {
    super(
      `database is at version ${found} but this MarketTill knows only up to ${known}; refusing to open it (update MarketTill)`,
    );
    this.name = 'DatabaseTooNewError';
  }
}

/** Opens (creating if needed) the terminal database with the durability pragmas and migrates it. */
export function openTerminalDb(dataDir: string, file = 'terminal.sqlite'): Db {
  // The terminal's key and journal: the owner's alone.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, file), { timeout: 5000 });
  db.pragma('journal_mode = WAL');
  // A sale the cashier saw as done survives a power cut.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

export function migrate(db: Db, migrations = MIGRATIONS): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new DatabaseTooNewError(current, migrations.length);
  if (current === migrations.length) return;
  // Table rebuilds need foreign keys off (SQLite's documented procedure); they are checked before commit.
  db.pragma('foreign_keys = OFF');
  try {
    for (let v = current; v < migrations.length; v++) {
      const m = migrations[v];
      if (!m) throw new Error(`missing migration ${v + 1}`);
      db.transaction(() => {
        db.exec(m.up);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0)
          throw new Error(`migration ${v + 1} left ${broken.length} broken foreign keys`);
        db.pragma(`user_version = ${v + 1}`);
      })();
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
