/** v4: per-stall till settings (rounding 抹零, refund limit needing a manager, price override) and cashiers with PIN hashes, both served in the terminal config. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('stall')
    .addColumn('rounding', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
  await db.schema
    .alterTable('stall')
    .addColumn('refund_manager_limit_fen', 'bigint', (c) => c.notNull().defaultTo(5000))
    .execute();
  await db.schema
    .alterTable('stall')
    .addColumn('allow_price_override', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('cashier')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stall_id', 'text', (c) => c.notNull().references('stall.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('pin_hash', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .execute();
}
