import { lruMemo } from './lru-memo';

/**
 * Makes a database connection compile each SQL text once: `prepare(sql)` answers the statement it
 * compiled for the same text before (the least recently used is dropped beyond `max`, so SQL built
 * with varying row counts cannot grow the cache without bound). Preparing costs more than running
 * most of our statements (bench/payments).
 * Safe only where no caller keeps a statement in pluck/raw/expand mode or iterates one while another
 * caller runs it: true of the simulator's code.
 */
export function cacheStatements<S>(conn: { prepare(sql: string): S }, max = 2000): void {
  conn.prepare = lruMemo(conn.prepare.bind(conn), max);
}
