/**
 * What reconciliation compares and what it finds (DESIGN.md "End of day and
 * reconciliation", payments.md §6). Local records are the server's own
 * payment and refund orders as the engine needs them; the engine never sees
 * database rows (db-source.ts converts).
 */

/** paid: we booked the payment; pending: created/paying, no answer yet; ended: failed or closed unpaid; reversed: code pay revoked (撤销). */
export type LocalPayState = 'paid' | 'pending' | 'ended' | 'reversed';
/** pending: sent or processing; succeeded; failed: abnormal, closed or refused. */
export type LocalRefundState = 'pending' | 'succeeded' | 'failed';

export interface LocalPayment {
  out_trade_no: string;
  stall_id: string;
  sub_mchid: string;
  amount_fen: number;
  state: LocalPayState;
  /** paid time when paid, else creation time (epoch ms) */
  at_ms: number;
}

export interface LocalRefund {
  out_refund_no: string;
  out_trade_no: string;
  stall_id: string;
  sub_mchid: string;
  amount_fen: number;
  state: LocalRefundState;
  at_ms: number;
}

/**
 * long: the institution has it, we don't (长款); short: we have it, the institution doesn't (短款);
 * amount: both have it with other amounts; status: both have it in other states;
 * cross_midnight: same record, booked by the institution on the neighbouring day (日切).
 */
export type DiffKind = 'long' | 'short' | 'amount' | 'status' | 'cross_midnight';
export const DIFF_KINDS: readonly DiffKind[] = ['long', 'short', 'amount', 'status', 'cross_midnight'];

/** Why a difference most likely arose, when the engine can tell. */
export type DiffCause =
  'lost_notification' | 'cross_midnight' | 'refund_snapshot' | 'near_midnight' | 'ended_but_paid' | 'unknown';

/**
 * What to do. auto_*: safe, done by the job itself. 补单 (bu_dan): confirm with a
 * query, then create or advance the local record; refund: give the payer the
 * money back; suspense: 挂账, post the difference to the suspense account and
 * clear it later; await_next_bill: a timing gap that should heal with the next bill.
 */
export type Suggestion =
  | 'auto_mark_paid'
  | 'auto_redate'
  | 'auto_requery_refund'
  | 'bu_dan'
  | 'refund'
  | 'suspense'
  | 'await_next_bill';
export const SUGGESTIONS: readonly Suggestion[] = [
  'auto_mark_paid',
  'auto_redate',
  'auto_requery_refund',
  'bu_dan',
  'refund',
  'suspense',
  'await_next_bill',
];

export interface Difference {
  kind: DiffKind;
  record: 'pay' | 'refund';
  out_trade_no: string;
  out_refund_no: string | null;
  stall_id: string | null;
  sub_mchid: string;
  inst_amount_fen: number | null;
  plat_amount_fen: number | null;
  inst_state: string | null;
  plat_state: string | null;
  cause: DiffCause;
  suggestion: Suggestion;
}

/** The institution's view of one merchant's day, from the bill (settlement reports compare it with ours). */
export interface MerchantBillTotals {
  sub_mchid: string;
  pays: number;
  gross_fen: number;
  refunds: number;
  refund_fen: number;
  /** channel fee: charged on pays less returned on refunds */
  fee_fen: number;
}

export interface ReconOutcome {
  bill_date: string;
  rows: number;
  matched: number;
  matched_fen: number;
  differences: Difference[];
  merchants: MerchantBillTotals[];
}
