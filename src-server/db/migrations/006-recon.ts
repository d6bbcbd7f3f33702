/**
 * v6 (reconciliation and the staff web, issue 10): reconciliation runs per
 * bill day, the differences queue with who resolved what, the institution's
 * per-merchant totals from each bill (settlement reports), and staff
 * confirmation of business days. Tables are declared in src-server/recon/schema.ts.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recon_run')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bill_date', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('rows', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('matched', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('matched_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('differences', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('auto_resolved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sha1', 'text')
    .addColumn('error', 'text')
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('started_ms', 'bigint', (c) => c.notNull())
    .addColumn('finished_ms', 'bigint')
    .execute();
  await db.schema.createIndex('recon_run_day').on('recon_run').columns(['bill_date', 'started_ms']).execute();
  await db.schema
    .createTable('recon_item')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bill_date', 'text', (c) => c.notNull())
    .addColumn('run_id', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('record', 'text', (c) => c.notNull())
    .addColumn('out_trade_no', 'text', (c) => c.notNull())
    .addColumn('out_refund_no', 'text')
    .addColumn('stall_id', 'text')
    .addColumn('sub_mchid', 'text', (c) => c.notNull())
    .addColumn('inst_amount_fen', 'bigint')
    .addColumn('plat_amount_fen', 'bigint')
    .addColumn('inst_state', 'text')
    .addColumn('plat_state', 'text')
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('suggestion', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_ms', 'bigint')
    .addColumn('note', 'text')
    .addColumn('ledger_ref', 'text')
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recon_item_day').on('recon_item').columns(['bill_date', 'status']).execute();
  await db.schema
    .createTable('recon_merchant_day')
    .addColumn('bill_date', 'text', (c) => c.notNull())
    .addColumn('sub_mchid', 'text', (c) => c.notNull())
    .addColumn('pays', 'integer', (c) => c.notNull())
    .addColumn('gross_fen', 'bigint', (c) => c.notNull())
    .addColumn('refunds', 'integer', (c) => c.notNull())
    .addColumn('refund_fen', 'bigint', (c) => c.notNull())
    .addColumn('fee_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('recon_merchant_day_pk', ['bill_date', 'sub_mchid'])
    .execute();
  await db.schema
    .createTable('day_confirmation')
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('stall_id', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.notNull())
    .addColumn('confirmed_ms', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('day_confirmation_pk', ['business_day', 'stall_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['day_confirmation', 'recon_merchant_day', 'recon_item', 'recon_run'])
    await db.schema.dropTable(t).execute();
}
