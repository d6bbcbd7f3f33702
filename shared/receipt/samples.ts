/**
 * Realistic receipts for previews, the demo and tests. Amounts are consistent:
 * each line amount is weight × price rounded half up, total = subtotal −
 * discount + rounding (rounding is signed: negative for 抹零).
 */
import type { ReceiptDoc, ReceiptLine } from './model';

const LINES: ReceiptLine[] = [
  // 1.625 kg = 3.250 斤 at 1.20/斤
  { name: '山东大白菜', unit: 'jin', quantity: 1625, unit_price_fen: 120, amount_fen: 390 },
  // 2.500 kg at 4.00/kg
  { name: '内蒙古土豆(黄心)', unit: 'kg', quantity: 2500, unit_price_fen: 400, amount_fen: 1000 },
  { name: '麒麟西瓜', unit: 'piece', quantity: 2, unit_price_fen: 1500, amount_fen: 3000 },
];

const BASE = {
  market_name: '众彩农副产品批发市场',
  stall_name: '老王蔬菜 A12',
  at_ms: Date.UTC(2025, 5, 1, 6, 3, 22), // 14:03:22 in Shanghai
  time_zone: 'Asia/Shanghai',
  cashier: '王小明',
  lines: LINES,
  footer: '谢谢惠顾，欢迎再来！\n退换请凭小票',
} as const;

/** Cash sale: 43.90 less 0.90 抹零 = 43.00, paid 50.00, change 7.00. */
export const SAMPLE_CASH_RECEIPT: ReceiptDoc = {
  ...BASE,
  lines: [...BASE.lines],
  receipt_no: 'T01-000123',
  discount_fen: 0,
  rounding_fen: -90,
  total_fen: 4300,
  tenders: [{ kind: 'cash', amount_fen: 4300, tendered_fen: 5000, change_fen: 700 }],
};

export const SAMPLE_PAY_URL =
  'https://pay.markettill.example/p/01JXKQ7Z3M-T01-124.eyJhIjo0MzkwfQ.Sig_AbC-123';

/** Buyer pays by scanning the printed QR, not paid yet. */
export const SAMPLE_QR_RECEIPT: ReceiptDoc = {
  ...BASE,
  lines: [...BASE.lines],
  receipt_no: 'T01-000124',
  discount_fen: 0,
  rounding_fen: 0,
  total_fen: 4390,
  tenders: [{ kind: 'qr', amount_fen: 4390, status: 'pending' }],
  pay_url: SAMPLE_PAY_URL,
};
