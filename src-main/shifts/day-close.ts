/** Day close (日结): the Z report of the open business day, stored and journaled; possible offline, synced like the rest. */
import type { ZRefund, ZReport, ZSale } from '../../shared/sales/z-report';
import { buildZReport } from '../../shared/sales/z-report';
import { CodedError } from '../../shared/contract/envelope';
import type { Cashier } from '../cashiers/cashier-store';
import { appendJournal } from '../journal/journal';
import { openBusinessDay } from '../sales/business-day';
import type { TenderRow } from '../sales/sale-store';
import type { Db } from '../store/db';
import type { TerminalIdentity } from '../sync/identity';
import { stmt, tx } from '../store/sql';

export function dayReport(db: Db, terminalId: string, day: string): ZReport {
  const sales = stmt(db, 'SELECT id, receipt_no, day_seq, total_fen, line_discount_fen, sale_discount_fen, rounding_fen FROM sale WHERE business_day = ?').all(day) as (Omit<ZSale, 'tenders'> & { id: string })[];
  const tenders = stmt(db, 'SELECT t.sale_id, t.kind, t.amount_fen, t.status FROM tender t JOIN sale s ON s.id = t.sale_id WHERE s.business_day = ?').all(day) as Pick<TenderRow, 'sale_id' | 'kind' | 'amount_fen' | 'status'>[];
  const bySale = new Map<string, ZSale['tenders']>();
  for (const t of tenders) {
    const list = bySale.get(t.sale_id) ?? [];
    list.push({ kind: t.kind, amount_fen: t.amount_fen, status: t.status });
    bySale.set(t.sale_id, list);
  }
  const refunds = stmt(db, 'SELECT id, amount_fen FROM refund WHERE business_day = ?').all(day) as { id: string; amount_fen: number }[];
  const refundTenders = stmt(db, 'SELECT t.kind, rt.amount_fen FROM refund_tender rt JOIN refund r ON r.id = rt.refund_id JOIN tender t ON t.sale_id = r.sale_id AND t.tender_no = rt.tender_no WHERE rt.refund_id = ?');
  const zRefunds: ZRefund[] = refunds.map((r) => ({ amount_fen: r.amount_fen, tenders: refundTenders.all(r.id) as ZRefund['tenders'] }));
  const voids = stmt(db, 'SELECT total_fen FROM voided_sale WHERE business_day = ?').all(day) as { total_fen: number }[];
  return buildZReport(terminalId, day, sales.map((s) => ({ ...s, tenders: bySale.get(s.id) ?? [] })), zRefunds, voids);
}

export function closeDay(db: Db, who: TerminalIdentity, cashier: Cashier, nowMs: number): ZReport {
  if (cashier.role !== 'manager') throw new CodedError('manager_required', 'day close needs a manager');
  return tx(db, (): ZReport => {
    const day = openBusinessDay(db, who, nowMs);
    const open = stmt(db, 'SELECT COUNT(*) AS n FROM shift WHERE closed_ms IS NULL AND cashier_id != ?').get(cashier.id) as { n: number };
    if (open.n > 0) throw new CodedError('conflict', `${open.n} other shift(s) still open: close them first`);
    const z = dayReport(db, who.terminal_id, day);
    stmt(db, 'INSERT INTO day_close (business_day, cashier_id, closed_ms, z_report) VALUES (?, ?, ?, ?)').run(day, cashier.id, nowMs, JSON.stringify(z));
    appendJournal(db, 'day.closed', { business_day: day, cashier_id: cashier.id, z_report: z }, nowMs);
    return z;
  });
}
