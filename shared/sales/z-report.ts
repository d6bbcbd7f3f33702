/**
 * The Z report (日结) of one terminal's business day: counts and sums per
 * tender, refunds, discounts, rounding, voids, first and last receipt.
 * Pure: the core feeds it the day's rows; tests feed it generated ones.
 */
import { TENDER_KINDS, type TenderKind, type TenderStatus } from '../journal/entries';

export interface ZSale {
  receipt_no: string;
  day_seq: number;
  total_fen: number;
  line_discount_fen: number;
  sale_discount_fen: number;
  rounding_fen: number;
  tenders: { kind: TenderKind; amount_fen: number; status: TenderStatus }[];
}

export interface ZRefund {
  amount_fen: number;
  tenders: { kind: TenderKind; amount_fen: number }[];
}

export interface TenderTotals {
  count: number;
  /** received (paid tenders) */
  amount_fen: number;
  /** still waiting for the payment to be confirmed */
  pending_fen: number;
  refunded_fen: number;
}

// A type alias, not an interface: it is journaled as a plain JSON record.
export type ZReport = {
  business_day: string;
  terminal_id: string;
  sales_count: number;
  gross_fen: number;
  discounts_fen: number;
  rounding_fen: number;
  refunds: { count: number; amount_fen: number };
  voids: { count: number; amount_fen: number };
  /** gross − refunds */
  net_fen: number;
  tenders: Record<TenderKind, TenderTotals>;
  first_receipt_no: string | null;
  last_receipt_no: string | null;
};

export function buildZReport(terminalId: string, day: string, sales: readonly ZSale[], refunds: readonly ZRefund[], voids: readonly { total_fen: number }[]): ZReport {
  const tenders = Object.fromEntries(TENDER_KINDS.map((k) => [k, { count: 0, amount_fen: 0, pending_fen: 0, refunded_fen: 0 }])) as Record<TenderKind, TenderTotals>;
  const ordered = [...sales].sort((a, b) => a.day_seq - b.day_seq);
  let gross = 0;
  let discounts = 0;
  let rounding = 0;
  for (const s of ordered) {
    gross += s.total_fen;
    discounts += s.line_discount_fen + s.sale_discount_fen;
    rounding += s.rounding_fen;
    for (const t of s.tenders) {
      const tt = tenders[t.kind];
      tt.count++;
      if (t.status === 'paid') tt.amount_fen += t.amount_fen;
      else if (t.status === 'pending') tt.pending_fen += t.amount_fen;
    }
  }
  let refunded = 0;
  for (const r of refunds) {
    refunded += r.amount_fen;
    for (const t of r.tenders) tenders[t.kind].refunded_fen += t.amount_fen;
  }
  return {
    business_day: day,
    terminal_id: terminalId,
    sales_count: ordered.length,
    gross_fen: gross,
    discounts_fen: discounts,
    rounding_fen: rounding,
    refunds: { count: refunds.length, amount_fen: refunded },
    voids: { count: voids.length, amount_fen: voids.reduce((a, v) => a + v.total_fen, 0) },
    net_fen: gross - refunded,
    tenders,
    first_receipt_no: ordered[0]?.receipt_no ?? null,
    last_receipt_no: ordered.at(-1)?.receipt_no ?? null,
  };
}
