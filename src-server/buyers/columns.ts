/** The columns of the buyer tables the desk shows and exports. */
import type { Column } from '../exports/table';

export const BUYER_COLUMNS: Column<{
  name: string;
  phone: string | null;
  credit_limit_fen: number;
  owed_fen: number;
  owed_since: string | null;
}>[] = [
  { key: 'name', zh: '采购商', en: 'Buyer', kind: 'text' },
  { key: 'phone', zh: '电话', en: 'Phone', kind: 'text' },
  { key: 'credit_limit_fen', zh: '赊账额度（元）', en: 'Credit limit (CNY)', kind: 'fen' },
  { key: 'owed_fen', zh: '欠款（元）', en: 'Owed (CNY)', kind: 'fen' },
  { key: 'owed_since', zh: '欠款起始日', en: 'Owed since', kind: 'day' },
];

export const STATEMENT_COLUMNS: Column<{
  business_day: string;
  created_ms: number | null;
  txn_type: string;
  ref: string | null;
  amount_fen: number | null;
  balance_fen: number;
}>[] = [
  { key: 'business_day', zh: '营业日', en: 'Business day', kind: 'day' },
  { key: 'created_ms', zh: '记账时间', en: 'Booked at', kind: 'ms' },
  { key: 'txn_type', zh: '摘要', en: 'What', kind: 'text' },
  { key: 'ref', zh: '单号', en: 'Receipt / ref', kind: 'text' },
  { key: 'amount_fen', zh: '金额（元）', en: 'Amount (CNY)', kind: 'fen' },
  { key: 'balance_fen', zh: '余额（元）', en: 'Balance (CNY)', kind: 'fen' },
];
