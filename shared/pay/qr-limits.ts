/**
 * What a QR or payment code may carry, and where a larger tender goes
 * instead (issue 7 "Large amounts"; ../shared/reference/payments.md §4).
 *
 * 《条码支付业务规范（试行）》(银发〔2017〕296号) caps what one payer may pay
 * by code per day and per institution: dynamic codes (the receipt QR, the
 * buyer's payment code) by the payer's verification level — A negotiated,
 * B 5,000 元, C 1,000 元 — and static codes at 500 元. The till cannot know
 * the payer's level or what they paid today, so it assumes level B, the
 * highest cap a wallet user has without a signed agreement: a tender above it
 * can never go through a code, and goes to the institution's B2B 企业网银
 * gateway. Anything at or under it is tried; the institution still refuses a
 * payer over their own day's cap (RULE_LIMIT), and the tender fails as any
 * refused payment does.
 */
import { formatYuan } from '../money';
import type { PaymentProvider } from '../scan/classify';

/** How a buyer pays by code: scanning the receipt's dynamic QR, or showing their payment code. */
export type CodeWay = 'qr' | 'payment_code';

/** One institution channel's per-payer daily caps, integer fen. */
export interface ChannelCaps {
  dynamic_qr_fen: number;
  payment_code_fen: number;
}

/** Level-B caps of 银发〔2017〕296号, the same for every wallet the institution carries. */
export const CODE_CAPS_FEN: Readonly<Record<PaymentProvider, ChannelCaps>> = {
  wechat: { dynamic_qr_fen: 500_000, payment_code_fen: 500_000 },
  alipay: { dynamic_qr_fen: 500_000, payment_code_fen: 500_000 },
  unionpay: { dynamic_qr_fen: 500_000, payment_code_fen: 500_000 },
};

/** Static codes (risk level D) whatever the payer's level; stalls' printed codes, not the till's. */
export const STATIC_QR_CAP_FEN = 50_000;

export type CodeLimitDecision =
  | { allowed: true; cap_fen: number }
  /** over the cap: this tender must be paid through the B2B gateway; the reason is printed and shown */
  | { allowed: false; cap_fen: number; use: 'gateway'; reason_zh: string; reason_en: string };

const PROVIDERS = Object.keys(CODE_CAPS_FEN) as PaymentProvider[];
const capOf = (c: ChannelCaps, way: CodeWay): number =>
  way === 'qr' ? c.dynamic_qr_fen : c.payment_code_fen;

/**
 * The cap for a way of paying. A payment code names its wallet (by its
 * prefix); a receipt QR can be scanned with any wallet, so it gets the
 * smallest cap among them: whichever app the buyer has must be able to pay it.
 */
export function codeCapFen(way: CodeWay, provider?: PaymentProvider): number {
  if (provider !== undefined) return capOf(CODE_CAPS_FEN[provider], way);
  return Math.min(...PROVIDERS.map((p) => capOf(CODE_CAPS_FEN[p], way)));
}

/** Whether a tender of `amountFen` may go by QR / payment code, or must use the gateway (and why). */
export function codeLimitDecision(
  amountFen: number,
  way: CodeWay,
  provider?: PaymentProvider,
): CodeLimitDecision {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    throw new RangeError(`tender amount must be a positive integer of fen, got ${amountFen}`);
  const cap = codeCapFen(way, provider);
  if (amountFen <= cap) return { allowed: true, cap_fen: cap };
  const wayZh = way === 'qr' ? '扫码' : '付款码';
  const wayEn = way === 'qr' ? 'QR' : 'payment-code';
  return {
    allowed: false,
    cap_fen: cap,
    use: 'gateway',
    reason_zh: `金额超过${wayZh}支付每人每日限额${formatYuan(cap)}元（银发〔2017〕296号），请用企业网银（B2B）付款`,
    reason_en: `${formatYuan(amountFen)} yuan is above the ${formatYuan(cap)} yuan a payer may pay by ${wayEn} per day (PBoC 2017 No. 296); pay via the bank (B2B) gateway`,
  };
}
