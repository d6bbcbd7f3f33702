/**
 * Market rounding (抹零), a per-merchant setting. The rounded-away amount is
 * recorded as its own line, so totals always reconcile:
 * - none: keep every fen
 * - floor_jiao: drop the fen (12.34 → 12.30), "抹分"
 * - round_jiao: to the nearest 角, half up (12.35 → 12.40), "四舍五入到角"
 * - floor_yuan: drop 角 and fen (12.34 → 12.00), "抹角"
 */
export const ROUNDING_MODES = ['none', 'floor_jiao', 'round_jiao', 'floor_yuan'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** The rounding adjustment (≤ 0 for floors) to add to a non-negative amount. */
export function roundingAdjustment(amountFen: number, mode: RoundingMode): number {
  if (!Number.isSafeInteger(amountFen) || amountFen < 0)
    throw new RangeError(`rounding needs a non-negative integer amount, got ${amountFen}`);
  switch (mode) {
    case 'none':
      return 0;
    case 'floor_jiao':
      return -(amountFen % 10);
    case 'round_jiao': {
      const r = amountFen % 10;
      return r >= 5 ? 10 - r : -r;
    }
    case 'floor_yuan':
      return -(amountFen % 100);
    default:
      return assertNever(mode);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(x)}`);
}
