/** The refund slip (退款单) of one refund: the lines given back, to which tender, who refunded and who allowed it. */
import { CodedError } from '../../shared/contract/envelope';
import type { TenderKind } from '../../shared/journal/entries';
import type { ReceiptDoc } from '../../shared/receipt/model';
import type { Unit } from '../../shared/units';
import { findCashier } from '../cashiers/cashier-store';
import type { Db } from '../store/db';
import { stmt } from '../store/sql';
import type { TerminalIdentity } from '../sync/identity';

export function refundSlipDoc(db: Db, who: TerminalIdentity, refundId: string): ReceiptDoc {
  const r = stmt(
    db,
    'SELECT r.refund_no, r.sale_id, r.cashier_id, r.approved_by, r.amount_fen, r.reason, r.created_ms, s.receipt_no FROM refund r JOIN sale s ON s.id = r.sale_id WHERE r.id = ?',
  ).get(refundId) as
    | {
        refund_no: string;
        sale_id: string;
        cashier_id: string;
        approved_by: string | null;
        amount_fen: number;
        reason: string;
        created_ms: number;
        receipt_no: string;
      }
    | undefined;
  if (!r) throw new CodedError('not_found', `no refund ${refundId}`);
  const lines = stmt(
    db,
    'SELECT l.name, l.unit, rl.quantity, rl.amount_fen FROM refund_line rl JOIN sale_line l ON l.sale_id = ? AND l.line_no = rl.line_no WHERE rl.refund_id = ? ORDER BY rl.line_no',
  ).all(r.sale_id, refundId) as { name: string; unit: Unit; quantity: number; amount_fen: number }[];
  const tenders = stmt(
    db,
    'SELECT t.kind, rt.amount_fen FROM refund_tender rt JOIN tender t ON t.sale_id = ? AND t.tender_no = rt.tender_no WHERE rt.refund_id = ? ORDER BY rt.tender_no',
  ).all(r.sale_id, refundId) as { kind: TenderKind; amount_fen: number }[];
  const name = (id: string | null): string | null => (id === null ? null : (findCashier(db, id)?.name ?? id));
  return {
    market_name: who.market_name,
    stall_name: who.stall_name,
    receipt_no: r.refund_no,
    at_ms: r.created_ms,
    time_zone: who.time_zone,
    cashier: name(r.cashier_id) ?? r.cashier_id,
    lines: [],
    discount_fen: 0,
    rounding_fen: 0,
    total_fen: -r.amount_fen,
    tenders: [],
    refund: {
      refund_no: r.refund_no,
      sale_receipt_no: r.receipt_no,
      lines,
      tenders,
      amount_fen: r.amount_fen,
      cashier: name(r.cashier_id) ?? r.cashier_id,
      approved_by: name(r.approved_by),
      reason: r.reason,
    },
  };
}
