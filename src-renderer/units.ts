/** Display helpers for weights and quantities: the stall weighs in 斤 or kg whatever the price unit. */
import type { Product } from '../shared/contract/methods';
import type { LineEntry } from '../shared/sales/cart';
import { formatWeight, isWeighed } from '../shared/units';
import type { WeightUnitPref } from './stores/settings';

export type WeighUnit = 'jin' | 'kg';

export function weighUnit(product: Product, pref: WeightUnitPref): WeighUnit | null {
  if (!isWeighed(product.unit)) return null;
  return pref === 'product' ? product.unit : pref;
}

/** The quantity of a line for the cart: "2.500" and its unit key (units.jin …), or null for a typed amount. */
export function lineQuantity(
  product: Product,
  entry: LineEntry,
  pref: WeightUnitPref,
): { text: string; unit: string } | null {
  switch (entry.kind) {
    case 'weight': {
      const u = weighUnit(product, pref) ?? 'kg';
      return { text: formatWeight(entry.gross_g - entry.tare_g, u), unit: u };
    }
    case 'count':
      return { text: String(entry.count), unit: 'piece' };
    case 'amount':
      return null;
  }
}

/** A weight in grams shown in the stall's unit without trailing zeros: "0.5". */
export function shortWeight(grams: number, unit: WeighUnit): string {
  return formatWeight(grams, unit).replace(/\.?0+$/, '');
}
