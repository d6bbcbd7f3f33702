import type { Sim } from '../context';
import { DAY_MS } from '../clock';
import { INST_FEE, buyerAcct, post } from '../ledger/ledger';
import { merchantDebitLegs, refundFee } from '../ledger/order-funds';
import { requirePartner } from '../merchants/store';
import { SimError } from '../protocol/errors';
import { getOrder, getOrderById, isPaid, type OrderRow } from './model';
import { endOrder } from './pay';

/** Reverse is refused earlier than this after the pay call (WeChat: 15 s). */
export const REVERSE_MIN_AGE_MS = 15_000;
/** Reverse is refused for orders older than this (WeChat: 7 days). */
export const REVERSE_MAX_AGE_MS = 7 * DAY_MS;

export function findOrder(
  sim: Sim,
  signer: string,
  spMchid: string,
  subMchid: string,
  key: { out_trade_no: string } | { transaction_id: string },
): OrderRow {
  requirePartner(sim, signer, spMchid, subMchid);
  const o =
    'out_trade_no' in key ? getOrder(sim, subMchid, key.out_trade_no) : getOrderById(sim, key.transaction_id);
  if (o === undefined || o.sub_mchid !== subMchid) throw new SimError('ORDER_NOT_EXIST', '订单不存在');
  return o;
}

/** 关单: only unpaid buyer-scans orders; closing twice is fine. */
export function closeOrder(sim: Sim, o: OrderRow): void {
  if (o.trade_type === 'MICROPAY') throw new SimError('INVALID_REQUEST', '付款码支付订单请调用撤销接口');
  switch (o.state) {
    case 'SUCCESS':
    case 'REFUND':
      throw new SimError('ORDERPAID', '订单已支付，不能关闭');
    case 'CLOSED':
    case 'REVOKED':
    case 'PAYERROR':
      return;
    case 'NOTPAY':
    case 'USERPAYING':
      endOrder(sim, o.transaction_id, 'CLOSED', '订单已关闭');
      return;
  }
}

/**
 * 撤销 a code-pay order: no earlier than 15 s after the pay call, no later
 * than 7 days, never while the buyer is typing the password. Paid money goes
 * back to the buyer at once (what has not been refunded yet); unpaid orders
 * simply end REVOKED. Reversing twice answers the same.
 */
export function reverseOrder(sim: Sim, o: OrderRow): void {
  if (o.trade_type !== 'MICROPAY') throw new SimError('INVALID_REQUEST', '仅付款码支付订单可以撤销');
  const now = sim.clock.now();
  if (o.state === 'REVOKED') return;
  if (now - o.created_at < REVERSE_MIN_AGE_MS)
    throw new SimError('INVALID_REQUEST', '请在支付请求15秒后再调用撤销');
  if (now - o.created_at > REVERSE_MAX_AGE_MS)
    throw new SimError('INVALID_REQUEST', '订单已超过7天，不能撤销，请使用退款');
  if (o.state === 'USERPAYING') throw new SimError('USERPAYING', '正在支付中不能发起撤销');
  sim.db.transaction(() => {
    const cur = getOrderById(sim, o.transaction_id);
    if (cur === undefined) throw new Error('order vanished');
    if (isPaid(cur.state)) {
      const pending = sim.db
        .prepare(`SELECT COUNT(*) AS n FROM refunds WHERE transaction_id = ? AND state = 'PROCESSING'`)
        .get(cur.transaction_id) as { n: number };
      if (pending.n > 0) throw new SimError('INVALID_REQUEST', '订单有处理中的退款，暂不能撤销');
      const rest = cur.amount_fen - cur.refunded_fen;
      if (rest > 0 && cur.buyer_id !== null) {
        const fee = refundFee(cur.fee_fen, cur.amount_fen, cur.refunded_fen, rest);
        post(sim.db, now, 'REVERSE', cur.transaction_id, [
          ...merchantDebitLegs(
            sim.db,
            cur.sub_mchid,
            cur.transaction_id,
            cur.profit_sharing === 1,
            rest - fee,
          ),
          { account: INST_FEE, amount_fen: fee },
          { account: buyerAcct(cur.buyer_id), amount_fen: -rest },
        ]);
        sim.db
          .prepare('UPDATE orders SET refunded_fen = amount_fen WHERE transaction_id = ?')
          .run(cur.transaction_id);
      }
    }
    endOrder(sim, cur.transaction_id, 'REVOKED', '订单已撤销');
  })();
}
