/**
 * The name of every takings figure (shared/sales/takings.ts), zh-CN first and
 * en in step: receipts, Z slips, the till's and the staff web's reports and
 * CSV exports show these words, never the codes (`payment_code`, `account`).
 */
import type { TenderKind } from '../journal/entries';
import type { TenderStatus } from './outcome';
import type { WalletOrUnknown } from './takings';

type Words = { zh: string; en: string };

export const TENDER_KIND_LABELS: Record<TenderKind, Words> = {
  cash: { zh: '现金', en: 'Cash' },
  qr: { zh: '扫码支付', en: 'Receipt QR' },
  payment_code: { zh: '付款码', en: 'Payment code' },
  account: { zh: '赊账', en: 'On account' },
};

export const WALLET_LABELS: Record<WalletOrUnknown, Words> = {
  wechat: { zh: '微信支付', en: 'WeChat Pay' },
  alipay: { zh: '支付宝', en: 'Alipay' },
  unionpay: { zh: '云闪付', en: 'UnionPay' },
  unknown: { zh: '钱包未知', en: 'Wallet not known' },
};

export const TENDER_STATUS_LABELS: Record<TenderStatus, Words> = {
  pending: { zh: '待付款', en: 'Waiting' },
  paid: { zh: '已支付', en: 'Paid' },
  failed: { zh: '付款失败', en: 'Failed' },
  reversed: { zh: '已撤销', en: 'Reversed' },
  closed: { zh: '已关闭', en: 'Closed' },
};

/** The figures of a takings report, by the path of the field they name. */
export const TAKINGS_FIGURE_LABELS = {
  sales_fen: { zh: '销售额', en: 'Sales' },
  sales_count: { zh: '销售笔数', en: 'Sales' },
  paid: { zh: '实收', en: 'Takings' },
  receivable: { zh: '应收未收', en: 'Receivables' },
  account_fen: { zh: '赊账应收', en: 'On account' },
  pending_fen: { zh: '待确认', en: 'Awaiting the institution' },
  owed_fen: { zh: '待补收', en: 'Still owed' },
  open_sales: { zh: '未完成单', en: 'Open sales' },
  neither: { zh: '未成交', en: 'Not taken' },
  failed_fen: { zh: '付款失败', en: 'Failed' },
  reversed_fen: { zh: '已撤销', en: 'Reversed' },
  closed_fen: { zh: '已关闭', en: 'Closed' },
  voided_fen: { zh: '作废', en: 'Voided' },
  refunded_fen: { zh: '退款', en: 'Refunded' },
  count: { zh: '笔数', en: 'Count' },
} as const satisfies Record<string, Words>;

export function tenderKindLabel(kind: TenderKind, lang: 'zh' | 'en' = 'zh'): string {
  return TENDER_KIND_LABELS[kind][lang];
}
