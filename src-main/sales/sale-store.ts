/** SQL for sales, their lines and tenders. */
import type { PricedLine } from '../../shared/sales/cart';
import { owedFen, type SaleStatus, type Wallet } from '../../shared/sales/outcome';
import type { PlannedTender } from './tenders';
import type { Db } from '../store/db';
import { stmt } from '../store/sql';

export interface SaleRow {
  id: string;
  receipt_no: string;
  business_day: string;
  day_seq: number;
  status: SaleStatus;
  subtotal_fen: number;
  line_discount_fen: number;
  sale_discount_fen: number;
  rounding_fen: number;
  total_fen: number;
  cashier_id: string;
  shift_id: string | null;
  created_ms: number;
}

/** A tender as stored: the planned tender with its sale and last change. */
export type TenderRow = PlannedTender & {
  sale_id: string;
  updated_ms: number;
  /** the institution's words for a failed, reversed or closed tender */
  reason?: string | null;
  /** the wallet that paid a QR or payment-code tender, when the institution said */
  wallet?: Wallet | null;
  /** a payment code's deadline: the institution revokes it unpaid then */
  deadline_ms?: number | null;
};

export type SaleLineRow = PricedLine & { sale_id: string };

export function nextDaySeq(db: Db, day: string): number {
  return (
    ((stmt(db, 'SELECT MAX(day_seq) AS s FROM sale WHERE business_day = ?').get(day) as { s: number | null })
      .s ?? 0) + 1
  );
}

export function insertSale(
  db: Db,
  sale: SaleRow,
  lines: readonly PricedLine[],
  tenders: readonly TenderRow[],
): void {
  stmt(
    db,
    `INSERT INTO sale (id, receipt_no, business_day, day_seq, status, subtotal_fen, line_discount_fen, sale_discount_fen, rounding_fen, total_fen, cashier_id, shift_id, created_ms)
     VALUES (@id, @receipt_no, @business_day, @day_seq, @status, @subtotal_fen, @line_discount_fen, @sale_discount_fen, @rounding_fen, @total_fen, @cashier_id, @shift_id, @created_ms)`,
  ).run(sale);
  const insLine = stmt(
    db,
    `INSERT INTO sale_line (sale_id, line_no, product_id, name, unit, kind, quantity, tare_g, unit_price_fen, amount_fen, discount_fen, net_fen)
     VALUES (@sale_id, @line_no, @product_id, @name, @unit, @kind, @quantity, @tare_g, @unit_price_fen, @amount_fen, @discount_fen, @net_fen)`,
  );
  for (const l of lines) insLine.run({ sale_id: sale.id, ...l });
  const insTender = stmt(
    db,
    `INSERT INTO tender (sale_id, tender_no, kind, amount_fen, tendered_fen, change_fen, status, buyer_id, external_ref, via, updated_ms)
     VALUES (@sale_id, @tender_no, @kind, @amount_fen, @tendered_fen, @change_fen, @status, @buyer_id, @external_ref, @via, @updated_ms)`,
  );
  for (const t of tenders) insTender.run(t);
}

export function getSale(db: Db, id: string): SaleRow | null {
  return (stmt(db, 'SELECT * FROM sale WHERE id = ?').get(id) as SaleRow | undefined) ?? null;
}

/** A sale as the history list and the contract's saleSummary show it: with what was refunded of it, and what an open sale still owes. */
export const saleSummary = (
  db: Db,
  { id, receipt_no, business_day, status, total_fen, created_ms }: SaleRow,
) => ({
  id,
  receipt_no,
  business_day,
  status,
  total_fen,
  created_ms,
  refunded_fen: (
    stmt(db, 'SELECT COALESCE(SUM(amount_fen), 0) AS a FROM refund WHERE sale_id = ?').get(id) as {
      a: number;
    }
  ).a,
  owed_fen: status === 'pending' ? owedFen(total_fen, saleTenders(db, id)) : 0,
});

export function getSaleByReceipt(db: Db, receiptNo: string): SaleRow | null {
  return (stmt(db, 'SELECT * FROM sale WHERE receipt_no = ?').get(receiptNo) as SaleRow | undefined) ?? null;
}

export function saleLines(db: Db, saleId: string): SaleLineRow[] {
  return stmt(db, 'SELECT * FROM sale_line WHERE sale_id = ? ORDER BY line_no').all(saleId) as SaleLineRow[];
}

export function saleTenders(db: Db, saleId: string): TenderRow[] {
  return stmt(db, 'SELECT * FROM tender WHERE sale_id = ? ORDER BY tender_no').all(saleId) as TenderRow[];
}

export function setSaleStatus(db: Db, saleId: string, status: SaleRow['status']): void {
  stmt(db, 'UPDATE sale SET status = ? WHERE id = ?').run(status, saleId);
}

export function recentSales(db: Db, limit: number, query: string | null): SaleRow[] {
  if (query)
    return stmt(db, 'SELECT * FROM sale WHERE receipt_no LIKE ? ORDER BY created_ms DESC LIMIT ?').all(
      `%${query}%`,
      limit,
    ) as SaleRow[];
  return stmt(db, 'SELECT * FROM sale ORDER BY created_ms DESC LIMIT ?').all(limit) as SaleRow[];
}
