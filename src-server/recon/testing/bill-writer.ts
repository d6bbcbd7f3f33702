/**
 * Writes bills in the institution's layout (WeChat ALL type, backticked, 元)
 * for tests and the benchmark: the server may not import the simulator, and a
 * benchmark needs a million rows written as a stream, not a string.
 */
import { formatYuan } from '../../../shared/money';

const ALL_HEADER =
  '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
const SUMMARY_HEADER =
  '总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额';

const yuan5 = (fen: number): string => `${formatYuan(fen)}000`;
const bt = (fields: readonly string[]): string => fields.map((f) => `\`${f}`).join(',');

export interface GenPay {
  at: string;
  sub_mchid: string;
  transaction_id: string;
  out_trade_no: string;
  state?: 'SUCCESS' | 'REVOKED';
  amount_fen: number;
  fee_fen: number;
}
export interface GenRefund {
  at: string;
  sub_mchid: string;
  transaction_id: string;
  out_trade_no: string;
  out_refund_no: string;
  refund_id: string;
  state: string;
  amount_fen: number;
  fee_back_fen: number;
}

export class BillWriter {
  private count = 0;
  private settle = 0;
  private refunded = 0;
  private fees = 0;
  readonly header = `${ALL_HEADER}\n`;

  pay(p: GenPay): string {
    this.count++;
    this.settle += p.amount_fen;
    this.fees += p.fee_fen;
    const a = formatYuan(p.amount_fen);
    return `${bt([p.at, 'wxsim', '1900000001', p.sub_mchid, '', p.transaction_id, p.out_trade_no, 'o-buyer', 'NATIVE', p.state ?? 'SUCCESS', 'OTHERS', 'CNY', a, '0.00', '0', '0', '0.00', '0.00', '', '', '货款', '', yuan5(p.fee_fen), '0.60%', a, '0.00', ''])}\n`;
  }

  refund(r: GenRefund): string {
    this.count++;
    this.refunded += r.amount_fen;
    this.fees -= r.fee_back_fen;
    const a = formatYuan(r.amount_fen);
    return `${bt([r.at, 'wxsim', '1900000001', r.sub_mchid, '', r.transaction_id, r.out_trade_no, 'o-buyer', 'NATIVE', 'REFUND', 'OTHERS', 'CNY', '0.00', '0.00', r.refund_id, r.out_refund_no, a, '0.00', 'ORIGINAL', r.state, '货款', '', yuan5(-r.fee_back_fen), '0.60%', '0.00', a, ''])}\n`;
  }

  summary(): string {
    return `${SUMMARY_HEADER}\n${bt([String(this.count), formatYuan(this.settle), formatYuan(this.refunded), '0.00', yuan5(this.fees), formatYuan(this.settle), formatYuan(this.refunded)])}\n`;
  }
}

export function billText(pays: readonly GenPay[], refunds: readonly GenRefund[] = []): string {
  const w = new BillWriter();
  return (
    w.header + pays.map((p) => w.pay(p)).join('') + refunds.map((r) => w.refund(r)).join('') + w.summary()
  );
}
