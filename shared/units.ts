/**
 * Selling units of a produce market. Prices are fen per unit; a line's amount is
 * quantity × price rounded half up to the fen (DESIGN.md "Data rules").
 */
import { fen, mulDivRoundHalfUp } from './money';

export const UNITS = ['jin', 'kg', 'piece'] as const;
export type Unit = (typeof UNITS)[number];

/** Grams per priced unit, for weighed units. */
export const GRAMS_PER_UNIT = { jin: 500, kg: 1000 } as const satisfies Record<
  Exclude<Unit, 'piece'>,
  number
>;

export function isWeighed(unit: Unit): unit is 'jin' | 'kg' {
  return unit !== 'piece';
}

/** quantity is grams for weighed units and a count for pieces. */
export function lineAmount(unit: Unit, quantity: number, unitPriceFen: number): number {
  if (!Number.isSafeInteger(quantity) || quantity <= 0)
    throw new RangeError(`quantity must be a positive integer, got ${quantity}`);
  if (isWeighed(unit)) return fen(mulDivRoundHalfUp(quantity, unitPriceFen, GRAMS_PER_UNIT[unit]));
  return fen(mulDivRoundHalfUp(quantity, unitPriceFen, 1));
}

const GRAMS_RE = /^(\d{1,6})(?:\.(\d{1,3}))?$/;

/** Parses a typed weight in the given unit ("1.25" 斤) into grams; null when it is not a weight. */
export function parseWeightToGrams(text: string, unit: 'jin' | 'kg'): number | null {
  const m = GRAMS_RE.exec(text.trim());
  if (!m) return null;
  const milli = Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
  const grams = mulDivRoundHalfUp(milli, GRAMS_PER_UNIT[unit], 1000);
  return grams > 0 ? grams : null;
}

/** "1.250" in the unit, for display. */
export function formatWeight(grams: number, unit: 'jin' | 'kg'): string {
  const milli = mulDivRoundHalfUp(grams, 1000, GRAMS_PER_UNIT[unit]);
  return `${Math.floor(milli / 1000)}.${String(milli % 1000).padStart(3, '0')}`;
}

export const UNIT_LABEL_ZH: Record<Unit, string> = { jin: '斤', kg: '公斤', piece: '件' };
