/**
 * 议价 and ad-hoc 抹零 at the till (shared/sales/bargain.ts has the rule): price-override approves one change and
 * journals who did it, who allowed it and why; the sale that uses it takes it (once), and its receipt shows the
 * list price beside the bargained one.
 */
import { CodedError } from '../../shared/contract/envelope';
import type { tillContract } from '../../shared/contract/till';
import { lineCutFen, lineNeedsManager, roundOffNeedsManager } from '../../shared/sales/bargain';
import type { LineEntry, PricedProduct } from '../../shared/sales/cart';
import type { z } from 'zod';
import { findByPin, type Cashier } from '../cashiers/cashier-store';
import { getProducts } from '../catalog/catalog-store';
import { newId } from '../ids';
import { appendJournal } from '../journal/journal';
import type { Db } from '../store/db';
import { stmt, tx } from '../store/sql';
import { getTillSettings } from '../store/till-settings';

export type BargainInput = z.output<(typeof tillContract)['price-override']['input']>;

interface BargainRow {
  id: string;
  kind: 'line' | 'round_off';
  product_id: string | null;
  entry: string | null;
  list_price_fen: number | null;
  unit_price_fen: number | null;
  total_before_fen: number | null;
  cut_fen: number;
  sale_id: string | null;
}

/** The entry as stored and compared: the same quantity always gives the same text. */
const entryKey = (e: LineEntry): string =>
  e.kind === 'weight'
    ? JSON.stringify([e.kind, e.gross_g, e.tare_g])
    : JSON.stringify([e.kind, e.kind === 'count' ? e.count : e.amount_fen]);

/** Who allows a change taking cutFen off: nobody else within the stall's rule, else a manager (by PIN, or signed in). */
function approver(
  cashier: Cashier,
  db: Db,
  beyondRule: boolean,
  cutFen: number,
  managerPin: string | undefined,
): string | null {
  if (cashier.role === 'manager') return cashier.id;
  if (!beyondRule) return null;
  if (managerPin === undefined)
    throw new CodedError(
      'manager_required',
      `taking ${cutFen} fen off is beyond what this stall lets a cashier do: a manager's PIN approves it`,
    );
  const manager = findByPin(db, managerPin, 'manager');
  if (!manager) throw new CodedError('wrong_pin', 'that PIN is not a manager’s');
  return manager.id;
}

export function approveBargain(
  db: Db,
  cashier: Cashier,
  input: BargainInput,
  nowMs: number,
): { override_id: string; cut_fen: number; approved_by: string | null } {
  const { change } = input;
  let row: Omit<BargainRow, 'id' | 'sale_id'>;
  let beyondRule: boolean;
  if (change.kind === 'line') {
    const product = getProducts(db, [change.product_id]).get(change.product_id);
    if (!product) throw new CodedError('not_found', `product ${change.product_id} is not in the catalog`);
    if (change.entry.kind === 'amount')
      throw new CodedError(
        'invalid_cart',
        'a typed-amount line has no unit price to bargain: type the amount',
      );
    if (change.unit_price_fen === product.unit_price_fen)
      throw new CodedError('invalid_cart', 'the bargained price is the list price');
    row = {
      kind: 'line',
      product_id: product.id,
      entry: entryKey(change.entry),
      list_price_fen: product.unit_price_fen,
      unit_price_fen: change.unit_price_fen,
      total_before_fen: null,
      cut_fen: lineCutFen(product, change.entry, change.unit_price_fen),
    };
    beyondRule = lineNeedsManager(product.unit_price_fen, change.unit_price_fen, getTillSettings(db));
  } else {
    if (change.amount_fen >= change.total_before_fen)
      throw new CodedError('invalid_cart', '抹零 must leave something to pay: void the sale instead');
    row = {
      kind: 'round_off',
      product_id: null,
      entry: null,
      list_price_fen: null,
      unit_price_fen: null,
      total_before_fen: change.total_before_fen,
      cut_fen: change.amount_fen,
    };
    beyondRule = roundOffNeedsManager(change.total_before_fen, change.amount_fen);
  }
  const approvedBy = approver(cashier, db, beyondRule, row.cut_fen, input.manager_pin);
  const id = newId(nowMs);
  tx(db, () => {
    stmt(
      db,
      `INSERT INTO bargain (id, kind, product_id, entry, list_price_fen, unit_price_fen, total_before_fen, cut_fen, reason, cashier_id, approved_by, created_ms)
       VALUES (@id, @kind, @product_id, @entry, @list_price_fen, @unit_price_fen, @total_before_fen, @cut_fen, @reason, @cashier_id, @approved_by, @created_ms)`,
    ).run({
      ...row,
      id,
      reason: input.reason,
      cashier_id: cashier.id,
      approved_by: approvedBy,
      created_ms: nowMs,
    });
    appendJournal(
      db,
      'price.overridden',
      {
        override_id: id,
        kind: row.kind,
        product_id: row.product_id,
        list_price_fen: row.list_price_fen,
        unit_price_fen: row.unit_price_fen,
        cut_fen: row.cut_fen,
        reason: input.reason,
        cashier_id: cashier.id,
        approved_by: approvedBy,
      },
      nowMs,
    );
  });
  return { override_id: id, cut_fen: row.cut_fen, approved_by: approvedBy };
}

function bargain(db: Db, id: string): BargainRow {
  const row = stmt(
    db,
    'SELECT id, kind, product_id, entry, list_price_fen, unit_price_fen, total_before_fen, cut_fen, sale_id FROM bargain WHERE id = ?',
  ).get(id) as BargainRow | undefined;
  if (!row) throw new CodedError('not_found', `no approved price change ${id} on this till`);
  if (row.sale_id !== null)
    throw new CodedError('conflict', `price change ${id} was used by sale ${row.sale_id} already`);
  return row;
}

/** The line's product at its approved bargained price; refused when the approval is for another product or quantity. */
export function bargainedProduct<P extends PricedProduct>(
  db: Db,
  product: P,
  entry: LineEntry,
  id: string,
): P {
  const b = bargain(db, id);
  if (b.kind !== 'line' || b.product_id !== product.id || b.entry !== entryKey(entry))
    throw new CodedError(
      'invalid_cart',
      `price change ${id} was approved for another line: ask again for this quantity`,
    );
  return { ...product, unit_price_fen: b.unit_price_fen ?? product.unit_price_fen };
}

/** The 抹零 approved for a sale of totalBeforeFen; refused when the sale's total changed since. */
export function roundOffFen(db: Db, id: string, totalBeforeFen: number): number {
  const b = bargain(db, id);
  if (b.kind !== 'round_off' || b.total_before_fen !== totalBeforeFen)
    throw new CodedError(
      'invalid_cart',
      `抹零 ${id} was approved for a total of ${b.total_before_fen} fen, not ${totalBeforeFen}`,
    );
  return b.cut_fen;
}

/** The committed sale takes its approvals (in its transaction): line_no for a line, 0 for the 抹零. */
export function takeBargains(
  db: Db,
  saleId: string,
  cart: { lines: readonly { override_id?: string | undefined }[]; round_off_id?: string | undefined },
): void {
  const take = stmt(db, 'UPDATE bargain SET sale_id = ?, line_no = ? WHERE id = ? AND sale_id IS NULL');
  const used = (id: string, lineNo: number) => {
    if (take.run(saleId, lineNo, id).changes !== 1)
      throw new CodedError('conflict', `price change ${id} was used by another sale already`);
  };
  cart.lines.forEach((l, i) => l.override_id !== undefined && used(l.override_id, i + 1));
  if (cart.round_off_id !== undefined) used(cart.round_off_id, 0);
}

/** A sale's bargains: the list price of each bargained line (by line_no) and the 抹零 taken off. */
export function saleBargains(
  db: Db,
  saleId: string,
): { listPrices: Map<number, number>; roundOffFen: number } {
  const rows = stmt(db, 'SELECT kind, line_no, list_price_fen, cut_fen FROM bargain WHERE sale_id = ?').all(
    saleId,
  ) as { kind: string; line_no: number; list_price_fen: number | null; cut_fen: number }[];
  const listPrices = new Map<number, number>();
  let roundOff = 0;
  for (const r of rows) {
    if (r.kind === 'line' && r.list_price_fen !== null) listPrices.set(r.line_no, r.list_price_fen);
    else roundOff += r.cut_fen;
  }
  return { listPrices, roundOffFen: roundOff };
}
