/**
 * The payment-code rule: a buyer's payment code (付款码) is 16 to 24 digits,
 * the envelope of every wallet's own pattern (WeChat 18, UnionPay 19, Alipay
 * 16–24; which wallet a code names is shared/scan/classify.ts). The cashier
 * screen, the renderer ↔ core contract and the till ↔ server payment API all
 * accept exactly this; the institution decides whether the code is valid.
 */
import { z } from 'zod';

export const PAYMENT_CODE_RE = /^\d{16,24}$/;

export function isPaymentCode(text: string): boolean {
  return PAYMENT_CODE_RE.test(text);
}

export const paymentCodeSchema = z.string().regex(PAYMENT_CODE_RE, 'payment code is 16 to 24 digits');
