/**
 * Prepared statements for the server's SQLite connection, one per SQL text (shared/lru-memo,
 * bounded). Kysely's SQLite driver would prepare every query it runs; preparing is a full SQL
 * compile (for a multi-row insert, thousands of placeholders) and on the sync path it cost as much
 * as running the statements.
 */
import type Database from 'better-sqlite3';
import { lruMemo } from '../../shared/lru-memo';

/** Distinct SQL texts kept prepared: the server's queries number in the low hundreds. */
export const STATEMENT_CACHE_MAX = 500;

export function cachedPrepare(
  db: Database.Database,
  max = STATEMENT_CACHE_MAX,
): (sql: string) => Database.Statement {
  const kept = lruMemo((sql) => db.prepare(sql), max);
  return (sql) => {
    const stmt = kept(sql);
    // A statement mid-iteration cannot run again until it finishes: give that caller a fresh one.
    return stmt.busy ? db.prepare(sql) : stmt;
  };
}
