import { z } from 'zod';
import type { Sim } from '../context';
import { mulDivRoundHalfUp } from '../../shared/money';
import { newDetailId, newShareOrderId, requestHash } from '../ids';
import { scheduleJob } from '../jobs/runner';
import { frozenAcct, move, pendingAcct } from '../ledger/ledger';
import { orderFrozen } from '../ledger/order-funds';
import { getMerchant, requirePartner } from '../merchants/store';
import { enqueueNotification } from '../notify/outbox';
import { getOrderById, isPaid, type OrderRow } from '../orders/model';
import { SimError } from '../protocol/errors';
import { rfc3339 } from '../clock';
import {
  FAIL_REASONS,
  JOB_AUTO_UNFREEZE,
  MAX_RECEIVERS_PER_SPLIT,
  MAX_SPLITS_PER_ORDER,
  SPLIT_MIN_AGE_MS,
  SPLIT_PROCESS_MS,
  SPLIT_TRANSIT,
  getShareOrder,
  sharingEnded,
  type ShareOrderRow,
  type ShareReceiverRow,
} from './model';
import { isReceiver } from './receivers';

export const JOB_SPLIT_FINISH = 'profitshare.finish';

export const SplitBody = z.object({
  sub_mchid: z.string().regex(/^\d{8,12}$/),
  appid: z.string().max(32).optional(),
  transaction_id: z.string().min(1).max(32),
  out_order_no: z.string().regex(/^[0-9A-Za-z_\-|*@]{1,64}$/),
  receivers: z
    .array(
      z.object({
        type: z.enum(['MERCHANT_ID', 'PERSONAL_OPENID', 'PERSONAL_SUB_OPENID']),
        account: z.string().min(1).max(64),
        name: z.string().max(1024).optional(),
        amount: z.number().int().min(1),
        description: z.string().min(1).max(80),
      }),
    )
    .min(1),
  unfreeze_unsplit: z.boolean(),
});
export type SplitBody = z.infer<typeof SplitBody>;

/** What the order has already sent (or is sending) to others. */
function splitSoFar(sim: Sim, transactionId: string): { amount: number; requests: number } {
  const a = sim.db
    .prepare(
      `SELECT COALESCE(SUM(r.amount_fen), 0) AS s FROM share_receivers r JOIN share_orders o ON o.order_id = r.order_id
    WHERE o.transaction_id = ? AND o.kind <> 'UNFREEZE' AND r.result <> 'CLOSED'`,
    )
    .get(transactionId) as { s: number };
  const n = sim.db
    .prepare(`SELECT COUNT(*) AS n FROM share_orders WHERE transaction_id = ? AND kind <> 'UNFREEZE'`)
    .get(transactionId) as { n: number };
  return { amount: a.s, requests: n.n };
}

function shareableOrder(sim: Sim, subMchid: string, transactionId: string): OrderRow {
  const o = getOrderById(sim, transactionId);
  if (o === undefined || o.sub_mchid !== subMchid) throw new SimError('RESOURCE_NOT_EXISTS', '订单不存在');
  if (!isPaid(o.state) && o.state !== 'REVOKED')
    throw new SimError('INVALID_REQUEST', '订单未支付，不能分账');
  if (o.profit_sharing !== 1)
    throw new SimError('INVALID_REQUEST', '该订单下单时未设置分账 (settle_info.profit_sharing)');
  if (sharingEnded(sim, transactionId)) throw new SimError('INVALID_REQUEST', '订单已完结分账');
  return o;
}

export function requestSplit(sim: Sim, signer: string, b: SplitBody): ShareOrderRow {
  const m = requirePartner(sim, signer, sim.id.spMchid, b.sub_mchid);
  const hash = requestHash([
    b.transaction_id,
    b.receivers.map((r) => [r.type, r.account, r.amount]),
    b.unfreeze_unsplit,
  ]);
  const now = sim.clock.now();
  return sim.db.transaction((): ShareOrderRow => {
    const existing = getShareOrder(sim, b.sub_mchid, b.out_order_no);
    if (existing !== undefined) {
      if (existing.request_hash !== hash)
        throw new SimError('INVALID_REQUEST', 'out_order_no 已用于另一笔分账请求');
      return existing;
    }
    const o = shareableOrder(sim, b.sub_mchid, b.transaction_id);
    if (o.paid_at === null || now - o.paid_at < SPLIT_MIN_AGE_MS)
      throw new SimError('INVALID_REQUEST', '请在支付成功30秒后再请求分账');
    if (b.receivers.length > MAX_RECEIVERS_PER_SPLIT)
      throw new SimError('PARAM_ERROR', `单次分账接收方不能超过${MAX_RECEIVERS_PER_SPLIT}个`);
    const so = splitSoFar(sim, o.transaction_id);
    if (so.requests >= MAX_SPLITS_PER_ORDER)
      throw new SimError('INVALID_REQUEST', `同一订单分账请求不能超过${MAX_SPLITS_PER_ORDER}次`);
    const total = b.receivers.reduce((s, r) => s + r.amount, 0);
    const cap = mulDivRoundHalfUp(o.amount_fen, m.max_ratio_bp, 10_000);
    if (so.amount + total > Math.min(cap, o.amount_fen))
      throw new SimError('INVALID_REQUEST', `分账金额超出最大分账比例 (${m.max_ratio_bp / 100}%)`);
    if (total > orderFrozen(sim.db, o.sub_mchid, o.transaction_id))
      throw new SimError('NOT_ENOUGH', '订单待分账金额不足');
    for (const r of b.receivers) {
      if (r.type !== 'MERCHANT_ID') throw new SimError('INVALID_REQUEST', '本机构仅支持商户号作为分账接收方');
    }
    const id = newShareOrderId(now);
    sim.db
      .prepare(
        `INSERT INTO share_orders (order_id, sub_mchid, out_order_no, transaction_id, state, kind, request_hash, created_at)
      VALUES (?, ?, ?, ?, 'PROCESSING', ?, ?, ?)`,
      )
      .run(
        id,
        b.sub_mchid,
        b.out_order_no,
        o.transaction_id,
        b.unfreeze_unsplit ? 'SPLIT_UNFREEZE' : 'SPLIT',
        hash,
        now,
      );
    const ins = sim.db.prepare(
      `INSERT INTO share_receivers (order_id, seq, type, account, amount_fen, description, result, detail_id) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?)`,
    );
    b.receivers.forEach((r, i) =>
      ins.run(id, i, r.type, r.account, r.amount, r.description, newDetailId(now)),
    );
    move(sim.db, now, 'SPLIT_ACCEPT', o.transaction_id, frozenAcct(o.sub_mchid), SPLIT_TRANSIT, total);
    scheduleJob(sim, JOB_SPLIT_FINISH, id, SPLIT_PROCESS_MS);
    const row = getShareOrder(sim, b.sub_mchid, b.out_order_no);
    if (row === undefined) throw new Error('insert lost');
    return row;
  })();
}

/** Releases what is still frozen to the merchant and ends sharing for the order. */
function releaseRest(sim: Sim, o: OrderRow, now: number): number {
  const rest = orderFrozen(sim.db, o.sub_mchid, o.transaction_id);
  if (rest > 0)
    move(sim.db, now, 'UNFREEZE', o.transaction_id, frozenAcct(o.sub_mchid), pendingAcct(o.sub_mchid), rest);
  return rest;
}

export function finishSplit(sim: Sim, orderId: string): void {
  const failure = sim.faults.take('split_failure');
  const reason =
    failure?.reason !== undefined && (FAIL_REASONS as readonly string[]).includes(failure.reason)
      ? failure.reason
      : 'ACCOUNT_ABNORMAL';
  sim.db.transaction(() => {
    const s = sim.db
      .prepare(`SELECT * FROM share_orders WHERE order_id = ? AND state = 'PROCESSING'`)
      .get(orderId) as ShareOrderRow | undefined;
    if (s === undefined) return;
    const o = getOrderById(sim, s.transaction_id);
    if (o === undefined) throw new Error('split without order');
    const now = sim.clock.now();
    const rs = sim.db
      .prepare('SELECT * FROM share_receivers WHERE order_id = ? ORDER BY seq')
      .all(orderId) as ShareReceiverRow[];
    for (const r of rs) {
      const fail =
        failure !== undefined
          ? reason
          : !isReceiver(sim, s.sub_mchid, r.type, r.account)
            ? 'NO_RELATION'
            : r.account !== sim.id.spMchid && getMerchant(sim.db, r.account)?.state !== 'ACTIVE'
              ? 'ACCOUNT_ABNORMAL'
              : null;
      if (fail === null)
        move(
          sim.db,
          now,
          'SPLIT_SUCCESS',
          s.transaction_id,
          SPLIT_TRANSIT,
          pendingAcct(r.account),
          r.amount_fen,
        );
      else
        move(
          sim.db,
          now,
          'SPLIT_CLOSED',
          s.transaction_id,
          SPLIT_TRANSIT,
          frozenAcct(s.sub_mchid),
          r.amount_fen,
        );
      sim.db
        .prepare(
          'UPDATE share_receivers SET result = ?, fail_reason = ?, finish_at = ? WHERE order_id = ? AND seq = ?',
        )
        .run(fail === null ? 'SUCCESS' : 'CLOSED', fail, now, orderId, r.seq);
      enqueueNotification(
        sim,
        o.notify_url,
        fail === null ? 'PROFITSHARING.SUCCESS' : 'PROFITSHARING.CLOSED',
        {
          sp_mchid: o.sp_mchid,
          sub_mchid: s.sub_mchid,
          transaction_id: s.transaction_id,
          order_id: s.order_id,
          out_order_no: s.out_order_no,
          receiver: {
            type: r.type,
            account: r.account,
            amount: r.amount_fen,
            description: r.description,
            ...(fail !== null ? { fail_reason: fail } : {}),
          },
          success_time: rfc3339(now),
        },
      );
    }
    if (s.kind === 'SPLIT_UNFREEZE') releaseRest(sim, o, now);
    sim.db
      .prepare(`UPDATE share_orders SET state = 'FINISHED', finished_at = ? WHERE order_id = ?`)
      .run(now, orderId);
  })();
}

/** 180 days after payment, whatever is still frozen goes to the merchant and sharing ends. */
export function autoUnfreeze(sim: Sim, transactionId: string): void {
  sim.db.transaction(() => {
    const o = getOrderById(sim, transactionId);
    if (o === undefined || o.profit_sharing !== 1 || sharingEnded(sim, transactionId)) return;
    if (
      sim.db
        .prepare(`SELECT 1 FROM share_orders WHERE transaction_id = ? AND state = 'PROCESSING'`)
        .get(transactionId) !== undefined
    ) {
      scheduleJob(sim, JOB_AUTO_UNFREEZE, transactionId, 3600_000, false);
      return;
    }
    const now = sim.clock.now();
    const rest = releaseRest(sim, o, now);
    const id = newShareOrderId(now);
    sim.db
      .prepare(
        `INSERT INTO share_orders (order_id, sub_mchid, out_order_no, transaction_id, state, kind, request_hash, created_at, finished_at)
      VALUES (?, ?, ?, ?, 'FINISHED', 'UNFREEZE', 'auto', ?, ?)`,
      )
      .run(id, o.sub_mchid, `AUTO${transactionId}`, transactionId, now, now);
    sim.db
      .prepare(
        `INSERT INTO share_receivers (order_id, seq, type, account, amount_fen, description, result, detail_id, finish_at)
      VALUES (?, 0, 'MERCHANT_ID', ?, ?, '到期自动解冻', 'SUCCESS', ?, ?)`,
      )
      .run(id, o.sub_mchid, rest, newDetailId(now), now);
  })();
}

export const UnfreezeBody = z.object({
  sub_mchid: z.string().regex(/^\d{8,12}$/),
  transaction_id: z.string().min(1).max(32),
  out_order_no: z.string().regex(/^[0-9A-Za-z_\-|*@]{1,64}$/),
  description: z.string().min(1).max(80),
});

/** 完结分账: the rest goes to the merchant now; no split may follow. */
export function unfreeze(sim: Sim, signer: string, b: z.infer<typeof UnfreezeBody>): ShareOrderRow {
  requirePartner(sim, signer, sim.id.spMchid, b.sub_mchid);
  const hash = requestHash(['UNFREEZE', b.transaction_id]);
  return sim.db.transaction((): ShareOrderRow => {
    const existing = getShareOrder(sim, b.sub_mchid, b.out_order_no);
    if (existing !== undefined) {
      if (existing.request_hash !== hash)
        throw new SimError('INVALID_REQUEST', 'out_order_no 已用于另一笔请求');
      return existing;
    }
    const o = shareableOrder(sim, b.sub_mchid, b.transaction_id);
    const busy = sim.db
      .prepare(`SELECT 1 FROM share_orders WHERE transaction_id = ? AND state = 'PROCESSING'`)
      .get(o.transaction_id);
    if (busy !== undefined) throw new SimError('INVALID_REQUEST', '订单有处理中的分账，请稍后再试');
    const now = sim.clock.now();
    const id = newShareOrderId(now);
    const rest = releaseRest(sim, o, now);
    sim.db
      .prepare(
        `INSERT INTO share_orders (order_id, sub_mchid, out_order_no, transaction_id, state, kind, request_hash, created_at, finished_at)
      VALUES (?, ?, ?, ?, 'FINISHED', 'UNFREEZE', ?, ?, ?)`,
      )
      .run(id, b.sub_mchid, b.out_order_no, o.transaction_id, hash, now, now);
    sim.db
      .prepare(
        `INSERT INTO share_receivers (order_id, seq, type, account, amount_fen, description, result, detail_id, finish_at)
      VALUES (?, 0, 'MERCHANT_ID', ?, ?, ?, 'SUCCESS', ?, ?)`,
      )
      .run(id, b.sub_mchid, rest, b.description, newDetailId(now), now);
    const row = getShareOrder(sim, b.sub_mchid, b.out_order_no);
    if (row === undefined) throw new Error('insert lost');
    return row;
  })();
}
