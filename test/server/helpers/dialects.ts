/**
 * A fresh, migrated server database per dialect, and `describeEachDialect`,
 * which runs a suite on SQLite and on PostgreSQL. Each PostgreSQL database is
 * created here with a random name and dropped here; nothing else is touched.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { migrateServerDb, openServerDb, type Dialect, type ServerDb } from '../../../src-server/db/database';
import { tempDir } from '../../helpers/temp';

export const DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];
const pgAdmin = inject('pgAdmin');
/** MT_TEST_PG_URL, or the cluster the test run started (test/setup/global.ts); '' if none started. */
export const PG_ADMIN_URL = 'url' in pgAdmin ? pgAdmin.url : '';

export interface FreshDb {
  dialect: Dialect;
  db: ServerDb;
  /** The PostgreSQL URL, or undefined for SQLite. */
  dbUrl: string | undefined;
  dataDir: string;
  /** Closes the pool and drops what was created. */
  drop(): Promise<void>;
}

async function adminQuery(text: string): Promise<void> {
  if ('error' in pgAdmin) throw new Error(`No PostgreSQL for the server suite: ${pgAdmin.error}`);
  const c = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 5000 });
  try {
    await c.connect();
  } catch (err) {
    throw new Error(
      `PostgreSQL is unreachable at ${PG_ADMIN_URL.replace(/:[^:@/]*@/, ':***@')} — the server suite needs it (see test/server/README.md): ${String(err)}`,
    );
  }
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

/** An empty database of the dialect (migrated unless `migrate: false`). */
export async function freshDb(
  dialect: Dialect,
  opts: { migrate?: boolean; poolMax?: number } = {},
): Promise<FreshDb> {
  const dataDir = tempDir(`srv-${dialect}`);
  let dbUrl: string | undefined;
  let name: string | null = null;
  if (dialect === 'postgres') {
    name = `mt_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    // Throwaway data: commits need not wait for the disk (the suite is many small transactions on a shared machine).
    await adminQuery(`ALTER DATABASE ${name} SET synchronous_commit = off`);
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
  }
  const { db } = openServerDb({ dataDir, dbUrl, poolMax: opts.poolMax });
  if (opts.migrate !== false) await migrateServerDb(db);
  return {
    dialect,
    db,
    dbUrl,
    dataDir,
    async drop() {
      await db.destroy();
      if (name) await dropDatabase(name);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Drops a throwaway database. FORCE ends our own connections to it, but an autovacuum worker busy in
 * it belongs to the server and may not be ended by this role (42501): then wait for it and try again.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } catch (err) {
      if ((err as { code?: string }).code !== '42501' || attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Runs the suite once per dialect; the suite receives the dialect name. */
export function describeEachDialect(name: string, suite: (dialect: Dialect) => void): void {
  for (const d of DIALECTS) describe(`${name} [${d}]`, () => suite(d));
}
