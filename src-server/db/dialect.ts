/** Which dialect a Kysely instance (or transaction) talks to, read from its adapter: no global state. */
import { PostgresAdapter } from 'kysely';

export function isPostgres(db: { getExecutor(): { readonly adapter: unknown } }): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
