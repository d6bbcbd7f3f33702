/**
 * Money is an integer number of fen (分). Weight is integer grams.
 * Nothing here does I/O; every function refuses a non-safe integer loudly,
 * because a float near money is a programmer error, not an expected failure.
 */
declare const fenBrand: unique symbol;
export type Fen = number & { readonly [fenBrand]: 'fen' };

export function assertFen(n: number, what = 'amount'): asserts n is Fen {
  if (!Number.isSafeInteger(n)) throw new TypeError(`${what} must be a safe integer number of fen, got ${n}`);
}

export function fen(n: number): Fen {
  assertFen(n);
  return n;
}

/** Adds fen amounts; throws if the sum leaves the safe-integer range. */
export function sumFen(amounts: readonly number[]): Fen {
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
export function parseYuan(text: string): Fen | null {
  const m = YUAN_RE.exec(text.trim());
  if (!m) return null;
  const whole = Number(m[2]);
  const frac = Number((m[3] ?? '').padEnd(2, '0'));
  const v = whole * 100 + frac;
  return fen(m[1] ? -v : v);
}

/** "12.50" — display only. */
export function formatYuan(amount: number): string {
  assertFen(amount);
  const neg = amount < 0;
  const abs = Math.abs(amount);
  const s = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}
