/**
 * Row types of the payment tables (migration 005-payments), mirroring it
 * exactly. Kept here rather than in db/schema.ts so this folder owns them;
 * `pdb(db)` widens any server Kysely (or transaction) to see them.
 */
import type { Generated, Kysely } from 'kysely';
import type { ServerSchema } from '../db/schema';

/**
 * created: the order exists here, not yet at the institution (or not known to);
 * paying: the institution has it and the buyer may still pay;
 * succeeded: paid (terminal tender paid, ledger booked, split due);
 * failed: the institution refused it (bad code, not enough money);
 * closed: unpaid and closed (QR expired); reversed: code pay revoked (撤销) after the limit.
 */
export type OrderState = 'created' | 'paying' | 'succeeded' | 'failed' | 'closed' | 'reversed';
/** qr: the receipt QR, paid in a wallet app; code: the buyer's payment code; gateway: a large amount through the B2B bank gateway. */
export type OrderKind = 'qr' | 'code' | 'gateway';
/** none: not paid yet; due: to send; processing: sent, receivers pending; done; failed: a receiver was refused (surfaced, retried by staff); skipped: no fee to take. */
export type SplitState = 'none' | 'due' | 'processing' | 'done' | 'failed' | 'skipped';
/** processing: accepted by the institution; succeeded; abnormal / closed: the institution could not pay it back; refused: never accepted. */
export type RefundState = 'returning' | 'processing' | 'succeeded' | 'abnormal' | 'closed' | 'refused';

export interface PaymentOrderTable {
  out_trade_no: string;
  institution: string;
  sub_mchid: string;
  stall_id: string;
  terminal_id: string;
  sale_id: string;
  tender_no: number;
  kind: OrderKind;
  amount_fen: number;
  state: OrderState;
  transaction_id: string | null;
  channel: string | null;
  business_day: string;
  pay_url: string | null;
  created_ms: number;
  updated_ms: number;
  paid_ms: number | null;
  deadline_ms: number | null;
  next_check_ms: number | null;
  lease_until_ms: number | null;
  check_attempts: Generated<number>;
  split_state: Generated<SplitState>;
  /** attempt number of the split instruction (its out_order_no); a refused receiver is retried under the next */
  split_no: Generated<number>;
  market_fee_fen: number | null;
  channel_fee_fen: number | null;
  refunded_fen: Generated<number>;
  last_error: string | null;
}

export interface PaymentEventTable {
  terminal_id: string;
  seq: number;
  out_trade_no: string;
  sale_id: string;
  tender_no: number;
  status: 'paid' | 'failed';
  state: OrderState;
  external_ref: string | null;
  amount_fen: number;
  at_ms: number;
}

export interface PaymentNotificationTable {
  id: string;
  event_id: string | null;
  event_type: string | null;
  out_trade_no: string | null;
  /** applied, duplicate, forged, mismatch, unknown_order, ignored */
  outcome: string;
  detail: string;
  received_ms: number;
}

export interface PaymentRefundTable {
  out_refund_no: string;
  out_trade_no: string;
  refund_id: string;
  amount_fen: number;
  /** the market-fee share taken back from the market before the refund (split returned first) */
  return_fen: number;
  state: RefundState;
  created_ms: number;
  updated_ms: number;
  last_error: string | null;
}

export type PaymentsSchema = {
  payment_order: PaymentOrderTable;
  payment_event: PaymentEventTable;
  payment_notification: PaymentNotificationTable;
  payment_refund: PaymentRefundTable;
};

export type PaymentsDb = Kysely<ServerSchema & PaymentsSchema>;

export function pdb(db: Kysely<ServerSchema>): PaymentsDb {
  return db.withTables<PaymentsSchema>();
}
