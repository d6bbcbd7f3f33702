/**
 * Parking (挂单) keeps an unfinished cart to serve the next buyer; resuming
 * brings it back. Voiding drops an open cart but records it (Z report voids).
 */
import { newId } from '../ids';
import { CodedError } from '../../shared/contract/envelope';
import { getBuyer } from '../buyers/buyer-store';
import type { Cashier } from '../cashiers/cashier-store';
import { appendJournal } from '../journal/journal';
import type { Db } from '../store/db';
import { getTillSettings } from '../store/till-settings';
import type { TerminalIdentity } from '../sync/identity';
import { openBusinessDay } from './business-day';
import { priceCart, type CartInput } from './cart-input';
import { dropCurrentSale, writeCurrentSale } from './current-sale';
import { stmt, tx } from '../store/sql';

export const MAX_PARKED = 20;

export interface ParkedSale {
  id: string;
  cashier_id: string;
  cart: CartInput;
  /** what the cashier called it (a buyer's name, a truck's plate number); may be empty */
  label: string;
  buyer_id: string | null;
  line_count: number;
  total_fen: number;
  parked_ms: number;
}

/** What a parked sale is called and whose it is, and the sale in progress it takes away. */
export interface ParkAs {
  label: string;
  buyer_id: string | null;
  sale_id?: string;
}

export function parkSale(db: Db, cashier: Cashier, cart: CartInput, as: ParkAs, nowMs: number): ParkedSale {
  const { priced } = priceCart(db, cart, getTillSettings(db).rounding);
  if (as.buyer_id && !getBuyer(db, as.buyer_id))
    throw new CodedError('not_found', `buyer ${as.buyer_id} is not known at this stall`);
  return tx(db, (): ParkedSale => {
    const n = (stmt(db, 'SELECT COUNT(*) AS n FROM parked_sale').get() as { n: number }).n;
    if (n >= MAX_PARKED)
      throw new CodedError('conflict', `at most ${MAX_PARKED} parked sales: resume or void one first`);
    const p: ParkedSale = {
      id: newId(nowMs),
      cashier_id: cashier.id,
      cart,
      label: as.label,
      buyer_id: as.buyer_id,
      line_count: cart.lines.length,
      total_fen: priced.total_fen,
      parked_ms: nowMs,
    };
    stmt(
      db,
      'INSERT INTO parked_sale (id, cashier_id, cart, label, buyer_id, line_count, total_fen, parked_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(p.id, p.cashier_id, JSON.stringify(cart), p.label, p.buyer_id, p.line_count, p.total_fen, nowMs);
    dropCurrentSale(db, as.sale_id);
    appendJournal(
      db,
      'sale.parked',
      { parked_id: p.id, cashier_id: cashier.id, line_count: p.line_count, total_fen: p.total_fen },
      nowMs,
    );
    return p;
  });
}

/** Parked sales, oldest first, with the buyer's name when one was given. */
export function listParked(db: Db): (ParkedSale & { buyer_name: string | null })[] {
  return (
    stmt(
      db,
      'SELECT p.*, b.name AS buyer_name FROM parked_sale p LEFT JOIN buyer b ON b.id = p.buyer_id ORDER BY p.parked_ms',
    ).all() as (Omit<ParkedSale, 'cart'> & { cart: string; buyer_name: string | null })[]
  ).map((r) => ({ ...r, cart: JSON.parse(r.cart) as CartInput }));
}

/** Takes a parked sale back; with `saleId` (the client's new sale id) it becomes the sale in progress. */
export function resumeParked(
  db: Db,
  cashier: Cashier,
  parkedId: string,
  saleId: string | undefined,
  nowMs: number,
): ParkedSale {
  return tx(db, (): ParkedSale => {
    const p = listParked(db).find((x) => x.id === parkedId);
    if (!p) throw new CodedError('not_found', 'that parked sale is gone (resumed or voided already)');
    stmt(db, 'DELETE FROM parked_sale WHERE id = ?').run(parkedId);
    if (saleId) writeCurrentSale(db, cashier, saleId, p.cart, p.buyer_id, nowMs);
    appendJournal(db, 'sale.resumed', { parked_id: parkedId, cashier_id: cashier.id }, nowMs);
    return p;
  });
}

export function voidOpenSale(
  db: Db,
  who: TerminalIdentity,
  cashier: Cashier,
  cart: CartInput,
  reason: string,
  nowMs: number,
  saleId?: string,
): { void_id: string } {
  const { priced } = priceCart(db, cart, getTillSettings(db).rounding);
  return tx(db, () => {
    const id = newId(nowMs);
    const day = openBusinessDay(db, who, nowMs);
    stmt(
      db,
      'INSERT INTO voided_sale (id, business_day, cashier_id, line_count, total_fen, reason, voided_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ).run(id, day, cashier.id, cart.lines.length, priced.total_fen, reason, nowMs);
    appendJournal(
      db,
      'sale.voided',
      {
        void_id: id,
        business_day: day,
        cashier_id: cashier.id,
        line_count: cart.lines.length,
        total_fen: priced.total_fen,
        reason,
      },
      nowMs,
    );
    dropCurrentSale(db, saleId);
    return { void_id: id };
  });
}
