/**
 * Money is an integer number of fen (分), a plain `number` whose name ends in
 * `_fen`. Weight is integer grams. This file is the one home of the money
 * rules: the wire schema, parsing what a cashier types, and display formatting.
 * Nothing here does I/O; every function refuses a non-safe integer loudly,
 * because a float near money is a programmer error, not an expected failure.
 */
import { z } from 'zod';

/** An amount of fen on any wire (renderer ↔ core, till ↔ server, journal, payments). */
export const fenSchema = z.number().int().safe();

export function assertFen(n: number, what = 'amount'): void {
  if (!Number.isSafeInteger(n)) throw new TypeError(`${what} must be a safe integer number of fen, got ${n}`);
}

export function fen(n: number): number {
  assertFen(n);
  return n;
}

/** Adds fen amounts; throws if the sum leaves the safe-integer range. */
export function sumFen(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    assertFen(a);
    total += a;
  }
  assertFen(total, 'sum');
  return total;
}

/**
 * (a × b) ÷ d rounded half up (away from zero for negatives), in exact integer
 * arithmetic. BigInt keeps products such as 50 kg × 99,999 fen/kg exact.
 */
export function mulDivRoundHalfUp(a: number, b: number, d: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || !Number.isSafeInteger(d) || d <= 0) {
    throw new TypeError(`mulDivRoundHalfUp needs safe integers and d > 0, got ${a}, ${b}, ${d}`);
  }
  const p = BigInt(a) * BigInt(b);
  const D = BigInt(d);
  const neg = p < 0n;
  const abs = neg ? -p : p;
  const q = (abs * 2n + D) / (2n * D);
  const r = Number(neg ? -q : q);
  if (!Number.isSafeInteger(r)) throw new RangeError('result exceeds the safe-integer range');
  return r;
}

const YUAN_RE = /^(-)?(\d{1,12})(?:\.(\d{1,2}))?$/;

/** Parses what a cashier types ("12", "12.5", "12.50") straight into fen; null when it is not an amount. */
export function parseYuan(text: string): number | null {
  const m = YUAN_RE.exec(text.trim());
  if (!m) return null;
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(2, '0'));
  const v = whole * 100 + frac;
  return fen(m[1] ? -v : v);
}

export interface YuanFormat {
  /** thousands separators ("1,234.50"), for staff pages where amounts run long */
  grouped?: boolean;
}

/** "12.50", "-0.38", "1,234.50" grouped: 元 with two decimals, for display and CSV only. */
export function formatYuan(amount: number, opts: YuanFormat = {}): string {
  assertFen(amount);
  const abs = Math.abs(amount);
  const whole = Math.floor(abs / 100);
  const s = `${opts.grouped ? whole.toLocaleString('en') : whole}.${String(abs % 100).padStart(2, '0')}`;
  return amount < 0 ? `-${s}` : s;
}

/**
 * The yuan sign as screens and pages show it. Receipts print it as the
 * full-width ￥ (U+FFE5): shared/receipt/width.ts maps this one on the way to
 * paper, because U+00A5 prints as "?" on GBK printers.
 */
export const YUAN_SIGN = '\u00A5';

/** "¥12.50", "-¥0.38"; `signed` adds "+" to amounts above zero ("+¥0.02", an adjustment). */
export function formatCny(amount: number, opts: YuanFormat & { signed?: boolean } = {}): string {
  const s = `${YUAN_SIGN}${formatYuan(Math.abs(amount), opts)}`;
  if (amount < 0) return `-${s}`;
  return opts.signed && amount > 0 ? `+${s}` : s;
}
