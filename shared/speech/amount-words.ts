/**
 * How an amount of money is said and written in Chinese.
 *
 * Spoken (语音播报, market-money.md §7, after the open-source payment-speaker
 * logic): the yuan are read with 十百千 inside groups of four and 万/亿 as group
 * units, a run of zeros is one 零, 10–19 at the front are 十X (no leading 一);
 * the 角 and 分 are read digit by digit after 点, a trailing zero is dropped
 * and .00 is not read at all: 128.50 → 一百二十八点五元, 2.00 → 二元,
 * 10.05 → 十点零五元. The tokens are also the names of the speech clips.
 *
 * Written (大写, for receipts): 壹贰叁… with 拾佰仟万亿, 元 角 分, 整 when there
 * are no 角分 (1001.00 → 壹仟零壹元整).
 */
import { assertFen } from '../money';

export const DIGIT_TOKENS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;
export const UNIT_TOKENS = ['十', '百', '千', '万', '亿'] as const;
export type DigitToken = (typeof DIGIT_TOKENS)[number];
export type UnitToken = (typeof UNIT_TOKENS)[number];
export type AmountToken = DigitToken | UnitToken | '点' | '元';

/** The largest amount read aloud or written: 9999,9999,9999.99 元 (groups up to 亿). */
export const WORDS_AMOUNT_FEN_MAX = 999_999_999_999_99;

interface Numerals {
  digits: readonly string[];
  /** 十, 百, 千 (index 1..3 used). */
  small: readonly string[];
  wan: string;
  yi: string;
}

const SPOKEN: Numerals = { digits: DIGIT_TOKENS, small: ['', '十', '百', '千'], wan: '万', yi: '亿' };
const WRITTEN: Numerals = {
  digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
  small: ['', '拾', '佰', '仟'],
  wan: '万',
  yi: '亿',
};

function checkAmount(amount_fen: number): void {
  assertFen(amount_fen);
  if (amount_fen < 0 || amount_fen > WORDS_AMOUNT_FEN_MAX) {
    throw new RangeError(`amount to words takes 0..${WORDS_AMOUNT_FEN_MAX} fen, got ${amount_fen}`);
  }
}

/** One group of four digits (1..9999), without a leading 零. */
function group(v: number, n: Numerals): string[] {
  const out: string[] = [];
  let zero = false;
  for (let place = 3; place >= 0; place--) {
    const d = Math.floor(v / 10 ** place) % 10;
    if (d === 0) {
      if (out.length > 0) zero = true;
      continue;
    }
    if (zero) out.push(n.digits[0]!);
    out.push(n.digits[d]!);
    if (place > 0) out.push(n.small[place]!);
    zero = false;
  }
  return out;
}

/** Whole yuan as tokens: 0 → 零; groups of four joined by 万 and 亿, one 零 for any gap. */
function integerTokens(yuan: number, n: Numerals): string[] {
  if (yuan === 0) return [n.digits[0]!];
  const groups = [Math.floor(yuan / 1e8), Math.floor(yuan / 1e4) % 1e4, yuan % 1e4];
  const units = [n.yi, n.wan, ''];
  const out: string[] = [];
  let gap = false;
  groups.forEach((v, i) => {
    if (v === 0) {
      if (out.length > 0) gap = true;
      return;
    }
    if (out.length > 0 && (gap || v < 1000)) out.push(n.digits[0]!);
    out.push(...group(v, n));
    if (units[i]) out.push(units[i]!);
    gap = false;
  });
  return out;
}

/** The spoken tokens of an amount, 元 last: 12850 → 一 百 二 十 八 点 五 元. */
export function amountTokens(amount_fen: number): AmountToken[] {
  checkAmount(amount_fen);
  const out = integerTokens(Math.floor(amount_fen / 100), SPOKEN) as AmountToken[];
  if (out[0] === '一' && out[1] === '十') out.shift();
  const jiao = Math.floor(amount_fen / 10) % 10;
  const fenDigit = amount_fen % 10;
  if (jiao !== 0 || fenDigit !== 0) {
    out.push('点', DIGIT_TOKENS[jiao]!);
    if (fenDigit !== 0) out.push(DIGIT_TOKENS[fenDigit]!);
  }
  out.push('元');
  return out;
}

/** The spoken amount as one string: 12850 → "一百二十八点五元". */
export function amountWords(amount_fen: number): string {
  return amountTokens(amount_fen).join('');
}

/** The written 大写 amount for receipts: 100100 → "壹仟零壹元整", 1205 → "壹拾贰元零伍分". */
export function amountCapitals(amount_fen: number): string {
  checkAmount(amount_fen);
  const yuan = Math.floor(amount_fen / 100);
  const jiao = Math.floor(amount_fen / 10) % 10;
  const fenDigit = amount_fen % 10;
  const d = WRITTEN.digits;
  if (yuan === 0 && jiao === 0 && fenDigit === 0) return '零元整';
  let s = yuan > 0 ? `${integerTokens(yuan, WRITTEN).join('')}元` : '';
  if (jiao === 0 && fenDigit === 0) return `${s}整`;
  if (jiao > 0) s += `${d[jiao]}角`;
  else if (yuan > 0) s += d[0];
  if (fenDigit > 0) s += `${d[fenDigit]}分`;
  return s;
}

const DIGIT_VALUE = new Map<string, number>(DIGIT_TOKENS.map((t, i) => [t, i]));
const SMALL_VALUE = new Map<string, number>([
  ['十', 10],
  ['百', 100],
  ['千', 1000],
]);

/**
 * Reads spoken words back into fen ("一百二十八点五元" → 12850); null when the
 * text is not an amount as amountWords says it. The inverse the tests hold it to.
 */
export function parseAmountWords(text: string): number | null {
  if (!text.endsWith('元')) return null;
  const [whole, decimals, ...rest] = text.slice(0, -1).split('点');
  if (whole === undefined || whole === '' || rest.length > 0) return null;
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of whole) {
    const d = DIGIT_VALUE.get(ch);
    const small = SMALL_VALUE.get(ch);
    if (d !== undefined) digit = d;
    else if (small !== undefined) {
      section += (digit < 0 ? 1 : digit) * small;
      digit = -1;
    } else if (ch === '万') {
      total += (section + Math.max(digit, 0)) * 1e4;
      section = 0;
      digit = -1;
    } else if (ch === '亿') {
      total = (total + section + Math.max(digit, 0)) * 1e8;
      section = 0;
      digit = -1;
    } else return null;
  }
  total += section + Math.max(digit, 0);
  let frac = 0;
  if (decimals !== undefined) {
    if (decimals.length < 1 || decimals.length > 2) return null;
    const ds = [...decimals].map((c) => DIGIT_VALUE.get(c));
    if (ds.some((x) => x === undefined)) return null;
    frac = (ds[0] ?? 0) * 10 + (ds[1] ?? 0);
  }
  return total * 100 + frac;
}
