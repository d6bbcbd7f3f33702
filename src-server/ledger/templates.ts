/**
 * Entry templates, one per business transaction type, as data so finance can
 * read (and challenge) the mapping. Each leg names a chart account, a side and
 * which amount it carries: the gross `amount`, the `fee`, or `net` = amount − fee.
 * Every template balances within each book for any amount and fee — a test checks it.
 */
import { TXN_TYPES, type TxnType } from '../../shared/api/ledger';
import type { ChartCode } from './chart';

export type Leg = { code: ChartCode; side: 'debit' | 'credit'; amount: 'amount' | 'fee' | 'net' };
export interface Template {
  name_zh: string;
  description: string;
  /** Needs a buyer (on-account). */
  buyer?: true;
  /** Carries a fee beside the amount. */
  fee?: true;
  legs: readonly Leg[];
}

const dr = (code: ChartCode, amount: Leg['amount'] = 'amount'): Leg => ({ code, side: 'debit', amount });
const cr = (code: ChartCode, amount: Leg['amount'] = 'amount'): Leg => ({ code, side: 'credit', amount });

export const TEMPLATES = {
  sale_cash: {
    name_zh: '现金销售',
    description: 'a sale paid in cash: the cash is in the stall drawer, never the market’s',
    legs: [dr('M1101'), cr('M5001')],
  },
  sale_qr: {
    name_zh: '扫码/付款码销售',
    description: 'a sale to be paid through the institution (QR or payment code): awaiting payment',
    legs: [dr('M1102'), cr('M5001')],
  },
  sale_credit: {
    name_zh: '赊账销售',
    description: 'a sale on account: the buyer owes the stall',
    buyer: true,
    legs: [dr('M1103'), cr('M5001')],
  },
  payment_success: {
    name_zh: '支付成功',
    description:
      'the institution reports the payment: it holds the money for the stall, frozen until the split',
    legs: [dr('M1201'), cr('M1102')],
  },
  repayment: {
    name_zh: '赊账还款',
    description: 'a buyer repays an on-account debt through the institution',
    buyer: true,
    legs: [dr('M1201'), cr('M1103')],
  },
  refund_cash: {
    name_zh: '现金退款',
    description: 'cash given back from the stall drawer',
    legs: [dr('M5002'), cr('M1101')],
  },
  refund_credit: {
    name_zh: '赊账退款',
    description: 'a refund of an on-account sale: the buyer owes less',
    buyer: true,
    legs: [dr('M5002'), cr('M1103')],
  },
  payment_failed: {
    name_zh: '支付失败冲销',
    description: 'a QR or payment-code tender that failed: the sale it booked is reversed',
    legs: [dr('M5001'), cr('M1102')],
  },
  refund_qr: {
    name_zh: '原路退款',
    description: 'refund through the institution before the split, out of the frozen funds',
    legs: [dr('M5002'), cr('M1201')],
  },
  channel_fee: {
    name_zh: '渠道手续费',
    description: 'the institution’s fee, as it reports it, out of the stall’s frozen funds',
    legs: [dr('M6102'), cr('M1201')],
  },
  split: {
    name_zh: '分账',
    description:
      'the split the server instructs: the market’s fee share goes to the market’s own account at the institution, the rest waits for settlement to the stall',
    fee: true,
    legs: [
      dr('M1202', 'net'),
      dr('M6101', 'fee'),
      cr('M1201', 'amount'),
      dr('1012', 'fee'),
      cr('6051', 'fee'),
    ],
  },
  split_return: {
    name_zh: '分账回退',
    description:
      'before a refund after the split, the market returns its fee share of the refunded part from its own account at the institution to the stall',
    legs: [dr('M1202'), cr('M6101'), dr('6051'), cr('1012')],
  },
  channel_fee_return: {
    name_zh: '渠道手续费退回',
    description:
      'on a refund after the channel fee was booked, the institution gives back its fee on the refunded part, as it reports it',
    legs: [dr('M1201'), cr('M6102')],
  },
  refund_closed: {
    name_zh: '退款关闭',
    description:
      'the institution gave up a refund (CLOSED): the money is the stall’s again at the institution, less the fee the institution takes back; the buyer is still owed it (staff settle that)',
    fee: true,
    legs: [dr('M1202', 'net'), dr('M6102', 'fee'), cr('M5002', 'amount')],
  },
  market_fee: {
    name_zh: '市场费计提',
    description: 'a separately invoiced market charge (rent, entry, storage…) accrued',
    legs: [dr('1122'), cr('6051')],
  },
  market_fee_collected: {
    name_zh: '市场费收款',
    description: 'an invoiced market charge collected into the market’s own account',
    legs: [dr('1012'), cr('1122')],
  },
  settlement: {
    name_zh: '结算到卡',
    description: 'the institution settles the stall’s share to the stall’s own bank card (T+N)',
    legs: [dr('M1203'), cr('M1202')],
  },
} as const satisfies Record<TxnType, Template>;

export { TXN_TYPES, type TxnType };

export function template(t: TxnType): Template {
  return TEMPLATES[t];
}
