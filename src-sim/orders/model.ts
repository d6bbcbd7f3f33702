import type { Sim } from '../context';
import { rfc3339 } from '../clock';
import type { Channel } from '../codes/classify';
import type { TradeState } from '../../shared/pay/wechat-v3-wire';

/** B2B: the 企业网银 gateway (simulator extension; no WeChat equivalent). */
export type TradeType = 'NATIVE' | 'JSAPI' | 'MWEB' | 'MICROPAY' | 'B2B';

/** Mirrors the `orders` table. */
export interface OrderRow {
  transaction_id: string;
  sp_mchid: string;
  sub_mchid: string;
  out_trade_no: string;
  trade_type: TradeType;
  channel: Channel | null;
  state: TradeState;
  state_desc: string;
  description: string;
  attach: string | null;
  notify_url: string | null;
  amount_fen: number;
  fee_fen: number;
  refunded_fen: number;
  profit_sharing: number;
  buyer_id: string | null;
  time_expire: number;
  pay_token: string | null;
  request_hash: string;
  created_at: number;
  paid_at: number | null;
  ended_at: number | null;
  /** Set when paid through a stall's printed static code (risk level D). */
  static_code: string | null;
  /** JSAPI: the only payer allowed (payer.sp_openid / sub_openid at ordering). */
  payer_openid: string | null;
}

export const isPaid = (s: TradeState): boolean => s === 'SUCCESS' || s === 'REFUND';

const BANK_TYPE: Record<Channel, string> = { WECHAT: 'OTHERS', ALIPAY: 'ALIPAY', UNIONPAY: 'UNIONPAY' };

export function getOrder(sim: Sim, subMchid: string, outTradeNo: string): OrderRow | undefined {
  return sim.db
    .prepare('SELECT * FROM orders WHERE sub_mchid = ? AND out_trade_no = ?')
    .get(subMchid, outTradeNo) as OrderRow | undefined;
}

export function getOrderById(sim: Sim, transactionId: string): OrderRow | undefined {
  return sim.db.prepare('SELECT * FROM orders WHERE transaction_id = ?').get(transactionId) as
    OrderRow | undefined;
}

/** The WeChat v3 `transaction` object (query answers and TRANSACTION.SUCCESS resources). */
export function toTransaction(sim: Sim, o: OrderRow): Record<string, unknown> {
  const openid =
    o.buyer_id === null
      ? undefined
      : (
          sim.db.prepare('SELECT openid FROM buyers WHERE id = ?').get(o.buyer_id) as
            { openid: string } | undefined
        )?.openid;
  const paid = o.paid_at !== null;
  return {
    sp_appid: sim.id.spAppid,
    sp_mchid: o.sp_mchid,
    sub_mchid: o.sub_mchid,
    out_trade_no: o.out_trade_no,
    ...(paid ? { transaction_id: o.transaction_id } : {}),
    trade_type: o.trade_type,
    trade_state: o.state,
    trade_state_desc: o.state_desc,
    ...(paid && o.channel !== null ? { bank_type: BANK_TYPE[o.channel] } : {}),
    ...(o.attach !== null ? { attach: o.attach } : {}),
    ...(paid ? { success_time: rfc3339(o.paid_at ?? 0) } : {}),
    ...(openid !== undefined ? { payer: { sp_openid: openid } } : {}),
    amount: {
      total: o.amount_fen,
      currency: 'CNY',
      ...(paid ? { payer_total: o.amount_fen, payer_currency: 'CNY' } : {}),
    },
    // Not in WeChat's object: which wallet paid, so the server can book the channel (aggregated institution extension).
    ...(o.channel !== null ? { sim_channel: o.channel } : {}),
  };
}
