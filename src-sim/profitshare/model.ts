import type { Sim } from '../context';
import { rfc3339 } from '../clock';

export const SPLIT_TRANSIT = 'inst:split_transit';
export const MAX_SPLITS_PER_ORDER = 50;
export const MAX_RECEIVERS_PER_SPLIT = 50;
/** Splits are refused earlier than this after payment (WeChat: wait at least 30 s). */
export const SPLIT_MIN_AGE_MS = 30_000;
/** Time a split takes to process, before compression. */
export const SPLIT_PROCESS_MS = 5_000;
/** Frozen funds nobody split or unfroze are released to the merchant after this (WeChat: 180 days). Not compressed. */
export const AUTO_UNFREEZE_MS = 180 * 86_400_000;
export const JOB_AUTO_UNFREEZE = 'profitshare.auto_unfreeze';
export const FAIL_REASONS = [
  'ACCOUNT_ABNORMAL',
  'NO_RELATION',
  'RECEIVER_HIGH_RISK',
  'RECEIVER_REAL_NAME_NOT_VERIFIED',
  'NO_AUTH',
  'RECEIVER_RECEIPT_LIMIT',
  'PAYER_ACCOUNT_ABNORMAL',
  'INVALID_REQUEST',
] as const;

/** PROCESSING: receivers pending. FINISHED: every receiver has its result. */
export type ShareState = 'PROCESSING' | 'FINISHED';
/** PENDING: waiting. SUCCESS: paid into the receiver's pending settlement. CLOSED: failed, money back to frozen. */
export type ReceiverResult = 'PENDING' | 'SUCCESS' | 'CLOSED';

/** Mirrors `share_orders`. kind SPLIT = a split request; UNFREEZE = the release of what was left. */
export interface ShareOrderRow {
  order_id: string;
  sub_mchid: string;
  out_order_no: string;
  transaction_id: string;
  state: ShareState;
  kind: 'SPLIT' | 'UNFREEZE' | 'SPLIT_UNFREEZE';
  request_hash: string;
  created_at: number;
  finished_at: number | null;
}
/** Mirrors `share_receivers`. */
export interface ShareReceiverRow {
  order_id: string;
  seq: number;
  type: string;
  account: string;
  amount_fen: number;
  description: string;
  result: ReceiverResult;
  fail_reason: string | null;
  detail_id: string;
  finish_at: number | null;
}

export function getShareOrder(sim: Sim, subMchid: string, outOrderNo: string): ShareOrderRow | undefined {
  return sim.db
    .prepare('SELECT * FROM share_orders WHERE sub_mchid = ? AND out_order_no = ?')
    .get(subMchid, outOrderNo) as ShareOrderRow | undefined;
}

export function shareView(sim: Sim, s: ShareOrderRow): Record<string, unknown> {
  const rs = sim.db
    .prepare('SELECT * FROM share_receivers WHERE order_id = ? ORDER BY seq')
    .all(s.order_id) as ShareReceiverRow[];
  return {
    sub_mchid: s.sub_mchid,
    transaction_id: s.transaction_id,
    out_order_no: s.out_order_no,
    order_id: s.order_id,
    state: s.state,
    receivers: rs.map((r) => ({
      amount: r.amount_fen,
      description: r.description,
      type: r.type,
      account: r.account,
      result: r.result,
      ...(r.fail_reason !== null ? { fail_reason: r.fail_reason } : {}),
      detail_id: r.detail_id,
      create_time: rfc3339(s.created_at),
      ...(r.finish_at !== null ? { finish_time: rfc3339(r.finish_at) } : {}),
    })),
  };
}

/** Whether sharing for the order has ended (unfrozen). */
export function sharingEnded(sim: Sim, transactionId: string): boolean {
  return (
    sim.db
      .prepare(
        `SELECT 1 FROM share_orders WHERE transaction_id = ? AND kind IN ('UNFREEZE', 'SPLIT_UNFREEZE')`,
      )
      .get(transactionId) !== undefined
  );
}
