/**
 * v7 (the market's desk, issue 16): a product's EAN and the pinyin initials
 * derived from its name; the history of every price a stall set (the board's
 * saves, one row per product changed); market-wide catalog templates a stall
 * copies from. Tables are declared in src-server/catalog/schema.ts.
 */
import { sql, type Kysely } from 'kysely';
import { initialsOf } from '../../../shared/pinyin';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('product').addColumn('ean', 'text').execute();
  await db.schema
    .alterTable('product')
    .addColumn('pinyin', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('product_stall_ean').on('product').columns(['stall_id', 'ean']).execute();
  await db.schema
    .createTable('product_price')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('product.id'))
    .addColumn('stall_id', 'text', (c) => c.notNull())
    .addColumn('unit_price_fen', 'bigint', (c) => c.notNull())
    .addColumn('prev_price_fen', 'bigint')
    .addColumn('changed_ms', 'bigint', (c) => c.notNull())
    .addColumn('changed_by', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('product_price_product')
    .on('product_price')
    .columns(['product_id', 'changed_ms'])
    .execute();
  await db.schema
    .createTable('catalog_template')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('unit_price_fen', 'bigint', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ean', 'text')
    .execute();
  const rows = await sql<{ id: string; name: string }>`select id, name from product`.execute(db);
  for (const r of rows.rows)
    await sql`update product set pinyin = ${initialsOf(r.name)} where id = ${r.id}`.execute(db);
}
