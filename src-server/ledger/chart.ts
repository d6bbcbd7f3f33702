/**
 * The chart of accounts (会计科目), as data. Two books (payments.md §8):
 * - memo: mirrors what the institution holds for each stall and what stalls
 *   hold themselves. It is bookkeeping only, never the market's money.
 * - gl: the market's own accounts. Only `market_cash` accounts hold the
 *   market's money, and they may only ever receive its fee share.
 * An account instance is a chart code plus its owner: the market, a stall, or a buyer at a stall.
 */
export type Book = 'memo' | 'gl';
export type Owner = 'market' | 'stall' | 'buyer';

export interface ChartAccount {
  code: string;
  book: Book;
  name_zh: string;
  name_en: string;
  normal: 'debit' | 'credit';
  owner: Owner;
  market_cash?: true;
  fee_income?: true;
}

export const CHART = [
  {
    code: 'M1101',
    book: 'memo',
    name_zh: '摊位库存现金',
    name_en: 'stall till cash',
    normal: 'debit',
    owner: 'stall',
  },
  {
    code: 'M1102',
    book: 'memo',
    name_zh: '待支付（机构收款中）',
    name_en: 'awaiting payment at institution',
    normal: 'debit',
    owner: 'stall',
  },
  {
    code: 'M1103',
    book: 'memo',
    name_zh: '采购商赊账应收',
    name_en: 'buyer on-account receivable',
    normal: 'debit',
    owner: 'buyer',
  },
  {
    code: 'M1201',
    book: 'memo',
    name_zh: '机构待分账',
    name_en: 'held by institution, frozen for split',
    normal: 'debit',
    owner: 'stall',
  },
  {
    code: 'M1202',
    book: 'memo',
    name_zh: '机构待结算',
    name_en: 'held by institution, pending settlement',
    normal: 'debit',
    owner: 'stall',
  },
  {
    code: 'M1203',
    book: 'memo',
    name_zh: '已结算至摊位银行卡',
    name_en: 'settled to the stall bank card',
    normal: 'debit',
    owner: 'stall',
  },
  {
    code: 'M5001',
    book: 'memo',
    name_zh: '摊位销售收入',
    name_en: 'stall sales',
    normal: 'credit',
    owner: 'stall',
  },
  {
    code: 'M5002',
    book: 'memo',
    name_zh: '摊位销售退款',
    name_en: 'stall refunds',
    normal: 'debit',
    owner: 'stall',
  },
  {
    code: 'M6101',
    book: 'memo',
    name_zh: '摊位承担市场服务费',
    name_en: 'market fee borne by the stall',
    normal: 'debit',
    owner: 'stall',
  },
  {
    code: 'M6102',
    book: 'memo',
    name_zh: '摊位承担渠道手续费',
    name_en: 'channel fee borne by the stall',
    normal: 'debit',
    owner: 'stall',
  },
  {
    code: 'M9001',
    book: 'memo',
    name_zh: '对账挂账',
    name_en: 'reconciliation suspense',
    normal: 'credit',
    owner: 'market',
  },
  {
    code: '1001',
    book: 'gl',
    name_zh: '库存现金',
    name_en: 'market cash on hand',
    normal: 'debit',
    owner: 'market',
    market_cash: true,
  },
  {
    code: '1012',
    book: 'gl',
    name_zh: '其他货币资金-支付机构',
    name_en: 'market funds at the institution',
    normal: 'debit',
    owner: 'market',
    market_cash: true,
  },
  {
    code: '1122',
    book: 'gl',
    name_zh: '应收账款-市场费',
    name_en: 'market fees receivable',
    normal: 'debit',
    owner: 'market',
    fee_income: true,
  },
  {
    code: '2241',
    book: 'gl',
    name_zh: '其他应付款-待清理',
    name_en: 'other payables, to clear',
    normal: 'credit',
    owner: 'market',
  },
  {
    code: '6051',
    book: 'gl',
    name_zh: '其他业务收入-市场服务费',
    name_en: 'market fee income',
    normal: 'credit',
    owner: 'market',
    fee_income: true,
  },
  {
    code: '6603',
    book: 'gl',
    name_zh: '财务费用-手续费',
    name_en: 'channel fees paid by the market',
    normal: 'debit',
    owner: 'market',
  },
] as const satisfies readonly ChartAccount[];

export type ChartCode = (typeof CHART)[number]['code'];
const BY_CODE = new Map<string, ChartAccount>(CHART.map((a) => [a.code, a]));

export function chartAccount(code: string): ChartAccount {
  const a = BY_CODE.get(code);
  if (!a) throw new Error(`no chart account ${code}`);
  return a;
}

export const MARKET_CASH_CODES: readonly string[] = CHART.filter((a) => 'market_cash' in a).map(
  (a) => a.code,
);
export const FEE_INCOME_CODES: readonly string[] = CHART.filter((a) => 'fee_income' in a).map((a) => a.code);

/** The id of an account instance: book, code and owner, e.g. `memo:M1201:S01`, `gl:1012`. */
export function accountId(code: string, stallId: string | null, buyerId: string | null): string {
  const a = chartAccount(code);
  switch (a.owner) {
    case 'market':
      return `${a.book}:${code}`;
    case 'stall':
      if (!stallId) throw new Error(`account ${code} needs a stall`);
      return `${a.book}:${code}:${stallId}`;
    case 'buyer':
      if (!stallId || !buyerId) throw new Error(`account ${code} needs a stall and a buyer`);
      return `${a.book}:${code}:${stallId}:${buyerId}`;
  }
}
