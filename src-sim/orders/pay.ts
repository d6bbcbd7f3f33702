import type { Sim } from '../context';
import { mulDivRoundHalfUp } from '../../shared/money';
import type { Channel } from '../codes/classify';
import { INST_FEE, balance, buyerAcct, frozenAcct, pendingAcct, post } from '../ledger/ledger';
import { checkPayerLimits } from '../buyers/limits';
import { getMerchant } from '../merchants/store';
import { scheduleJob } from '../jobs/runner';
import { enqueueNotification } from '../notify/outbox';
import { AUTO_UNFREEZE_MS, JOB_AUTO_UNFREEZE } from '../profitshare/model';
import { SimError } from '../protocol/errors';
import { getOrderById, toTransaction, type OrderRow } from './model';

/**
 * The buyer's money moves: buyer wallet → the sub-merchant (frozen when the
 * order was flagged for profit sharing, else pending settlement), less the
 * institution's fee. One transaction; notifies for every trade type except
 * code pay (WeChat sends no notification for 付款码支付).
 */
export function completePayment(sim: Sim, o: OrderRow, buyerId: string, channel: Channel): OrderRow {
  const now = sim.clock.now();
  return sim.db.transaction(() => {
    const cur = getOrderById(sim, o.transaction_id);
    if (cur === undefined) throw new SimError('ORDER_NOT_EXIST', '订单不存在');
    if (cur.state !== 'NOTPAY' && cur.state !== 'USERPAYING')
      throw new SimError('TRADE_ERROR', `订单状态为 ${cur.state}，不能支付`);
    if (now > cur.time_expire) throw new SimError('ORDER_CLOSED', '订单已过期');
    if (balance(sim.db, buyerAcct(buyerId)) < cur.amount_fen) throw new SimError('NOTENOUGH', '用户余额不足');
    checkPayerLimits(sim, buyerId, cur.amount_fen, cur.static_code !== null);
    const m = getMerchant(sim.db, cur.sub_mchid);
    if (m === undefined) throw new SimError('NO_AUTH', '特约商户不存在');
    const fee = mulDivRoundHalfUp(cur.amount_fen, m.fee_rate_bp, 10_000);
    const to = cur.profit_sharing === 1 ? frozenAcct(cur.sub_mchid) : pendingAcct(cur.sub_mchid);
    post(sim.db, now, 'PAY', cur.transaction_id, [
      { account: buyerAcct(buyerId), amount_fen: cur.amount_fen },
      { account: to, amount_fen: -(cur.amount_fen - fee) },
      { account: INST_FEE, amount_fen: -fee },
    ]);
    sim.db
      .prepare(
        `UPDATE orders SET state = 'SUCCESS', state_desc = '支付成功', buyer_id = ?, channel = ?, fee_fen = ?, paid_at = ? WHERE transaction_id = ?`,
      )
      .run(buyerId, channel, fee, now, cur.transaction_id);
    const paid = getOrderById(sim, cur.transaction_id);
    if (paid === undefined) throw new Error('order vanished inside its own transaction');
    if (paid.profit_sharing === 1)
      scheduleJob(sim, JOB_AUTO_UNFREEZE, paid.transaction_id, AUTO_UNFREEZE_MS, false);
    if (paid.trade_type !== 'MICROPAY')
      enqueueNotification(sim, paid.notify_url, 'TRANSACTION.SUCCESS', toTransaction(sim, paid));
    return paid;
  })();
}

/** A state change that moves no money (close, revoke unpaid, payment error). */
export function endOrder(
  sim: Sim,
  transactionId: string,
  state: 'CLOSED' | 'REVOKED' | 'PAYERROR',
  desc: string,
): void {
  sim.db
    .prepare('UPDATE orders SET state = ?, state_desc = ?, ended_at = ? WHERE transaction_id = ?')
    .run(state, desc, sim.clock.now(), transactionId);
}
