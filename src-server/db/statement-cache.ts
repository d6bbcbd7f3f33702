/**
 * A prepared-statement cache between Kysely and better-sqlite3. Kysely's SQLite
 * driver prepares every query it runs; preparing is a full SQL compile (for a
 * multi-row insert, thousands of placeholders) and on the sync path it cost as
 * much as running the statements. The same SQL text now gets the same
 * statement back; the cache is bounded and drops the least recently used.
 */
import type Database from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Distinct SQL texts kept prepared: the server's queries number in the low hundreds. */
export const STATEMENT_CACHE_MAX = 500;

export function cachingStatements(db: Database.Database, max = STATEMENT_CACHE_MAX): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => db.close(),
    prepare(sql: string) {
      const hit = cache.get(sql);
      // A statement mid-iteration cannot run again until it finishes: give that caller a fresh one.
      if (hit && !hit.busy) {
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = db.prepare(sql);
      if (hit) return stmt;
      cache.set(sql, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value as string);
      return stmt;
    },
  };
}
