import type { Sim } from '../context';
import { DAY_MS, shanghaiDate, shanghaiMidnight } from '../clock';
import { classifyAuthCode } from '../codes/classify';
import { newTransactionId, requestHash } from '../ids';
import { scheduleJob } from '../jobs/runner';
import { balance, buyerAcct } from '../ledger/ledger';
import { requirePartner } from '../merchants/store';
import { SimError } from '../protocol/errors';
import { checkPayerLimits } from '../buyers/limits';
import { AUTH_CODE_TTL_MS, getBuyer } from '../buyers/store';
import { getOrder, getOrderById, type OrderRow } from './model';
import { completePayment, endOrder } from './pay';
import type { CodepayBody } from './schemas';

/** At or above this the buyer must enter the password (WeChat: 3000 CNY). */
export const PASSWORD_AMOUNT_FEN = 300_000;
/** From this many code payments in a day on, the buyer must enter the password (WeChat: 10). */
export const PASSWORD_DAILY_COUNT = 10;
/** An order still waiting for the password this long after creation is revoked by the institution (WeChat: 45 s). */
export const USERPAYING_REVOKE_MS = 45_000;
export const JOB_USERPAYING_TIMEOUT = 'codepay.userpaying_timeout';

export type CodepayResult = { kind: 'paid'; order: OrderRow } | { kind: 'userpaying'; order: OrderRow };

function codePaymentsToday(sim: Sim, buyerId: string, now: number): number {
  const start = shanghaiMidnight(shanghaiDate(now));
  const row = sim.db
    .prepare(
      `SELECT COUNT(*) AS n FROM orders WHERE buyer_id = ? AND trade_type = 'MICROPAY'
    AND paid_at IS NOT NULL AND paid_at >= ? AND paid_at < ?`,
    )
    .get(buyerId, start, start + DAY_MS) as { n: number };
  return row.n;
}

function replay(o: OrderRow): CodepayResult {
  switch (o.state) {
    case 'SUCCESS':
    case 'REFUND':
      return { kind: 'paid', order: o };
    case 'USERPAYING':
      return { kind: 'userpaying', order: o };
    case 'PAYERROR':
      throw new SimError('TRADE_ERROR', o.state_desc || '支付失败');
    case 'NOTPAY':
    case 'CLOSED':
    case 'REVOKED':
      throw new SimError('ORDER_CLOSED', '订单已关闭或已撤销');
  }
}

/**
 * 付款码支付. The code picks the wallet; the same out_trade_no with the same
 * data answers the order's current state (a retry after a timeout must not
 * pay twice). Small amounts within the day's count pay at once; otherwise the
 * order waits in USERPAYING for the buyer's password, and is revoked at 45 s.
 */
export function codepay(sim: Sim, signer: string, b: CodepayBody): CodepayResult {
  requirePartner(sim, signer, b.sp_mchid, b.sub_mchid);
  const channel = classifyAuthCode(b.payer.auth_code);
  if (channel === null)
    throw new SimError('PARAM_ERROR', '不支持的条码 (auth_code 无法识别为微信/支付宝/云闪付付款码)');
  const now = sim.clock.now();
  const hash = requestHash([
    'MICROPAY',
    b.sub_mchid,
    b.out_trade_no,
    b.description,
    b.amount.total,
    b.payer.auth_code,
    b.settle_info?.profit_sharing ?? false,
    b.attach ?? null,
  ]);
  const step = sim.db.transaction(
    ():
      | CodepayResult
      | { kind: 'pay'; order: OrderRow; buyerId: string }
      | { kind: 'refused'; error: SimError } => {
      const existing = getOrder(sim, b.sub_mchid, b.out_trade_no);
      if (existing !== undefined) {
        if (existing.request_hash !== hash) throw new SimError('OUT_TRADE_NO_USED', '商户订单号重复，请核实');
        return replay(existing);
      }
      const code = sim.db
        .prepare('SELECT buyer_id, issued_at, used_at FROM auth_codes WHERE code = ?')
        .get(b.payer.auth_code) as
        { buyer_id: string; issued_at: number; used_at: number | null } | undefined;
      if (code === undefined)
        throw new SimError('PARAM_ERROR', '付款码无效，请用户刷新后重试 (AUTH_CODE_INVALID)');
      if (code.used_at !== null || now - code.issued_at > AUTH_CODE_TTL_MS)
        throw new SimError('TRADE_ERROR', '二维码已过期，请用户在钱包中刷新后再试 (AUTHCODEEXPIRE)');
      const buyer = getBuyer(sim, code.buyer_id);
      if (buyer === undefined || buyer.channel !== channel)
        throw new SimError('PARAM_ERROR', '付款码无效 (AUTH_CODE_INVALID)');
      sim.db.prepare('UPDATE auth_codes SET used_at = ? WHERE code = ?').run(now, b.payer.auth_code);
      const tx = newTransactionId(now);
      sim.db
        .prepare(
          `INSERT INTO orders (transaction_id, sp_mchid, sub_mchid, out_trade_no, trade_type, channel, state, state_desc, description, attach,
      amount_fen, profit_sharing, buyer_id, time_expire, request_hash, created_at)
      VALUES (?, ?, ?, ?, 'MICROPAY', ?, 'NOTPAY', '', ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          tx,
          b.sp_mchid,
          b.sub_mchid,
          b.out_trade_no,
          channel,
          b.description,
          b.attach ?? null,
          b.amount.total,
          b.settle_info?.profit_sharing === true ? 1 : 0,
          buyer.id,
          now + USERPAYING_REVOKE_MS,
          hash,
          now,
        );
      const order = getOrderById(sim, tx);
      if (order === undefined) throw new Error('insert lost');
      // Definite failures are committed as PAYERROR before refusing, so a query finds the order.
      const refuse = (error: SimError): { kind: 'refused'; error: SimError } => {
        endOrder(sim, tx, 'PAYERROR', error.message);
        return { kind: 'refused', error };
      };
      if (balance(sim.db, buyerAcct(buyer.id)) < b.amount.total)
        return refuse(new SimError('NOTENOUGH', '用户余额不足'));
      try {
        checkPayerLimits(sim, buyer.id, b.amount.total, false);
      } catch (e) {
        if (e instanceof SimError) return refuse(e);
        throw e;
      }
      if (
        b.amount.total >= PASSWORD_AMOUNT_FEN ||
        codePaymentsToday(sim, buyer.id, now) >= PASSWORD_DAILY_COUNT
      ) {
        sim.db
          .prepare(
            `UPDATE orders SET state = 'USERPAYING', state_desc = '需要用户输入支付密码' WHERE transaction_id = ?`,
          )
          .run(tx);
        scheduleJob(sim, JOB_USERPAYING_TIMEOUT, tx, USERPAYING_REVOKE_MS, false);
        const waiting = getOrderById(sim, tx);
        if (waiting === undefined) throw new Error('order lost');
        return { kind: 'userpaying', order: waiting };
      }
      return { kind: 'pay', order, buyerId: buyer.id };
    },
  )();
  if (step.kind === 'refused') throw step.error;
  if (step.kind !== 'pay') return step;
  return { kind: 'paid', order: completePayment(sim, step.order, step.buyerId, channel) };
}

/** The buyer typed the password on the phone. */
export function confirmUserpaying(
  sim: Sim,
  transactionId: string,
  buyerId: string,
  password: string,
): OrderRow {
  const o = getOrderById(sim, transactionId);
  if (o === undefined || o.buyer_id !== buyerId || o.state !== 'USERPAYING')
    throw new SimError('TRADE_ERROR', '没有等待输入密码的订单');
  const buyer = getBuyer(sim, buyerId);
  if (buyer === undefined || buyer.password !== password)
    throw new SimError('INVALID_REQUEST', '支付密码错误');
  if (o.channel === null) throw new Error('code pay order without channel');
  return completePayment(sim, o, buyerId, o.channel);
}

/** The buyer cancelled the password prompt. */
export function cancelUserpaying(sim: Sim, transactionId: string, buyerId: string): void {
  const o = getOrderById(sim, transactionId);
  if (o === undefined || o.buyer_id !== buyerId || o.state !== 'USERPAYING')
    throw new SimError('TRADE_ERROR', '没有等待输入密码的订单');
  endOrder(sim, transactionId, 'PAYERROR', '用户取消支付');
}

export function userpayingTimeout(sim: Sim, transactionId: string): void {
  const o = getOrderById(sim, transactionId);
  if (o?.state === 'USERPAYING') endOrder(sim, transactionId, 'REVOKED', '用户支付超时，订单已撤销');
}
