/**
 * The sale in progress (the cart being rung), held by the core so that a reload of the till page or a
 * restart of its window resumes it exactly: its lines, its buyer and the client-made sale id it will be
 * completed under. The renderer replaces it whole on every change; completing, parking or voiding the sale
 * drops it in the same transaction. Not journaled: nothing happened to the books until the sale commits.
 */
import { CodedError } from '../../shared/contract/envelope';
import { getBuyer } from '../buyers/buyer-store';
import type { Cashier } from '../cashiers/cashier-store';
import type { Db } from '../store/db';
import { stmt, tx } from '../store/sql';
import { getTillSettings } from '../store/till-settings';
import { priceCart, type CartInput } from './cart-input';
import { getSale } from './sale-store';

export interface CurrentSale extends CartInput {
  sale_id: string;
  buyer_id: string | null;
  updated_ms: number;
}

/** The table's row, as the schema has it (migration 005). */
interface CurrentSaleRow {
  sale_id: string;
  cashier_id: string;
  cart: string;
  buyer_id: string | null;
  opened_ms: number;
  updated_ms: number;
}

const fromRow = (r: CurrentSaleRow): CurrentSale => {
  const cart = JSON.parse(r.cart) as CartInput;
  return { ...cart, sale_id: r.sale_id, buyer_id: r.buyer_id, updated_ms: r.updated_ms };
};

export function getCurrentSale(db: Db): CurrentSale | null {
  const row = stmt(db, 'SELECT * FROM current_sale').get() as CurrentSaleRow | undefined;
  return row ? fromRow(row) : null;
}

/** Drops the sale in progress named `saleId` (it was completed, parked or voided); call inside that change's transaction. */
export function dropCurrentSale(db: Db, saleId: string | undefined): void {
  if (saleId) stmt(db, 'DELETE FROM current_sale WHERE sale_id = ?').run(saleId);
}

/**
 * Replaces the sale in progress with this one (priced by the core's rules, refused whole when they refuse);
 * no line drops it. A sale id already committed is refused: a change that arrives after the commit must
 * not bring the sale back.
 */
export function setCurrentSale(
  db: Db,
  cashier: Cashier,
  sale: Omit<CurrentSale, 'updated_ms'>,
  nowMs: number,
): { sale_id: string; total_fen: number } {
  if (getSale(db, sale.sale_id))
    throw new CodedError('conflict', `sale ${sale.sale_id} is already completed: open a new sale`);
  if (sale.buyer_id && !getBuyer(db, sale.buyer_id))
    throw new CodedError('not_found', `buyer ${sale.buyer_id} is not known at this stall`);
  const { lines, sale_discount_fen, round_off_id } = sale;
  const cart: CartInput = {
    lines,
    sale_discount_fen,
    ...(round_off_id === undefined ? {} : { round_off_id }),
  };
  const total =
    cart.lines.length === 0 ? 0 : priceCart(db, cart, getTillSettings(db).rounding).priced.total_fen;
  tx(db, () => {
    if (cart.lines.length === 0) stmt(db, 'DELETE FROM current_sale').run();
    else writeCurrentSale(db, cashier, sale.sale_id, cart, sale.buyer_id, nowMs);
  });
  return { sale_id: sale.sale_id, total_fen: total };
}

/**
 * Makes this cart the one sale in progress (another id replaces it) — a parked cart resumed under the
 * client's new sale id, inside the resume's transaction.
 */
export function writeCurrentSale(
  db: Db,
  cashier: Cashier,
  saleId: string,
  cart: CartInput,
  buyerId: string | null,
  nowMs: number,
): void {
  stmt(db, 'DELETE FROM current_sale WHERE sale_id <> ?').run(saleId);
  stmt(
    db,
    `INSERT INTO current_sale (sale_id, cashier_id, cart, buyer_id, opened_ms, updated_ms)
     VALUES (@sale_id, @cashier_id, @cart, @buyer_id, @now, @now)
     ON CONFLICT (sale_id) DO UPDATE SET cashier_id = excluded.cashier_id, cart = excluded.cart,
       buyer_id = excluded.buyer_id, updated_ms = excluded.updated_ms`,
  ).run({
    sale_id: saleId,
    cashier_id: cashier.id,
    cart: JSON.stringify(cart),
    buyer_id: buyerId,
    now: nowMs,
  });
}
