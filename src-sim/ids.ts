import { createHash, randomInt } from 'node:crypto';
import { shanghaiDate } from './clock';

function digits(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(randomInt(10));
  return s;
}

const ymd = (t: number): string => shanghaiDate(t).replaceAll('-', '');

/** 28 digits like WeChat's 微信支付订单号: 4200 + yyyymmdd + 16 random digits. */
export const newTransactionId = (t: number): string => `4200${ymd(t)}${digits(16)}`;
/** 29 digits like WeChat's 微信退款单号. */
export const newRefundId = (t: number): string => `50300${ymd(t)}${digits(16)}`;
/** 分账单号. */
export const newShareOrderId = (t: number): string => `3008${ymd(t)}${digits(18)}`;
export const newDetailId = (t: number): string => `3600${ymd(t)}${digits(18)}`;
export const newReturnId = (t: number): string => `3008${ymd(t)}${digits(16)}`;
export const newApplymentId = (): string => `2000002${digits(9)}`;
export const newSubMchid = (): string => `16${digits(8)}`;
export const newToken = (): string =>
  digits(6) + createHash('sha256').update(digits(40)).digest('hex').slice(0, 26);

/** A stable digest of a request's business fields, to tell "same request again" from "same number, other data". */
export function requestHash(fields: unknown): string {
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}
