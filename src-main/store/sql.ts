/**
 * Prepared statements and transactions, cached per connection: preparing SQL
 * and wrapping a transaction function cost more than the commit's CPU work
 * (measured by bench/sale-commit), so each is done once per database.
 */
import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

const statements = new WeakMap<Db, Map<string, Statement>>();
const runners = new WeakMap<Db, (fn: () => unknown) => unknown>();

export function stmt(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}

/** Runs fn in a transaction (a savepoint when nested), committing when it returns and rolling back when it throws. */
export function tx<T>(db: Db, fn: () => T): T {
  let run = runners.get(db);
  if (!run) runners.set(db, (run = db.transaction((f: () => unknown) => f())));
  return run(fn) as T;
}
