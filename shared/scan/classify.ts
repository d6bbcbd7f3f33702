/**
 * What a scanned string is. Every scan — serial scanner or keyboard wedge —
 * goes through classifyScan, and only a classified scan does anything:
 * - product: EAN-13 / EAN-8 with a valid check digit;
 * - payment_code: a buyer's payment code, routed by prefix and length as the
 *   institutions publish them (../shared/reference/payments.md: WeChat
 *   ^1[0-5]\d{16}$, Alipay ^(2[5-9]|30)\d{14,22}$, UnionPay ^62\d{17}$); the
 *   gateway still decides whether the code is valid;
 * - pay_url / receipt_no: our own receipt QR (https://<host>/p/<token>) or a
 *   receipt number such as TABC12-20261125-0001, for refunds and reprints;
 * - unknown: with a reason code the UI words for the cashier; nothing else happens.
 * Pure, bounded (SCAN_LENGTH_MAX) and total: it never throws.
 */

export const SCAN_LENGTH_MAX = 512;

export type PaymentProvider = 'wechat' | 'alipay' | 'unionpay';

export type UnknownReason =
  /** nothing but whitespace */
  | 'empty'
  /** longer than SCAN_LENGTH_MAX: not looked at */
  | 'too_long'
  /** control characters or other bytes no code of ours contains */
  | 'unprintable'
  /** 8 or 13 digits whose EAN check digit is wrong: a misread, scan again */
  | 'bad_check_digit'
  /** digits of no length or prefix we know (e.g. UPC-A, an expired code format) */
  | 'unknown_number'
  /** a URL that is not one of our pay links (another site, another path, not https) */
  | 'foreign_url'
  /** anything else */
  | 'unrecognised';

export type ScanResult =
  | { kind: 'product'; symbology: 'ean13' | 'ean8'; code: string }
  | { kind: 'payment_code'; provider: PaymentProvider; code: string }
  | { kind: 'pay_url'; url: string; host: string; token: string }
  | { kind: 'receipt_no'; receipt_no: string; terminal_id: string; business_day: string; seq: number }
  | {
      kind: 'unknown';
      reason: UnknownReason;
      message: string;
      /** the input, cut to 64 characters for display */ text: string;
    };

export interface ClassifyOptions {
  /** our pay-link hosts (host[:port]); when given, a pay link to another host is foreign_url */
  payHosts?: readonly string[];
}

const PAYMENT_RULES: ReadonlyArray<{ provider: PaymentProvider; pattern: RegExp }> = [
  { provider: 'wechat', pattern: /^1[0-5]\d{16}$/ },
  { provider: 'unionpay', pattern: /^62\d{17}$/ },
  { provider: 'alipay', pattern: /^(2[5-9]|30)\d{14,22}$/ },
];

/** AIM symbology identifier a scanner may be set to prefix (]E0 EAN, ]Q1 QR, …). */
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;
const PAY_URL = /^(https?):\/\/([A-Za-z0-9.-]{1,253}(?::\d{1,5})?)\/p\/([A-Za-z0-9._~-]{8,512})\/?$/;
const RECEIPT_NO = /^([A-Z][A-Z0-9]{1,15})-(\d{4})(\d{2})(\d{2})-(\d{4,6})$/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_ALL = new RegExp(CONTROL.source, 'g');
const LOOPBACK = /^(127\.0\.0\.1|localhost)(:\d+)?$/;

/** The EAN/GTIN check digit of the digits before it (weights 3,1,3,… from the right). */
export function eanCheckDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const d = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? d * 3 : d;
  }
  return (10 - (sum % 10)) % 10;
}

function unknown(reason: UnknownReason, message: string, input: string): ScanResult {
  return { kind: 'unknown', reason, message, text: input.length > 64 ? `${input.slice(0, 63)}…` : input };
}

function classifyDigits(code: string): ScanResult {
  for (const { provider, pattern } of PAYMENT_RULES)
    if (pattern.test(code)) return { kind: 'payment_code', provider, code };
  if (code.length === 13 || code.length === 8) {
    const want = eanCheckDigit(code.slice(0, -1));
    const symbology = code.length === 13 ? 'ean13' : 'ean8';
    if (Number(code.at(-1)) === want) return { kind: 'product', symbology, code };
    return unknown(
      'bad_check_digit',
      `${symbology === 'ean13' ? 'EAN-13' : 'EAN-8'} check digit is ${code.at(-1)}, should be ${want}: scan it again`,
      code,
    );
  }
  return unknown(
    'unknown_number',
    `${code.length} digits: not a product barcode (EAN-13/EAN-8) or a payment code`,
    code,
  );
}

function validDay(y: number, m: number, d: number): boolean {
  if (y < 2000 || m < 1 || m > 12 || d < 1) return false;
  const days =
    [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][
      m - 1
    ] ?? 0;
  return d <= days;
}

export function classifyScan(raw: string, options: ClassifyOptions = {}): ScanResult {
  if (typeof raw !== 'string') return unknown('unrecognised', 'not text', '');
  if (raw.length > SCAN_LENGTH_MAX)
    return unknown(
      'too_long',
      `${raw.length} characters: longer than any code we read (${SCAN_LENGTH_MAX})`,
      raw,
    );
  let text = raw.trim();
  if (AIM_PREFIX.test(text)) text = text.slice(3);
  if (text === '') return unknown('empty', 'empty scan', raw);
  if (CONTROL.test(text) || text.includes('\ufffd'))
    return unknown(
      'unprintable',
      'the scan holds control characters or unreadable bytes: check the scanner’s settings',
      text.replace(CONTROL_ALL, '·'),
    );
  if (/^\d+$/.test(text)) return classifyDigits(text);

  const url = PAY_URL.exec(text);
  if (url) {
    const [, scheme = '', host = '', token = ''] = url;
    const hostLower = host.toLowerCase();
    if (scheme === 'http' && !LOOPBACK.test(hostLower))
      return unknown('foreign_url', 'a pay link must be https', text);
    if (options.payHosts !== undefined && !options.payHosts.some((h) => h.toLowerCase() === hostLower))
      return unknown('foreign_url', `a link to ${host}, not to our pay server`, text);
    return { kind: 'pay_url', url: text, host: hostLower, token };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text))
    return unknown('foreign_url', 'a link or code of another app, not one of our receipts', text);

  const receipt = RECEIPT_NO.exec(text.toUpperCase());
  if (receipt) {
    const [, terminal = '', y = '', m = '', d = '', seq = ''] = receipt;
    if (validDay(Number(y), Number(m), Number(d)))
      return {
        kind: 'receipt_no',
        receipt_no: text.toUpperCase(),
        terminal_id: terminal,
        business_day: `${y}-${m}-${d}`,
        seq: Number(seq),
      };
  }
  return unknown('unrecognised', 'not a product barcode, payment code or one of our receipts', text);
}
