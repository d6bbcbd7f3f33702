/**
 * 企业网银 B2B gateway (simulator endpoint, no WeChat equivalent): for the
 * truckload a payment code or QR may not carry. The merchant creates the
 * order and gets a `pay_url`; the buyer's company confirms on its bank's
 * page; the money arrives from outside the institution (reserve grows by
 * exactly what is credited), then it behaves like any paid order (frozen
 * for profit sharing, notified, settled T+1). No per-payer cap; a flat fee.
 */
import type { Sim } from '../context';
import { newToken, newTransactionId, requestHash } from '../ids';
import { INST_FEE, RESERVE, frozenAcct, pendingAcct, post } from '../ledger/ledger';
import { requirePartner } from '../merchants/store';
import { scheduleJob } from '../jobs/runner';
import { enqueueNotification } from '../notify/outbox';
import { AUTO_UNFREEZE_MS, JOB_AUTO_UNFREEZE } from '../profitshare/model';
import { SimError } from '../protocol/errors';
import { getOrder, getOrderById, toTransaction, type OrderRow } from './model';
import { DEFAULT_EXPIRE_MS } from './prepay';
import type { PrepayBody } from './schemas';

/** The gateway's fee per payment, whatever the amount (capped at the amount). */
export const B2B_FEE_FEN = 1_000;

export function createB2bOrder(
  sim: Sim,
  signer: string,
  b: PrepayBody,
): { order: OrderRow; pay_url: string } {
  requirePartner(sim, signer, b.sp_mchid, b.sub_mchid);
  const now = sim.clock.now();
  const hash = requestHash([
    'B2B',
    b.sub_mchid,
    b.out_trade_no,
    b.description,
    b.amount.total,
    b.settle_info?.profit_sharing ?? false,
  ]);
  const order = sim.db.transaction((): OrderRow => {
    const existing = getOrder(sim, b.sub_mchid, b.out_trade_no);
    if (existing !== undefined) {
      if (existing.request_hash !== hash) throw new SimError('OUT_TRADE_NO_USED', '商户订单号重复，请核实');
      return existing;
    }
    const tx = newTransactionId(now);
    sim.db
      .prepare(
        `INSERT INTO orders (transaction_id, sp_mchid, sub_mchid, out_trade_no, trade_type, state, state_desc, description, attach,
      notify_url, amount_fen, profit_sharing, time_expire, pay_token, request_hash, created_at) VALUES (?, ?, ?, ?, 'B2B', 'NOTPAY', '订单未支付', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        tx,
        b.sp_mchid,
        b.sub_mchid,
        b.out_trade_no,
        b.description,
        b.attach ?? null,
        b.notify_url,
        b.amount.total,
        b.settle_info?.profit_sharing === true ? 1 : 0,
        now + DEFAULT_EXPIRE_MS,
        newToken(),
        hash,
        now,
      );
    const row = getOrderById(sim, tx);
    if (row === undefined) throw new Error('insert lost');
    return row;
  })();
  return { order, pay_url: `${sim.baseUrl()}/gateway/${order.pay_token ?? ''}` };
}

/** The company's bank confirmed the transfer. */
export function completeB2b(sim: Sim, o: OrderRow): OrderRow {
  const now = sim.clock.now();
  return sim.db.transaction(() => {
    const cur = getOrderById(sim, o.transaction_id);
    if (cur === undefined || cur.trade_type !== 'B2B') throw new SimError('ORDER_NOT_EXIST', '订单不存在');
    if (cur.state !== 'NOTPAY') throw new SimError('TRADE_ERROR', `订单状态为 ${cur.state}，不能支付`);
    if (now > cur.time_expire) throw new SimError('ORDER_CLOSED', '订单已过期');
    const fee = Math.min(B2B_FEE_FEN, cur.amount_fen);
    post(sim.db, now, 'PAY_B2B', cur.transaction_id, [
      { account: RESERVE, amount_fen: cur.amount_fen },
      {
        account: cur.profit_sharing === 1 ? frozenAcct(cur.sub_mchid) : pendingAcct(cur.sub_mchid),
        amount_fen: -(cur.amount_fen - fee),
      },
      { account: INST_FEE, amount_fen: -fee },
    ]);
    sim.db
      .prepare(
        `UPDATE orders SET state = 'SUCCESS', state_desc = '支付成功', fee_fen = ?, paid_at = ? WHERE transaction_id = ?`,
      )
      .run(fee, now, cur.transaction_id);
    const paid = getOrderById(sim, cur.transaction_id);
    if (paid === undefined) throw new Error('order vanished');
    if (paid.profit_sharing === 1)
      scheduleJob(sim, JOB_AUTO_UNFREEZE, paid.transaction_id, AUTO_UNFREEZE_MS, false);
    enqueueNotification(sim, paid.notify_url, 'TRANSACTION.SUCCESS', toTransaction(sim, paid));
    return paid;
  })();
}
