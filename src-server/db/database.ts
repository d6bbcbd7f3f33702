/**
 * One query layer (Kysely), two dialects: embedded SQLite by default, and
 * PostgreSQL for several stateless server instances on one database.
 */
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import * as m001 from './migrations/001-init';
import type { ServerSchema } from './schema';

export type ServerDb = Kysely<ServerSchema>;
export type Dialect = 'sqlite' | 'postgres';

const MIGRATIONS: Record<string, Migration> = { '001-init': m001 };

// BIGINT (OID 20) holds fen and epoch ms: read it as a number, refusing anything past 2^53.
pg.types.setTypeParser(20, (v: string) => {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${v} exceeds the safe-integer range`);
  return n;
});

export function openServerDb(opts: { dataDir: string; dbUrl?: string }): { db: ServerDb; dialect: Dialect } {
  if (opts.dbUrl?.startsWith('postgres')) {
    const pool = new pg.Pool({ connectionString: opts.dbUrl, max: 10 });
    return { db: new Kysely<ServerSchema>({ dialect: new PostgresDialect({ pool }) }), dialect: 'postgres' };
  }
  mkdirSync(opts.dataDir, { recursive: true });
  const sqlite = new Database(join(opts.dataDir, 'server.sqlite'), { timeout: 5000 });
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  return { db: new Kysely<ServerSchema>({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: 'sqlite' };
}

export async function migrateServerDb(db: ServerDb): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`server migration ${failed?.migrationName ?? '?'} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
