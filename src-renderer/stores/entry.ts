/** The numeric keypad: which product is being weighed or counted, and what was typed. */
import { create } from 'zustand';
import type { Product } from '../../shared/contract/methods';
import { isWeighed, parseWeightToGrams } from '../../shared/units';
import { useCart } from './cart';

const MAX_ENTRY_CHARS = 9;

interface EntryState {
  product: Product | null;
  text: string;
  invalid: boolean;
  open(product: Product): void;
  press(key: string): void;
  confirm(): boolean;
  cancel(): void;
}

/** grams for weighed units, a whole count for pieces; null when the text is not a quantity. */
export function parseQuantity(product: Product, text: string): number | null {
  if (isWeighed(product.unit)) return parseWeightToGrams(text, product.unit);
  return /^\d{1,5}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

export const useEntry = create<EntryState>()((set, get) => ({
  product: null,
  text: '',
  invalid: false,
  open: (product) => set({ product, text: '', invalid: false }),
  press: (key) =>
    set((s) => {
      if (key === 'C') return { text: '', invalid: false };
      if (key === '⌫') return { text: s.text.slice(0, -1), invalid: false };
      if (!/^[0-9.]$/.test(key) || s.text.length >= MAX_ENTRY_CHARS) return s;
      if (key === '.' && (s.text.includes('.') || (s.product && !isWeighed(s.product.unit)))) return s;
      return { text: s.text + key, invalid: false };
    }),
  confirm: () => {
    const { product, text } = get();
    if (!product) return false;
    const q = parseQuantity(product, text);
    if (q === null) {
      set({ invalid: true });
      return false;
    }
    useCart.getState().add(product, q);
    set({ product: null, text: '', invalid: false });
    return true;
  },
  cancel: () => set({ product: null, text: '', invalid: false }),
}));
