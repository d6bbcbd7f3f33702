/** The open sale's lines. Totals use the same pricing as the core (shared/sales/cart), which recomputes them on commit. */
import { create } from 'zustand';
import type { Product } from '../../shared/contract/methods';
import type { CartWire } from '../../shared/contract/till';
import { priceSale, type LineEntry, type PricedSale } from '../../shared/sales/cart';
import type { RoundingMode } from '../../shared/sales/rounding';
import { isWeighed, lineAmount } from '../../shared/units';

export interface CartLine {
  product: Product;
  entry: LineEntry;
  discount_fen: number;
  amount_fen: number;
}

interface CartState {
  lines: CartLine[];
  /** add by quantity: grams for weighed products, a count for pieces */
  add(product: Product, quantity: number): void;
  remove(index: number): void;
  clear(): void;
}

export function entryFor(product: Product, quantity: number): LineEntry {
  return isWeighed(product.unit) ? { kind: 'weight', gross_g: quantity, tare_g: 0 } : { kind: 'count', count: quantity };
}

export const useCart = create<CartState>()((set) => ({
  lines: [],
  add: (product, quantity) => set((s) => ({ lines: [...s.lines, { product, entry: entryFor(product, quantity), discount_fen: 0, amount_fen: lineAmount(product.unit, quantity, product.unit_price_fen) }] })),
  remove: (index) => set((s) => ({ lines: s.lines.filter((_, i) => i !== index) })),
  clear: () => set({ lines: [] }),
}));

export function priceCart(lines: readonly CartLine[], rounding: RoundingMode): PricedSale | null {
  if (lines.length === 0) return null;
  return priceSale(lines.map((l) => ({ product: l.product, entry: l.entry, discount_fen: l.discount_fen })), 0, rounding);
}

export const cartTotal = (lines: readonly CartLine[], rounding: RoundingMode): number => priceCart(lines, rounding)?.total_fen ?? 0;

export function cartWire(lines: readonly CartLine[]): CartWire {
  return { lines: lines.map((l) => ({ product_id: l.product.id, entry: l.entry, discount_fen: l.discount_fen })), sale_discount_fen: 0 };
}
