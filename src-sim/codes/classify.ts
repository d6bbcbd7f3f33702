/**
 * Buyer payment codes (付款码) by prefix and length, the rule aggregated
 * institutions apply before routing a scan (reference §1.1, §2, §3):
 * WeChat 18 digits starting 10–15, Alipay 16–24 digits starting 25–30,
 * UnionPay 19 digits starting 62. Anything else is "不支持的条码".
 */
export type Channel = 'WECHAT' | 'ALIPAY' | 'UNIONPAY';

const RULES: readonly { channel: Channel; re: RegExp }[] = [
  { channel: 'WECHAT', re: /^1[0-5]\d{16}$/ },
  { channel: 'ALIPAY', re: /^(2[5-9]|30)\d{14,22}$/ },
  { channel: 'UNIONPAY', re: /^62\d{17}$/ },
];

export function classifyAuthCode(code: string): Channel | null {
  for (const r of RULES) if (r.re.test(code)) return r.channel;
  return null;
}

/** The wallet app a User-Agent belongs to, as the aggregated cashier routes it. Alipay is checked first, as Jeepay does. */
export function channelFromUserAgent(ua: string | undefined): Channel | null {
  if (ua === undefined) return null;
  if (ua.includes('AlipayClient')) return 'ALIPAY';
  if (ua.includes('MicroMessenger')) return 'WECHAT';
  if (/UnionPay\//.test(ua)) return 'UNIONPAY';
  return null;
}

/** Prefix a freshly issued code of the channel gets (the rest is random digits to the channel's length). */
export const CODE_SHAPE: Record<Channel, { prefixes: readonly string[]; length: number }> = {
  WECHAT: { prefixes: ['10', '11', '12', '13', '14', '15'], length: 18 },
  ALIPAY: { prefixes: ['25', '26', '27', '28', '29', '30'], length: 18 },
  UNIONPAY: { prefixes: ['62'], length: 19 },
};
