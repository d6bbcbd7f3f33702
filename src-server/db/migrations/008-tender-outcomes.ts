/**
 * v8: tender outcomes (shared/sales/outcome.ts) on the server's projection.
 * A sale tender keeps the wallet that paid it and the institution's reason
 * for a failure, reversal or close; a terminal's business day may be closed
 * more than once (Z periods 1, 2, …), each period's Z report kept.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sale_tender').addColumn('wallet', 'text').execute();
  await db.schema.alterTable('sale_tender').addColumn('reason', 'text').execute();
  await db.schema
    .createTable('z_period')
    .addColumn('terminal_id', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('z_no', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('stall_id', 'text', (c) => c.notNull())
    .addColumn('cashier_id', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('closed_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('z_period_pk', ['terminal_id', 'business_day', 'z_no'])
    .execute();
  await sql`INSERT INTO z_period (terminal_id, business_day, z_no, stall_id, cashier_id, report, closed_ms) SELECT terminal_id, business_day, 1, stall_id, cashier_id, report, closed_ms FROM z_report`.execute(
    db,
  );
  await db.schema.dropTable('z_report').execute();
  await db.schema.alterTable('z_period').renameTo('z_report').execute();
}
