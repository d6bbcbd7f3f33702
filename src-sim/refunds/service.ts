import { z } from 'zod';
import type { Sim } from '../context';
import { DAY_MS, rfc3339 } from '../clock';
import { newRefundId, requestHash } from '../ids';
import { scheduleJob } from '../jobs/runner';
import { INST_FEE, REFUND_TRANSIT, buyerAcct, pendingAcct, post } from '../ledger/ledger';
import { merchantDebitLegs, refundFee } from '../ledger/order-funds';
import { requirePartner } from '../merchants/store';
import { enqueueNotification, type EventType } from '../notify/outbox';
import { getOrder, getOrderById, isPaid, type OrderRow } from '../orders/model';
import { SimError } from '../protocol/errors';

export const MAX_REFUNDS_PER_ORDER = 50;
export const REFUND_WINDOW_MS = 365 * DAY_MS;
export const REFUND_MIN_GAP_MS = 60_000;
/** Time from acceptance to the buyer's wallet, before compression. */
export const REFUND_PROCESS_MS = 10_000;
export const JOB_REFUND_FINISH = 'refunds.finish';

/** PROCESSING: accepted, money in transit. SUCCESS: back with the buyer. ABNORMAL: the buyer's account refused it, needs handling. CLOSED: gave up, money back with the merchant. */
export type SimRefundState = 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';

/** Mirrors the `refunds` table. */
export interface RefundRow {
  refund_id: string;
  sub_mchid: string;
  out_refund_no: string;
  transaction_id: string;
  amount_fen: number;
  fee_fen: number;
  state: SimRefundState;
  reason: string | null;
  notify_url: string | null;
  request_hash: string;
  created_at: number;
  success_at: number | null;
}

export const RefundBody = z.object({
  sub_mchid: z.string().regex(/^\d{8,12}$/),
  transaction_id: z.string().max(32).optional(),
  out_trade_no: z.string().max(32).optional(),
  out_refund_no: z.string().regex(/^[0-9A-Za-z_\-|*@]{1,64}$/),
  reason: z.string().max(80).optional(),
  notify_url: z.string().url().max(256).optional(),
  funds_account: z.enum(['AVAILABLE', 'UNSETTLED']).optional(),
  amount: z.object({
    refund: z.number().int().min(1),
    total: z.number().int().min(1),
    currency: z.literal('CNY'),
  }),
});
export type RefundBody = z.infer<typeof RefundBody>;

export function getRefund(sim: Sim, subMchid: string, outRefundNo: string): RefundRow | undefined {
  return sim.db
    .prepare('SELECT * FROM refunds WHERE sub_mchid = ? AND out_refund_no = ?')
    .get(subMchid, outRefundNo) as RefundRow | undefined;
}

export function refundView(sim: Sim, r: RefundRow): Record<string, unknown> {
  const o = getOrderById(sim, r.transaction_id);
  return {
    refund_id: r.refund_id,
    out_refund_no: r.out_refund_no,
    transaction_id: r.transaction_id,
    out_trade_no: o?.out_trade_no,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    create_time: rfc3339(r.created_at),
    ...(r.success_at !== null ? { success_time: rfc3339(r.success_at) } : {}),
    status: r.state,
    funds_account: 'AVAILABLE',
    amount: {
      total: o?.amount_fen,
      refund: r.amount_fen,
      payer_total: o?.amount_fen,
      payer_refund: r.amount_fen,
      settlement_total: o?.amount_fen,
      settlement_refund: r.amount_fen,
      discount_refund: 0,
      currency: 'CNY',
      refund_fee: r.fee_fen,
    },
  };
}

/** The refund notification resource (WeChat's REFUND.* plaintext). */
function refundResource(sim: Sim, r: RefundRow, o: OrderRow): Record<string, unknown> {
  return {
    sp_mchid: o.sp_mchid,
    sub_mchid: o.sub_mchid,
    transaction_id: o.transaction_id,
    out_trade_no: o.out_trade_no,
    refund_id: r.refund_id,
    out_refund_no: r.out_refund_no,
    refund_status: r.state,
    ...(r.success_at !== null ? { success_time: rfc3339(r.success_at) } : {}),
    user_received_account: '支付用户零钱',
    amount: {
      total: o.amount_fen,
      refund: r.amount_fen,
      payer_total: o.amount_fen,
      payer_refund: r.amount_fen,
    },
  };
}

export function applyRefund(sim: Sim, signer: string, b: RefundBody): RefundRow {
  requirePartner(sim, signer, sim.id.spMchid, b.sub_mchid);
  if (b.transaction_id === undefined && b.out_trade_no === undefined)
    throw new SimError('PARAM_ERROR', 'transaction_id 与 out_trade_no 必须填写其一');
  const hash = requestHash([
    b.sub_mchid,
    b.transaction_id ?? null,
    b.out_trade_no ?? null,
    b.amount.refund,
    b.amount.total,
  ]);
  const now = sim.clock.now();
  return sim.db.transaction((): RefundRow => {
    const existing = getRefund(sim, b.sub_mchid, b.out_refund_no);
    if (existing !== undefined) {
      if (existing.request_hash !== hash)
        throw new SimError('INVALID_REQUEST', 'out_refund_no 已用于另一笔退款申请');
      return existing;
    }
    const o =
      b.transaction_id !== undefined
        ? getOrderById(sim, b.transaction_id)
        : getOrder(sim, b.sub_mchid, b.out_trade_no ?? '');
    if (o === undefined || o.sub_mchid !== b.sub_mchid)
      throw new SimError('RESOURCE_NOT_EXISTS', '订单不存在');
    if (!isPaid(o.state) || o.paid_at === null)
      throw new SimError('INVALID_REQUEST', '订单状态不正确，不能退款');
    if (o.trade_type === 'B2B')
      throw new SimError('INVALID_REQUEST', '企业网银支付不支持原路退款，请线下处理');
    if (b.amount.total !== o.amount_fen) throw new SimError('PARAM_ERROR', 'amount.total 与订单金额不一致');
    if (now - o.paid_at > REFUND_WINDOW_MS) throw new SimError('INVALID_REQUEST', '订单已超过365天退款期限');
    const prior = sim.db
      .prepare(`SELECT COUNT(*) AS n, MAX(created_at) AS last FROM refunds WHERE transaction_id = ?`)
      .get(o.transaction_id) as { n: number; last: number | null };
    if (prior.n >= MAX_REFUNDS_PER_ORDER)
      throw new SimError('INVALID_REQUEST', `同一订单最多退款${MAX_REFUNDS_PER_ORDER}次`);
    if (prior.last !== null && now - prior.last < REFUND_MIN_GAP_MS)
      throw new SimError('FREQUENCY_LIMITED', '同一订单两次退款间隔须至少1分钟');
    if (o.refunded_fen + b.amount.refund > o.amount_fen)
      throw new SimError('INVALID_REQUEST', '申请退款金额超过订单可退金额');
    const fee = refundFee(o.fee_fen, o.amount_fen, o.refunded_fen, b.amount.refund);
    const id = newRefundId(now);
    post(sim.db, now, 'REFUND_ACCEPT', o.transaction_id, [
      ...merchantDebitLegs(
        sim.db,
        o.sub_mchid,
        o.transaction_id,
        o.profit_sharing === 1,
        b.amount.refund - fee,
        'NOT_ENOUGH',
      ),
      { account: INST_FEE, amount_fen: fee },
      { account: REFUND_TRANSIT, amount_fen: -b.amount.refund },
    ]);
    sim.db
      .prepare(
        `INSERT INTO refunds (refund_id, sub_mchid, out_refund_no, transaction_id, amount_fen, fee_fen, state, reason, notify_url, request_hash, created_at)
      VALUES (?, ?, ?, ?, ?, ?, 'PROCESSING', ?, ?, ?, ?)`,
      )
      .run(
        id,
        b.sub_mchid,
        b.out_refund_no,
        o.transaction_id,
        b.amount.refund,
        fee,
        b.reason ?? null,
        b.notify_url ?? o.notify_url,
        hash,
        now,
      );
    sim.db
      .prepare(
        `UPDATE orders SET refunded_fen = refunded_fen + ?, state = 'REFUND', state_desc = '转入退款' WHERE transaction_id = ?`,
      )
      .run(b.amount.refund, o.transaction_id);
    scheduleJob(sim, JOB_REFUND_FINISH, id, REFUND_PROCESS_MS);
    const row = getRefund(sim, b.sub_mchid, b.out_refund_no);
    if (row === undefined) throw new Error('insert lost');
    return row;
  })();
}

const EVENT: Record<Exclude<SimRefundState, 'PROCESSING'>, EventType> = {
  SUCCESS: 'REFUND.SUCCESS',
  ABNORMAL: 'REFUND.ABNORMAL',
  CLOSED: 'REFUND.CLOSED',
};

/** Ends a PROCESSING refund: to the buyer, stuck (ABNORMAL) or back to the merchant (CLOSED). */
export function finishRefund(
  sim: Sim,
  refundId: string,
  forced?: Exclude<SimRefundState, 'PROCESSING'>,
): void {
  const outcome =
    forced ??
    (sim.faults.take('refund_closed')
      ? 'CLOSED'
      : sim.faults.take('refund_abnormal')
        ? 'ABNORMAL'
        : 'SUCCESS');
  sim.db.transaction(() => {
    const r = sim.db.prepare('SELECT * FROM refunds WHERE refund_id = ?').get(refundId) as
      RefundRow | undefined;
    if (r === undefined || r.state !== 'PROCESSING') return;
    const o = getOrderById(sim, r.transaction_id);
    if (o === undefined || o.buyer_id === null) throw new Error(`refund ${refundId} without a paid order`);
    const now = sim.clock.now();
    if (outcome === 'SUCCESS')
      post(sim.db, now, 'REFUND_SUCCESS', o.transaction_id, [
        { account: REFUND_TRANSIT, amount_fen: r.amount_fen },
        { account: buyerAcct(o.buyer_id), amount_fen: -r.amount_fen },
      ]);
    if (outcome === 'CLOSED') {
      post(sim.db, now, 'REFUND_CLOSED', o.transaction_id, [
        { account: REFUND_TRANSIT, amount_fen: r.amount_fen },
        { account: pendingAcct(o.sub_mchid), amount_fen: -(r.amount_fen - r.fee_fen) },
        { account: INST_FEE, amount_fen: -r.fee_fen },
      ]);
      sim.db
        .prepare('UPDATE orders SET refunded_fen = refunded_fen - ? WHERE transaction_id = ?')
        .run(r.amount_fen, o.transaction_id);
    }
    sim.db
      .prepare('UPDATE refunds SET state = ?, success_at = ? WHERE refund_id = ?')
      .run(outcome, outcome === 'SUCCESS' ? now : null, refundId);
    const done = { ...r, state: outcome, success_at: outcome === 'SUCCESS' ? now : null } satisfies RefundRow;
    enqueueNotification(sim, r.notify_url, EVENT[outcome], refundResource(sim, done, o));
  })();
}

/** 异常退款: send an ABNORMAL refund again, to the buyer's (re-opened) account. */
export function retryAbnormal(sim: Sim, r: RefundRow): RefundRow {
  if (r.state !== 'ABNORMAL') throw new SimError('INVALID_REQUEST', '退款单状态不是 ABNORMAL');
  sim.db.prepare(`UPDATE refunds SET state = 'PROCESSING' WHERE refund_id = ?`).run(r.refund_id);
  scheduleJob(sim, JOB_REFUND_FINISH, r.refund_id, REFUND_PROCESS_MS);
  return { ...r, state: 'PROCESSING' };
}
