/**
 * Day close (日结): the Z report of the open Z period of the business day,
 * stored and journaled; possible offline, synced like the rest. Selling
 * after a close goes on in the next period of the same day (Z no. 2, …).
 * Open sales (a tender still pending, or something still owed) are listed,
 * and closing with them needs a manager's PIN given for it.
 */
import type { ZRefund, ZReport, ZSale } from '../../shared/sales/z-report';
import { buildZReport } from '../../shared/sales/z-report';
import { CodedError } from '../../shared/contract/envelope';
import { findByPin, type Cashier } from '../cashiers/cashier-store';
import { appendJournal } from '../journal/journal';
import { openBusinessDay, openZNo } from '../sales/business-day';
import type { TenderRow } from '../sales/sale-store';
import type { Db } from '../store/db';
import type { TerminalIdentity } from '../sync/identity';
import { stmt, tx } from '../store/sql';
import { formatCny } from '../../shared/money';
import { owedFen } from '../../shared/sales/outcome';

type ZTenderRow = Pick<TenderRow, 'sale_id' | 'kind' | 'amount_fen' | 'status' | 'wallet'>;

/** The sales of a Z period with their tenders, as the Z report counts them. */
function periodSales(db: Db, day: string, zNo: number): (ZSale & { id: string })[] {
  const sales = stmt(
    db,
    "SELECT id, receipt_no, day_seq, total_fen, line_discount_fen, sale_discount_fen, rounding_fen, status = 'voided' AS voided FROM sale WHERE business_day = ? AND z_no = ?",
  ).all(day, zNo) as (Omit<ZSale, 'tenders' | 'voided'> & { id: string; voided: number })[];
  const tenders = stmt(
    db,
    'SELECT t.sale_id, t.kind, t.amount_fen, t.status, t.wallet FROM tender t JOIN sale s ON s.id = t.sale_id WHERE s.business_day = ? AND s.z_no = ? ORDER BY t.sale_id, t.tender_no',
  ).all(day, zNo) as ZTenderRow[];
  const bySale = new Map<string, ZSale['tenders']>();
  for (const t of tenders) {
    const list = bySale.get(t.sale_id) ?? [];
    list.push({ kind: t.kind, amount_fen: t.amount_fen, status: t.status, wallet: t.wallet });
    bySale.set(t.sale_id, list);
  }
  return sales.map((s) => ({ ...s, voided: s.voided === 1, tenders: bySale.get(s.id) ?? [] }));
}

/** The Z report of one period of a business day (the open one unless told). */
export function dayReport(db: Db, terminalId: string, day: string, zNo = openZNo(db, day)): ZReport {
  const refunds = stmt(db, 'SELECT id, amount_fen FROM refund WHERE business_day = ? AND z_no = ?').all(
    day,
    zNo,
  ) as { id: string; amount_fen: number }[];
  const refundTenders = stmt(
    db,
    'SELECT t.kind, rt.amount_fen FROM refund_tender rt JOIN refund r ON r.id = rt.refund_id JOIN tender t ON t.sale_id = r.sale_id AND t.tender_no = rt.tender_no WHERE rt.refund_id = ?',
  );
  const zRefunds: ZRefund[] = refunds.map((r) => ({
    amount_fen: r.amount_fen,
    tenders: refundTenders.all(r.id) as ZRefund['tenders'],
  }));
  const voids = stmt(db, 'SELECT total_fen FROM voided_sale WHERE business_day = ? AND z_no = ?').all(
    day,
    zNo,
  ) as { total_fen: number }[];
  return buildZReport(terminalId, day, periodSales(db, day, zNo), zRefunds, voids, zNo);
}

export interface OpenSale {
  sale_id: string;
  receipt_no: string;
  total_fen: number;
  /** QR / payment-code tenders the institution has not answered */
  pending_fen: number;
  /** still owed with no tender standing for it */
  owed_fen: number;
}

/** The open sales of a business day: something pending at the institution or still owed. */
export function openSales(db: Db, day: string): OpenSale[] {
  const rows = stmt(
    db,
    "SELECT id, receipt_no, total_fen FROM sale WHERE business_day = ? AND status = 'pending' ORDER BY day_seq",
  ).all(day) as { id: string; receipt_no: string; total_fen: number }[];
  const tenders = stmt(db, 'SELECT amount_fen, status FROM tender WHERE sale_id = ?');
  return rows.map((s) => {
    const ts = tenders.all(s.id) as Pick<TenderRow, 'amount_fen' | 'status'>[];
    return {
      sale_id: s.id,
      receipt_no: s.receipt_no,
      total_fen: s.total_fen,
      pending_fen: ts.filter((t) => t.status === 'pending').reduce((a, t) => a + t.amount_fen, 0),
      owed_fen: owedFen(s.total_fen, ts),
    };
  });
}

export function closeDay(
  db: Db,
  who: TerminalIdentity,
  cashier: Cashier,
  nowMs: number,
  managerPin?: string,
): ZReport {
  if (cashier.role !== 'manager') throw new CodedError('manager_required', 'day close needs a manager');
  return tx(db, (): ZReport => {
    const day = openBusinessDay(db, who, nowMs);
    const open = stmt(db, 'SELECT COUNT(*) AS n FROM shift WHERE closed_ms IS NULL AND cashier_id != ?').get(
      cashier.id,
    ) as { n: number };
    if (open.n > 0) throw new CodedError('conflict', `${open.n} other shift(s) still open: close them first`);
    const unsettled = openSales(db, day);
    if (unsettled.length > 0) {
      const list = unsettled
        .map((s) => `${s.receipt_no} ${formatCny(s.pending_fen + s.owed_fen)}`)
        .join('、');
      if (managerPin === undefined)
        throw new CodedError(
          'manager_required',
          `${unsettled.length} 笔未完成（待付款或未收）：${list} — closing the day with open sales needs a manager's PIN`,
          { open_sales: unsettled },
        );
      if (!findByPin(db, managerPin, 'manager'))
        throw new CodedError('wrong_pin', 'that PIN is not a manager’s');
    }
    const zNo = openZNo(db, day);
    const z = dayReport(db, who.terminal_id, day, zNo);
    stmt(
      db,
      'INSERT INTO day_close (business_day, z_no, cashier_id, closed_ms, z_report) VALUES (?, ?, ?, ?, ?)',
    ).run(day, zNo, cashier.id, nowMs, JSON.stringify(z));
    appendJournal(
      db,
      'day.closed',
      { business_day: day, cashier_id: cashier.id, z_no: zNo, z_report: z },
      nowMs,
    );
    return z;
  });
}
