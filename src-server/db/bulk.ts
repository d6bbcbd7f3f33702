/**
 * Multi-row inserts for the bulk paths (sync ingest), on both dialects. The SQL
 * is written here rather than built by Kysely, whose per-value parsing and
 * compiling cost more than SQLite's execution for thousands of rows. Rows go in
 * chunks of a few fixed sizes (CHUNK_ROWS, then halves for the rest), so each
 * (table, columns, size) is one SQL text that SQLite prepares once
 * (db/statement-cache.ts); chunks stay under both dialects' bound-parameter
 * limits (SQLite 32,766; PostgreSQL 65,535).
 */
import { CompiledQuery, type Insertable } from 'kysely';
import type { ServerDb } from './database';
import { isPostgres } from './dialect';
import type { ServerSchema } from './schema';

const MAX_PARAMS = 30_000;
/** Rows per statement, and sales per SaleBatch flush: on the sync drain 512 took less CPU than 128 (fewer statements and flushes). */
export const CHUNK_ROWS = 512;
/** Bound on the remembered SQL texts (a handful of sizes per table). */
const MAX_SQL_TEXTS = 256;

const sqlTexts = new Map<string, string>();

function insertSql(
  table: string,
  cols: readonly string[],
  rows: number,
  postgres: boolean,
  ignoreConflictOn: string | undefined,
): string {
  const key = `${postgres ? 'pg' : 'lite'}|${table}|${cols.join(',')}|${rows}|${ignoreConflictOn ?? ''}`;
  const known = sqlTexts.get(key);
  if (known) return known;
  let p = 0;
  const tuple = () => `(${cols.map(() => (postgres ? `$${++p}` : '?')).join(', ')})`;
  const values = Array.from({ length: rows }, tuple).join(', ');
  const conflict = ignoreConflictOn ? ` ON CONFLICT ("${ignoreConflictOn}") DO NOTHING` : '';
  const text = `INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES ${values}${conflict}`;
  if (sqlTexts.size >= MAX_SQL_TEXTS) sqlTexts.clear();
  sqlTexts.set(key, text);
  return text;
}

/** Inserts rows that all have the first row's columns (a missing or undefined value is NULL). */
export async function insertChunked<T extends keyof ServerSchema & string>(
  db: ServerDb,
  table: T,
  rows: Insertable<ServerSchema[T]>[],
  opts: { ignoreConflictOn?: string } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0] as object);
  if (cols.length === 0) throw new Error(`insert into ${table} without columns`);
  const postgres = isPostgres(db);
  const most = Math.min(CHUNK_ROWS, Math.floor(MAX_PARAMS / cols.length));
  for (let i = 0; i < rows.length;) {
    let n = most;
    while (n > rows.length - i) n = Math.ceil(n / 2);
    const params: unknown[] = new Array(n * cols.length);
    let k = 0;
    for (let r = i; r < i + n; r++) {
      const row = rows[r] as Record<string, unknown>;
      for (const c of cols) params[k++] = row[c] ?? null;
    }
    await db.executeQuery(
      CompiledQuery.raw(insertSql(table, cols, n, postgres, opts.ignoreConflictOn), params),
    );
    i += n;
  }
}
