/** Which dialect a Kysely instance (or transaction) talks to, read from its adapter: no global state. */
import { PostgresAdapter, type Kysely } from 'kysely';

export function isPostgres<T>(db: Kysely<T>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
