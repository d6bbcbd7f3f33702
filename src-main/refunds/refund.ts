/**
 * Refunds (退款): whole or by line and quantity, back to the original tenders
 * (last tender first), never above what was paid and not yet refunded; above
 * the merchant's limit a manager's PIN approves it. One transaction, journaled.
 */
import { newId } from '../ids';
import { CodedError } from '../../shared/contract/envelope';
import type { EntryPayload, TenderKind } from '../../shared/journal/entries';
import { lineShare } from '../../shared/sales/cart';
import { recordBuyerDelta } from '../buyers/buyer-store';
import { findByPin, type Cashier } from '../cashiers/cashier-store';
import { appendJournal } from '../journal/journal';
import { openBusinessDay } from '../sales/business-day';
import { getSale, getSaleByReceipt, saleLines, saleTenders, type SaleRow } from '../sales/sale-store';
import type { Unit } from '../../shared/units';
import type { Db } from '../store/db';
import { getTillSettings } from '../store/till-settings';
import type { TerminalIdentity } from '../sync/identity';
import { stmt, tx } from '../store/sql';

export interface RefundInput {
  sale_id?: string;
  receipt_no?: string;
  /** omitted: everything not yet refunded */
  lines?: { line_no: number; quantity: number }[];
  reason: string;
  manager_pin?: string;
}

export interface RefundResult {
  refund_id: string;
  refund_no: string;
  amount_fen: number;
  tenders: { tender_no: number; kind: TenderKind; amount_fen: number }[];
}

/** What a refund would give back, before anything is written: the lines, the tenders (last first), and whether a manager must allow it. */
export interface RefundPlan {
  sale: SaleRow;
  lines: { line_no: number; name: string; unit: Unit; quantity: number; amount_fen: number }[];
  amount_fen: number;
  tenders: RefundResult['tenders'];
  /** every line given back in full and nothing refunded before: 整单退回 */
  whole: boolean;
  /** above the stall's limit for a cashier */
  needs_manager: boolean;
}

export function planRefund(
  db: Db,
  cashier: Cashier,
  input: Omit<RefundInput, 'reason' | 'manager_pin'>,
): RefundPlan {
  const sale = input.sale_id
    ? getSale(db, input.sale_id)
    : input.receipt_no
      ? getSaleByReceipt(db, input.receipt_no)
      : null;
  if (!sale) throw new CodedError('not_found', 'no such sale on this till');
  const lines = saleLines(db, sale.id);
  const done = stmt(
    db,
    'SELECT rl.line_no, SUM(rl.quantity) AS q, SUM(rl.amount_fen) AS a FROM refund_line rl JOIN refund r ON r.id = rl.refund_id WHERE r.sale_id = ? GROUP BY rl.line_no',
  ).all(sale.id) as { line_no: number; q: number; a: number }[];
  const doneBy = new Map(done.map((d) => [d.line_no, d]));
  const wanted =
    input.lines ??
    lines.map((l) => ({ line_no: l.line_no, quantity: l.quantity - (doneBy.get(l.line_no)?.q ?? 0) }));

  const refundLines = wanted.map((w) => {
    const line = lines.find((l) => l.line_no === w.line_no);
    if (!line) throw new CodedError('not_found', `sale has no line ${w.line_no}`);
    const prev = doneBy.get(line.line_no) ?? { q: 0, a: 0 };
    const left = line.net_fen - prev.a;
    const named = { line_no: line.line_no, name: line.name, unit: line.unit };
    if (line.kind === 'amount') return { ...named, quantity: 0, amount_fen: left };
    if (!Number.isSafeInteger(w.quantity) || w.quantity < 0 || w.quantity > line.quantity - prev.q)
      throw new CodedError(
        'refund_exceeds_paid',
        `line ${line.line_no}: at most ${line.quantity - prev.q} left to refund`,
      );
    const amount = prev.q + w.quantity === line.quantity ? left : Math.min(left, lineShare(line, w.quantity));
    return { ...named, quantity: w.quantity, amount_fen: amount };
  });
  const amount = refundLines.reduce((a, l) => a + l.amount_fen, 0);
  if (amount <= 0) throw new CodedError('refund_exceeds_paid', 'nothing left to refund on this sale');

  // Only money actually received can go back: pending QR / payment-code tenders are not refundable here.
  // Nor is a B2B gateway payment: the institution does not refund 企业网银 online (the market's finance staff repay it by transfer).
  const paid = saleTenders(db, sale.id).filter((t) => t.status === 'paid');
  const tenders = paid.filter((t) => t.via !== 'gateway');
  const refundedByTender = new Map(
    (
      stmt(
        db,
        'SELECT rt.tender_no, SUM(rt.amount_fen) AS a FROM refund_tender rt JOIN refund r ON r.id = rt.refund_id WHERE r.sale_id = ? GROUP BY rt.tender_no',
      ).all(sale.id) as { tender_no: number; a: number }[]
    ).map((r) => [r.tender_no, r.a]),
  );
  const refundable = tenders.reduce((a, t) => a + t.amount_fen - (refundedByTender.get(t.tender_no) ?? 0), 0);
  if (amount > refundable && paid.length > tenders.length)
    throw new CodedError(
      'conflict',
      `企业网银（B2B）付款不能在收银机原路退款，请由市场财务线下退款 — a bank-gateway payment cannot be refunded at the till (${refundable} fen of this sale can)`,
    );
  if (amount > refundable)
    throw new CodedError(
      'refund_exceeds_paid',
      `refund ${amount} fen exceeds the ${refundable} fen paid and not yet refunded`,
    );

  let rest = amount;
  const back: RefundResult['tenders'] = [];
  for (const t of [...tenders].reverse()) {
    if (rest === 0) break;
    const room = t.amount_fen - (refundedByTender.get(t.tender_no) ?? 0);
    const take = Math.min(room, rest);
    if (take > 0) back.push({ tender_no: t.tender_no, kind: t.kind, amount_fen: take });
    rest -= take;
  }
  const whole =
    done.length === 0 &&
    lines.every((l) => refundLines.some((r) => r.line_no === l.line_no && r.amount_fen === l.net_fen));
  return {
    sale,
    lines: refundLines,
    amount_fen: amount,
    tenders: back,
    whole,
    needs_manager: amount > getTillSettings(db).refund_manager_limit_fen && cashier.role !== 'manager',
  };
}

export function refundSale(
  db: Db,
  who: TerminalIdentity,
  cashier: Cashier,
  input: RefundInput,
  nowMs: number,
): RefundResult {
  return tx(db, (): RefundResult => {
    const plan = planRefund(db, cashier, input);
    const { sale, amount_fen: amount, tenders: back } = plan;
    const refundLines = plan.lines.map(({ line_no, quantity, amount_fen }) => ({
      line_no,
      quantity,
      amount_fen,
    }));

    let approvedBy: string | null = null;
    if (plan.needs_manager) {
      if (!input.manager_pin)
        throw new CodedError(
          'manager_required',
          `refunds above ${getTillSettings(db).refund_manager_limit_fen} fen need a manager's PIN`,
        );
      const manager = findByPin(db, input.manager_pin, 'manager');
      if (!manager) throw new CodedError('wrong_pin', 'that PIN is not a manager’s');
      approvedBy = manager.id;
    } else if (cashier.role === 'manager') approvedBy = cashier.id;

    const day = openBusinessDay(db, who, nowMs);
    const seq =
      (stmt(db, 'SELECT COUNT(*) AS n FROM refund WHERE business_day = ?').get(day) as { n: number }).n + 1;
    const refund = {
      id: newId(nowMs),
      refund_no: `${who.terminal_id}-R${day}-${String(seq).padStart(4, '0')}`,
    };
    stmt(
      db,
      'INSERT INTO refund (id, refund_no, sale_id, business_day, cashier_id, approved_by, amount_fen, reason, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(refund.id, refund.refund_no, sale.id, day, cashier.id, approvedBy, amount, input.reason, nowMs);
    const insLine = stmt(
      db,
      'INSERT INTO refund_line (refund_id, line_no, quantity, amount_fen) VALUES (?, ?, ?, ?)',
    );
    for (const l of refundLines)
      if (l.amount_fen > 0 || l.quantity > 0) insLine.run(refund.id, l.line_no, l.quantity, l.amount_fen);
    const insTender = stmt(
      db,
      'INSERT INTO refund_tender (refund_id, tender_no, amount_fen) VALUES (?, ?, ?)',
    );
    for (const t of back) insTender.run(refund.id, t.tender_no, t.amount_fen);
    const payload: EntryPayload<'refund.created'> = {
      refund_id: refund.id,
      refund_no: refund.refund_no,
      sale_id: sale.id,
      business_day: day,
      cashier_id: cashier.id,
      approved_by: approvedBy,
      amount_fen: amount,
      reason: input.reason,
      lines: refundLines,
      tenders: back,
    };
    const entry = appendJournal(db, 'refund.created', payload, nowMs);
    const rows = saleTenders(db, sale.id);
    for (const t of back) {
      const tender = rows.find((x) => x.tender_no === t.tender_no);
      if (tender?.kind === 'account' && tender.buyer_id)
        recordBuyerDelta(db, tender.buyer_id, entry.seq, -t.amount_fen);
    }
    return { refund_id: refund.id, refund_no: refund.refund_no, amount_fen: amount, tenders: back };
  });
}
