/** The open sale's lines. Amounts use the same rounding as the core (shared/units). */
import { create } from 'zustand';
import type { Product } from '../../shared/contract/methods';
import { sumFen } from '../../shared/money';
import { lineAmount } from '../../shared/units';

export interface CartLine {
  product: Product;
  /** grams for weighed products, a count for pieces */
  quantity: number;
  amount_fen: number;
}

interface CartState {
  lines: CartLine[];
  add(product: Product, quantity: number): void;
  remove(index: number): void;
  clear(): void;
}

export const useCart = create<CartState>()((set) => ({
  lines: [],
  add: (product, quantity) => set((s) => ({ lines: [...s.lines, { product, quantity, amount_fen: lineAmount(product.unit, quantity, product.unit_price_fen) }] })),
  remove: (index) => set((s) => ({ lines: s.lines.filter((_, i) => i !== index) })),
  clear: () => set({ lines: [] }),
}));

export const cartTotal = (lines: readonly CartLine[]): number => sumFen(lines.map((l) => l.amount_fen));
