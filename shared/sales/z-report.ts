/**
 * The Z report (日结) of one terminal's business day (or of one Z period of
 * it: selling after a day close opens period 2 of the same day), and the
 * shift report: counts and sums per tender, what is takings and what is a
 * receivable (shared/sales/takings.ts), refunds, discounts, rounding, voids,
 * first and last receipt. Pure: the core feeds it the day's rows; tests feed
 * it generated ones.
 */
import type { TenderKind } from '../journal/entries';
import type { TenderStatus } from './outcome';
import { addRefund, addSale, emptyTakings, type Takings, type Wallet } from './takings';

export interface ZSale {
  receipt_no: string;
  day_seq: number;
  total_fen: number;
  line_discount_fen: number;
  sale_discount_fen: number;
  rounding_fen: number;
  voided?: boolean;
  tenders: { kind: TenderKind; amount_fen: number; status: TenderStatus; wallet?: Wallet | null }[];
}

export interface ZRefund {
  amount_fen: number;
  tenders: { kind: TenderKind; amount_fen: number }[];
}

// A type alias, not an interface: it is journaled as a plain JSON record.
export type ZReport = {
  business_day: string;
  terminal_id: string;
  /** the Z period of the business day: 1, then 2 for selling after a day close, … */
  z_no: number;
  sales_count: number;
  /** totals of the sales not voided: takings + receivables */
  gross_fen: number;
  discounts_fen: number;
  rounding_fen: number;
  refunds: { count: number; amount_fen: number };
  /** voided carts and voided open sales */
  voids: { count: number; amount_fen: number };
  /** gross − refunds */
  net_fen: number;
  takings: Takings;
  first_receipt_no: string | null;
  last_receipt_no: string | null;
};

export function buildZReport(
  terminalId: string,
  day: string,
  sales: readonly ZSale[],
  refunds: readonly ZRefund[],
  voids: readonly { total_fen: number }[],
  zNo = 1,
): ZReport {
  const ordered = [...sales].sort((a, b) => a.day_seq - b.day_seq);
  const takings = emptyTakings();
  let discounts = 0;
  let rounding = 0;
  for (const s of ordered) {
    addSale(takings, s);
    if (s.voided) continue;
    discounts += s.line_discount_fen + s.sale_discount_fen;
    rounding += s.rounding_fen;
  }
  for (const r of refunds) addRefund(takings, r);
  const counted = ordered.filter((s) => !s.voided);
  return {
    business_day: day,
    terminal_id: terminalId,
    z_no: zNo,
    sales_count: takings.sales_count,
    gross_fen: takings.sales_fen,
    discounts_fen: discounts,
    rounding_fen: rounding,
    refunds: { count: refunds.length, amount_fen: takings.refunds.total_fen },
    voids: {
      count: voids.length + takings.neither.voided_count,
      amount_fen: voids.reduce((a, v) => a + v.total_fen, 0) + takings.neither.voided_fen,
    },
    net_fen: takings.sales_fen - takings.refunds.total_fen,
    takings,
    first_receipt_no: counted[0]?.receipt_no ?? null,
    last_receipt_no: counted.at(-1)?.receipt_no ?? null,
  };
}
