import type { Sim } from '../context';
import { DAY_MS } from '../clock';
import { newToken, newTransactionId, requestHash } from '../ids';
import { requirePartner } from '../merchants/store';
import { SimError } from '../protocol/errors';
import { getOrder, type OrderRow, type TradeType } from './model';
import type { PrepayBody } from './schemas';

/** Without time_expire an order stays payable this long (WeChat: 7 days). */
export const DEFAULT_EXPIRE_MS = 7 * DAY_MS;
/** time_expire earlier than this after creation is raised to it (WeChat: 1 minute). */
export const MIN_EXPIRE_MS = 60_000;
export const MAX_EXPIRE_MS = 90 * DAY_MS;
/** A native code_url is good this long (WeChat: 2 hours). */
export const CODE_URL_TTL_MS = 2 * 3600_000;

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function effectiveExpire(now: number, timeExpire: string | undefined): number {
  if (timeExpire === undefined) return now + DEFAULT_EXPIRE_MS;
  const t = RFC3339.test(timeExpire) ? Date.parse(timeExpire) : Number.NaN;
  if (Number.isNaN(t)) throw new SimError('PARAM_ERROR', 'time_expire 须为 RFC3339 格式');
  if (t > now + MAX_EXPIRE_MS) throw new SimError('PARAM_ERROR', 'time_expire 不能晚于下单后90天');
  return Math.max(t, now + MIN_EXPIRE_MS);
}

/** Same number + same business fields = the same order; anything else is a reuse. */
function hashOf(kind: TradeType, b: PrepayBody): string {
  return requestHash([
    kind,
    b.sub_mchid,
    b.out_trade_no,
    b.description,
    b.amount.total,
    b.attach ?? null,
    b.settle_info?.profit_sharing ?? false,
    b.time_expire ?? null,
    b.payer ?? null,
  ]);
}

export interface Prepared {
  order: OrderRow;
  code_url: string;
  h5_url: string;
  prepay_id: string;
}

/** Native / JSAPI / H5 (MWEB): the buyer scans or opens a link, then confirms in the wallet app. */
export function createPrepayOrder(
  sim: Sim,
  signer: string,
  kind: Exclude<TradeType, 'MICROPAY'>,
  b: PrepayBody,
): Prepared {
  requirePartner(sim, signer, b.sp_mchid, b.sub_mchid);
  if (kind === 'JSAPI' && b.payer?.sp_openid === undefined && b.payer?.sub_openid === undefined) {
    throw new SimError('PARAM_ERROR', 'JSAPI 下单须提供 payer.sp_openid 或 payer.sub_openid');
  }
  const now = sim.clock.now();
  const hash = hashOf(kind, b);
  const order = sim.db.transaction((): OrderRow => {
    const existing = getOrder(sim, b.sub_mchid, b.out_trade_no);
    if (existing !== undefined) {
      if (existing.request_hash !== hash) throw new SimError('OUT_TRADE_NO_USED', '商户订单号重复，请核实');
      if (existing.state === 'SUCCESS' || existing.state === 'REFUND')
        throw new SimError('ORDERPAID', '该订单已支付');
      if (existing.state !== 'NOTPAY' || now > existing.time_expire)
        throw new SimError('ORDER_CLOSED', '订单已关闭或已过期');
      return existing;
    }
    const tx = newTransactionId(now);
    const expire = effectiveExpire(now, b.time_expire);
    sim.db
      .prepare(
        `INSERT INTO orders (transaction_id, sp_mchid, sub_mchid, out_trade_no, trade_type, state, state_desc, description, attach,
      notify_url, amount_fen, profit_sharing, time_expire, pay_token, request_hash, created_at, payer_openid)
      VALUES (?, ?, ?, ?, ?, 'NOTPAY', '订单未支付', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        tx,
        b.sp_mchid,
        b.sub_mchid,
        b.out_trade_no,
        kind,
        b.description,
        b.attach ?? null,
        b.notify_url,
        b.amount.total,
        b.settle_info?.profit_sharing === true ? 1 : 0,
        expire,
        newToken(),
        hash,
        now,
        kind === 'JSAPI' ? (b.payer?.sp_openid ?? b.payer?.sub_openid ?? null) : null,
      );
    const row = getOrder(sim, b.sub_mchid, b.out_trade_no);
    if (row === undefined) throw new Error('insert lost');
    return row;
  })();
  const token = order.pay_token ?? '';
  return {
    order,
    code_url: `${sim.baseUrl()}/cashier/pay/${token}`,
    h5_url: `${sim.baseUrl()}/cashier/pay/${token}?h5=1`,
    prepay_id: `wx${token}`,
  };
}

/** Resolves the token in a code_url / h5_url / prepay_id (the URL itself expires after 2 h for native). */
export function orderByToken(sim: Sim, token: string): OrderRow | undefined {
  return sim.db.prepare('SELECT * FROM orders WHERE pay_token = ?').get(token) as OrderRow | undefined;
}
