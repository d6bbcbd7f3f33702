/**
 * Makes a database connection compile each SQL text once: `prepare(sql)` answers the statement it
 * compiled for the same text before (the least recently used is dropped beyond `max`, so SQL built
 * with varying row counts cannot grow the cache without bound). Preparing costs more than running
 * most of our statements (bench/payments, bench/sync-drain).
 * Safe only where no caller keeps a statement in pluck/raw/expand mode or iterates one while another
 * caller runs it: true of the simulator's code and of Kysely's SQLite driver.
 */
export function cacheStatements<S>(conn: { prepare(sql: string): S }, max = 2000): void {
  const compile = conn.prepare.bind(conn);
  const cache = new Map<string, S>();
  conn.prepare = (sql: string): S => {
    let stmt = cache.get(sql);
    if (stmt === undefined) {
      stmt = compile(sql);
      if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    } else cache.delete(sql);
    cache.set(sql, stmt);
    return stmt;
  };
}
