/** v1: market, stalls, catalog, terminals and pairing, staff, the journal store and sale projections. Runs on SQLite and PostgreSQL. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('market')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('day_cutoff_hour', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('stall')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('market_id', 'text', (c) => c.notNull().references('market.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sub_mchid', 'text')
    .addColumn('settlement_account', 'text')
    .execute();
  await db.schema
    .createTable('product')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stall_id', 'text', (c) => c.notNull().references('stall.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_price_fen', 'bigint', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('terminal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('stall_id', 'text', (c) => c.notNull().references('stall.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('public_key_pem', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('pairing_code')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('terminal_id', 'text', (c) => c.notNull().references('terminal.id'))
    .addColumn('expires_ms', 'bigint', (c) => c.notNull())
    .addColumn('used_ms', 'bigint')
    .execute();
  await db.schema
    .createTable('staff_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('stall_id', 'text', (c) => c.references('stall.id'))
    .execute();
  await db.schema
    .createTable('request_nonce')
    .addColumn('terminal_id', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('seen_ms', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_nonce_pk', ['terminal_id', 'nonce'])
    .execute();
  await db.schema
    .createTable('journal_entry')
    .addColumn('terminal_id', 'text', (c) => c.notNull().references('terminal.id'))
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('received_ms', 'bigint', (c) => c.notNull())
    .addColumn('flag', 'text')
    .addPrimaryKeyConstraint('journal_entry_pk', ['terminal_id', 'seq'])
    .execute();
  await db.schema
    .createTable('sync_flag')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('terminal_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('created_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('sale')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('terminal_id', 'text', (c) => c.notNull().references('terminal.id'))
    .addColumn('stall_id', 'text', (c) => c.notNull().references('stall.id'))
    .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('cashier', 'text', (c) => c.notNull())
    .addColumn('at_ms', 'bigint', (c) => c.notNull())
    .addColumn('received_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sale_day_stall').on('sale').columns(['business_day', 'stall_id']).execute();
  await db.schema
    .createTable('sale_line')
    .addColumn('sale_id', 'text', (c) => c.notNull().references('sale.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('quantity', 'bigint', (c) => c.notNull())
    .addColumn('unit_price_fen', 'bigint', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sale_line_pk', ['sale_id', 'line_no'])
    .execute();
  await db.schema
    .createTable('sale_tender')
    .addColumn('sale_id', 'text', (c) => c.notNull().references('sale.id'))
    .addColumn('tender_no', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('tendered_fen', 'bigint', (c) => c.notNull())
    .addColumn('change_fen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('sale_tender_pk', ['sale_id', 'tender_no'])
    .execute();
}
