/**
 * One query layer (Kysely), two dialects: embedded SQLite by default, and
 * PostgreSQL for several stateless server instances on one database.
 */
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, type Migration, type MigrationProvider } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import * as m001 from './migrations/001-init';
import * as m002 from './migrations/002-admin-ledger-jobs';
import * as m003 from './migrations/003-projections';
import * as m004 from './migrations/004-stall-settings-cashiers';
import * as m005 from './migrations/005-payments';
import * as m006 from './migrations/006-recon';
import * as m007 from './migrations/007-desk-catalog';
import * as m008 from './migrations/008-tender-outcomes';
import * as m009 from './migrations/009-stall-receipt-settings';
import * as m010 from './migrations/010-enrolment';
import { GroupCommitSqliteDialect } from './group-commit';
import type { ServerSchema } from './schema';
import { cachedPrepare } from './statement-cache';

export type ServerDb = Kysely<ServerSchema>;
export type Dialect = 'sqlite' | 'postgres';

/** Explicit, ordered; never edit a shipped migration, add the next one. */
export const MIGRATIONS: Record<string, Migration> = {
  '001-init': m001,
  '002-admin-ledger-jobs': m002,
  '003-projections': m003,
  '004-stall-settings-cashiers': m004,
  '005-payments': m005,
  '006-recon': m006,
  '007-desk-catalog': m007,
  '008-tender-outcomes': m008,
  '009-stall-receipt-settings': m009,
  '010-enrolment': m010,
};

// BIGINT (OID 20) holds fen and epoch ms: read it as a number, refusing anything past 2^53.
pg.types.setTypeParser(20, (v: string) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${v} exceeds the safe-integer range`);
  return n;
});

export function openServerDb(opts: { dataDir: string; dbUrl?: string; poolMax?: number }): {
  db: ServerDb;
  dialect: Dialect;
} {
  if (opts.dbUrl?.startsWith('postgres')) {
    const pool = new pg.Pool({ connectionString: opts.dbUrl, max: opts.poolMax ?? 10 });
    // An idle client's connection dropping must not crash the process; the next query reconnects.
    pool.on('error', () => undefined);
    return { db: new Kysely<ServerSchema>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const sqlite = new Database(join(opts.dataDir, 'server.sqlite'), { timeout: 5000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  return {
    db: new Kysely<ServerSchema>({ dialect: new GroupCommitSqliteDialect(sqlite, cachedPrepare(sqlite)) }),
    dialect: 'sqlite',
  };
}

/** Migrates to the latest version, or to `target` (a migration name) — the latter for migration tests. */
export async function migrateServerDb(db: ServerDb, target?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };
  const migrator = new Migrator({ db, provider });
  const { error, results } = target ? await migrator.migrateTo(target) : await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(
      `server migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
