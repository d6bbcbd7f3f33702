/** Multi-row inserts in chunks that stay under both dialects' bound-parameter limits (SQLite 32,766; PostgreSQL 65,535). */
import type { Insertable } from 'kysely';
import type { ServerDb } from './database';
import type { ServerSchema } from './schema';

const MAX_PARAMS = 30_000;

export async function insertChunked<T extends keyof ServerSchema & string>(db: ServerDb, table: T, rows: Insertable<ServerSchema[T]>[], opts: { ignoreConflictOn?: string } = {}): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0] as object).length || 1;
  const per = Math.max(1, Math.floor(MAX_PARAMS / cols));
  for (let i = 0; i < rows.length; i += per) {
    const q = db.insertInto(table).values(rows.slice(i, i + per));
    const conflict = opts.ignoreConflictOn;
    await (conflict ? q.onConflict((oc) => oc.column(conflict as never).doNothing()) : q).execute();
  }
}
