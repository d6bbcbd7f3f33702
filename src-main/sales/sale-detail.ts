/** Read side of one sale for the cashier's history screen: lines with refunds so far, tenders, and its receipt as it stands now (what a reprint prints). */
import type { MethodOutput } from '../../shared/contract/methods';
import { layoutReceipt, renderReceiptText, type PaperWidth } from '../../shared/receipt';
import { parseDoc } from '../print/print-job-store';
import type { Db } from '../store/db';
import { stmt } from '../store/sql';
import { failureReason } from '../../shared/sales/failure-reasons';
import { isStanding, owedFen } from '../../shared/sales/outcome';
import type { TerminalIdentity } from '../sync/identity';
import { saleReceipt } from './receipt-doc';
import { getSale, saleLines, saleTenders } from './sale-store';

type Detail = MethodOutput<'sale-detail'>;

export function saleDetail(db: Db, who: TerminalIdentity, saleId: string, paper: PaperWidth): Detail | null {
  const sale = getSale(db, saleId);
  if (!sale) return null;
  const refunded = stmt(
    db,
    'SELECT rl.line_no, SUM(rl.quantity) AS q, SUM(rl.amount_fen) AS a FROM refund_line rl JOIN refund r ON r.id = rl.refund_id WHERE r.sale_id = ? GROUP BY rl.line_no',
  ).all(saleId) as { line_no: number; q: number; a: number }[];
  const byLine = new Map(refunded.map((r) => [r.line_no, r]));
  const tenders = saleTenders(db, saleId);
  // The pay QR the first receipt printed (a waiting QR tender is still paid through it).
  const job = stmt(
    db,
    'SELECT document FROM print_job WHERE sale_id = ? ORDER BY created_ms, id LIMIT 1',
  ).get(saleId) as { document: string } | undefined;
  const doc = job ? parseDoc(job) : null;
  const refundedFen = refunded.reduce((a, r) => a + r.a, 0);
  const owed = sale.status === 'pending' ? owedFen(sale.total_fen, tenders) : 0;
  return {
    sale: {
      id: sale.id,
      receipt_no: sale.receipt_no,
      business_day: sale.business_day,
      status: sale.status,
      total_fen: sale.total_fen,
      created_ms: sale.created_ms,
      subtotal_fen: sale.subtotal_fen,
      discount_fen: sale.line_discount_fen + sale.sale_discount_fen,
      rounding_fen: sale.rounding_fen,
      cashier_id: sale.cashier_id,
      refunded_fen: refundedFen,
      owed_fen: owed,
    },
    lines: saleLines(db, saleId).map((l) => ({
      line_no: l.line_no,
      name: l.name,
      unit: l.unit,
      kind: l.kind,
      quantity: l.quantity,
      tare_g: l.tare_g,
      unit_price_fen: l.unit_price_fen,
      amount_fen: l.amount_fen,
      discount_fen: l.discount_fen,
      net_fen: l.net_fen,
      refunded_quantity: byLine.get(l.line_no)?.q ?? 0,
      refunded_fen: byLine.get(l.line_no)?.a ?? 0,
    })),
    tenders: tenders.map((t) => ({
      tender_no: t.tender_no,
      kind: t.kind,
      amount_fen: t.amount_fen,
      tendered_fen: t.tendered_fen,
      change_fen: t.change_fen,
      status: t.status,
      buyer_id: t.buyer_id,
      via: t.via,
      txn_id: t.status === 'paid' && (t.kind === 'qr' || t.kind === 'payment_code') ? t.external_ref : null,
      reason_zh: isStanding(t.status) ? null : failureReason(t.reason).zh,
      deadline_ms: t.status === 'pending' ? (t.deadline_ms ?? null) : null,
    })),
    refunded_fen: refundedFen,
    owed_fen: owed,
    refunds: stmt(
      db,
      'SELECT refund_no, amount_fen, created_ms FROM refund WHERE sale_id = ? ORDER BY created_ms',
    ).all(saleId) as { refund_no: string; amount_fen: number; created_ms: number }[],
    pay_url: doc?.pay_url ?? null,
    receipt_text: job ? renderReceiptText(layoutReceipt(saleReceipt(db, who, saleId), paper)) : null,
  };
}
