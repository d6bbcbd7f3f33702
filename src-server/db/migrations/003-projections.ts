/**
 * v3: projections of the terminal journal entry types of shared/journal/entries.ts:
 * sale status, discounts and rounding; tender status and buyer; refunds with
 * their tenders; voids; shifts; Z reports (day close) per terminal and day.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [col, type] of [
    ['status', 'text'],
    ['discount_fen', 'bigint'],
    ['rounding_fen', 'bigint'],
  ] as const) {
    await db.schema
      .alterTable('sale')
      .addColumn(col, type, (c) => c.notNull().defaultTo(col === 'status' ? 'completed' : 0))
      .execute();
  }
  await db.schema.alterTable('sale').addColumn('shift_id', 'text').execute();
  await db.schema
    .alterTable('sale_tender')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('paid'))
    .execute();
  await db.schema.alterTable('sale_tender').addColumn('buyer_id', 'text').execute();
  await db.schema.alterTable('sale_tender').addColumn('external_ref', 'text').execute();
  await db.schema
    .createTable('refund')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('refund_no', 'text', (c) => c.notNull())
    .addColumn('sale_id', 'text', (c) => c.notNull())
    .addColumn('terminal_id', 'text', (c) => c.notNull())
    .addColumn('stall_id', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('cashier_id', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text')
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('refund_day_stall')
    .on('refund')
    .columns(['business_day', 'stall_id'])
    .execute();
  await db.schema
    .createTable('refund_tender')
    .addColumn('refund_id', 'text', (c) => c.notNull().references('refund.id'))
    .addColumn('tender_no', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('refund_tender_pk', ['refund_id', 'tender_no'])
    .execute();
  await db.schema
    .createTable('sale_void')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('terminal_id', 'text', (c) => c.notNull())
    .addColumn('stall_id', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('cashier_id', 'text', (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('shift')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('terminal_id', 'text', (c) => c.notNull())
    .addColumn('stall_id', 'text', (c) => c.notNull())
    .addColumn('cashier_id', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('float_fen', 'bigint', (c) => c.notNull())
    .addColumn('opened_ms', 'bigint', (c) => c.notNull())
    .addColumn('closed_ms', 'bigint')
    .addColumn('counted_fen', 'bigint')
    .addColumn('expected_fen', 'bigint')
    .addColumn('over_short_fen', 'bigint')
    .execute();
  await db.schema
    .createTable('z_report')
    .addColumn('terminal_id', 'text', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('stall_id', 'text', (c) => c.notNull())
    .addColumn('cashier_id', 'text', (c) => c.notNull())
    .addColumn('report', 'text', (c) => c.notNull())
    .addColumn('closed_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('z_report_pk', ['terminal_id', 'business_day'])
    .execute();
}
