/**
 * v5 (payments, issue 7): institution orders (one per sale tender), the
 * per-terminal stream of payment updates the terminals pull, every
 * notification received (kept, with what was done about it), refund orders.
 * Tables are declared in src-server/payments/schema.ts.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('payment_order')
    .addColumn('out_trade_no', 'text', (c) => c.primaryKey())
    .addColumn('institution', 'text', (c) => c.notNull())
    .addColumn('sub_mchid', 'text', (c) => c.notNull())
    .addColumn('stall_id', 'text', (c) => c.notNull())
    .addColumn('terminal_id', 'text', (c) => c.notNull())
    .addColumn('sale_id', 'text', (c) => c.notNull())
    .addColumn('tender_no', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text')
    .addColumn('channel', 'text')
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('pay_url', 'text')
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .addColumn('paid_ms', 'bigint')
    .addColumn('deadline_ms', 'bigint')
    .addColumn('next_check_ms', 'bigint')
    .addColumn('lease_until_ms', 'bigint')
    .addColumn('check_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('split_state', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('split_no', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('market_fee_fen', 'bigint')
    .addColumn('channel_fee_fen', 'bigint')
    .addColumn('refunded_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('payment_order_sale')
    .on('payment_order')
    .columns(['sale_id', 'tender_no'])
    .unique()
    .execute();
  await db.schema.createIndex('payment_order_due').on('payment_order').columns(['next_check_ms']).execute();
  await db.schema
    .createTable('payment_event')
    .addColumn('terminal_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('out_trade_no', 'text', (c) => c.notNull())
    .addColumn('sale_id', 'text', (c) => c.notNull())
    .addColumn('tender_no', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('external_ref', 'text')
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('payment_event_pk', ['terminal_id', 'seq'])
    .execute();
  await db.schema
    .createTable('payment_notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text')
    .addColumn('event_type', 'text')
    .addColumn('out_trade_no', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('received_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('payment_notification_event')
    .on('payment_notification')
    .columns(['event_id'])
    .execute();
  await db.schema
    .createTable('payment_refund')
    .addColumn('out_refund_no', 'text', (c) => c.primaryKey())
    .addColumn('out_trade_no', 'text', (c) => c.notNull())
    .addColumn('refund_id', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('return_fen', 'bigint', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .addColumn('updated_ms', 'bigint', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('payment_refund_order')
    .on('payment_refund')
    .columns(['out_trade_no'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['payment_refund', 'payment_notification', 'payment_event', 'payment_order'])
    await db.schema.dropTable(t).execute();
}
