/**
 * Why a tender failed or was reversed, in words a cashier can act on. The
 * institution answers with a code (WeChat Pay's AUTHCODEEXPIRE, NOTENOUGH, …)
 * inside a message such as "TRADE_ERROR: 二维码已过期… (AUTHCODEEXPIRE)"; the
 * most specific code found names the reason. Pure.
 */

export interface FailureReason {
  /** the institution's (or the till's) code, or null when none was recognised */
  code: string | null;
  zh: string;
  en: string;
}

/** Codes from the most specific to the least: the first found in a message wins. */
const REASONS: readonly (readonly [string, string, string])[] = [
  [
    'AUTHCODEEXPIRE',
    '付款码已过期，请顾客刷新付款码后重新扫码',
    'The payment code has expired: ask the buyer to refresh it and scan again',
  ],
  [
    'AUTH_CODE_INVALID',
    '付款码无效，请顾客刷新付款码后重新扫码',
    'The payment code is not valid: ask the buyer to refresh it',
  ],
  [
    'NOTENOUGH',
    '顾客余额不足，请换一张卡或改用其他方式付款',
    "The buyer's balance is not enough: another card or another way to pay",
  ],
  [
    'USERPAYING_TIMEOUT',
    '顾客未在时限内输入支付密码，订单已撤销',
    'The buyer did not enter the password in time: the order was revoked',
  ],
  ['CASHIER_CANCELLED', '收银员已取消这笔付款', 'The cashier cancelled this payment'],
  ['SALE_VOIDED', '整单已作废', 'The sale was voided'],
  ['QR_EXPIRED', '收款码已过期，顾客未付款', 'The receipt QR expired unpaid'],
  ['BUYER_MISMATCH', '付款人与原订单不一致', 'The payer differs from the original order'],
  ['ORDERCLOSED', '订单已关闭', 'The order is closed'],
  ['ORDERREVERSED', '订单已撤销', 'The order was revoked'],
  ['REVOKED', '订单已撤销', 'The order was revoked'],
  [
    'BANKERROR',
    '银行系统异常，请稍后重试或改用其他方式',
    "The bank's system failed: try again later or another way to pay",
  ],
  ['SYSTEMERROR', '支付机构系统繁忙，请稍后重试', "The institution's system is busy: try again"],
  ['PAYERROR', '支付失败，请顾客改用其他方式付款', 'The payment failed: another way to pay'],
  ['NOAUTH', '商户无此支付权限', 'The merchant may not take this payment'],
  ['TRADE_ERROR', '交易失败，请顾客改用其他方式付款', 'The payment was refused: another way to pay'],
];

const UNKNOWN: FailureReason = {
  code: null,
  zh: '支付未成功，原因未知',
  en: 'The payment did not go through (no reason given)',
};

/** The reason a failure message names; the message's own words when no code is recognised. */
export function failureReason(message: string | null | undefined): FailureReason {
  if (!message) return UNKNOWN;
  const upper = message.toUpperCase();
  // "USERPAYING" with a revoke is the timeout, not the (pending) state itself.
  if (upper.includes('USERPAYING') || message.includes('支付超时')) return byCode('USERPAYING_TIMEOUT');
  for (const [code] of REASONS) if (upper.includes(code)) return byCode(code);
  return { code: null, zh: message, en: message };
}

function byCode(code: string): FailureReason {
  const r = REASONS.find((x) => x[0] === code);
  return r ? { code: r[0], zh: r[1], en: r[2] } : UNKNOWN;
}
