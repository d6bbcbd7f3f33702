/**
 * v9: the rest of a stall's till settings (shared/stall-settings.ts): how far
 * below the list price an override may go, the receipt's header and footer,
 * the stall's number and phone printed on it, and the payment-code wait
 * (null: the market's default).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const stall = () => db.schema.alterTable('stall');
  await stall()
    .addColumn('price_override_floor_pct', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await stall().addColumn('receipt_header', 'text').execute();
  await stall()
    .addColumn('receipt_footer', 'text', (c) => c.defaultTo('谢谢惠顾'))
    .execute();
  await stall().addColumn('stall_no', 'text').execute();
  await stall().addColumn('stall_phone', 'text').execute();
  await stall().addColumn('code_pay_timeout_s', 'integer').execute();
}
