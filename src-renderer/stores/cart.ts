/**
 * The sale in progress as the renderer shows it: a view of what the core holds (current-sale.ts there),
 * changed here first for speed and sent to the core after every change (current-sale-sync.ts), so a
 * reload resumes it. Totals come from shared/sales/cart (the core recomputes them on commit). The sale
 * id is made when the first line is added and names the sale until it is completed, parked or voided.
 */
import { create } from 'zustand';
import type { Product } from '../../shared/contract/methods';
import type { CartWire, CurrentSaleWire } from '../../shared/contract/till';
import { ulidFactory } from '../../shared/ulid';
import { CartError, priceSale, type LineEntry, type PricedSale } from '../../shared/sales/cart';
import type { RoundingMode } from '../../shared/sales/rounding';
import { isWeighed } from '../../shared/units';

export interface CartLine {
  /** stable key for React and for tests */
  key: number;
  product: Product;
  entry: LineEntry;
  discount_fen: number;
}

interface CartState {
  /** the client-made id this sale will be completed under; null until the first line */
  saleId: string | null;
  lines: CartLine[];
  /** the buyer this sale is for (picked when paying on account, kept with the sale) */
  buyerId: string | null;
  selected: number | null;
  setBuyer(id: string | null): void;
  add(product: Product, entry: LineEntry): void;
  /** a scanned piece product counts up on the last line when it is the same product */
  addScanned(product: Product): void;
  /** refuses (answers the reason) what the pricing rules refuse */
  setEntry(index: number, entry: LineEntry): string | null;
  setDiscount(index: number, discountFen: number): string | null;
  remove(index: number): void;
  select(index: number | null): void;
  moveSelection(delta: number): void;
  /** the cart of a parked or resumed sale; answers the id of a product no longer sold, null when all loaded */
  load(wire: CartWire, products: readonly Product[], saleId: string, buyerId: string | null): string | null;
  clear(): void;
}

let nextKey = 1;

/** A new sale's client-made id (a ULID, as the core's sale-complete takes). */
export const newSaleId = (
  (make) => () =>
    make(Date.now())
)(ulidFactory((buf) => crypto.getRandomValues(buf)));

export function entryFor(product: Product, quantity: number): LineEntry {
  return isWeighed(product.unit)
    ? { kind: 'weight', gross_g: quantity, tare_g: 0 }
    : { kind: 'count', count: quantity };
}

/** Prices lines, or answers why they cannot be priced. */
export function tryPrice(
  lines: readonly Pick<CartLine, 'product' | 'entry' | 'discount_fen'>[],
  rounding: RoundingMode,
): PricedSale | string {
  try {
    return priceSale(lines, 0, rounding);
  } catch (err) {
    if (err instanceof CartError) return err.message;
    throw err;
  }
}

export const useCart = create<CartState>()((set, get) => {
  const replaceLine = (index: number, patch: Partial<CartLine>): string | null => {
    const lines = get().lines.map((l, i) => (i === index ? { ...l, ...patch } : l));
    const priced = tryPrice(lines, 'none');
    if (typeof priced === 'string') return priced;
    set({ lines });
    return null;
  };
  return {
    saleId: null,
    lines: [],
    buyerId: null,
    selected: null,
    setBuyer: (buyerId) => set((s) => (s.buyerId === buyerId ? s : { buyerId })),
    add: (product, entry) =>
      set((s) => ({
        saleId: s.saleId ?? newSaleId(),
        lines: [...s.lines, { key: nextKey++, product, entry, discount_fen: 0 }],
        selected: s.lines.length,
      })),
    addScanned: (product) => {
      const { lines } = get();
      const last = lines[lines.length - 1];
      if (last && last.product.id === product.id && last.entry.kind === 'count') {
        set({
          lines: [...lines.slice(0, -1), { ...last, entry: { kind: 'count', count: last.entry.count + 1 } }],
          selected: lines.length - 1,
        });
        return;
      }
      get().add(product, { kind: 'count', count: 1 });
    },
    setEntry: (index, entry) => replaceLine(index, { entry }),
    setDiscount: (index, discount_fen) => replaceLine(index, { discount_fen }),
    remove: (index) => set((s) => ({ lines: s.lines.filter((_, i) => i !== index), selected: null })),
    select: (selected) => set({ selected }),
    moveSelection: (delta) =>
      set((s) => {
        if (s.lines.length === 0) return s;
        const from = s.selected ?? (delta > 0 ? -1 : s.lines.length);
        return { selected: Math.min(s.lines.length - 1, Math.max(0, from + delta)) };
      }),
    load: (wire, products, saleId, buyerId) => {
      const lines: CartLine[] = [];
      let missing: string | null = null;
      for (const w of wire.lines) {
        const product = products.find((p) => p.id === w.product_id);
        if (product)
          lines.push({ key: nextKey++, product, entry: w.entry, discount_fen: w.discount_fen ?? 0 });
        else missing = w.product_id;
      }
      set({ saleId, lines, buyerId, selected: null });
      return missing;
    },
    clear: () => set({ saleId: null, lines: [], buyerId: null, selected: null }),
  };
});

export function priceCart(lines: readonly CartLine[], rounding: RoundingMode): PricedSale | null {
  if (lines.length === 0) return null;
  const priced = tryPrice(lines, rounding);
  return typeof priced === 'string' ? null : priced;
}

export const cartTotal = (lines: readonly CartLine[], rounding: RoundingMode): number =>
  priceCart(lines, rounding)?.total_fen ?? 0;

export function cartWire(lines: readonly CartLine[]): CartWire {
  return {
    lines: lines.map((l) => ({ product_id: l.product.id, entry: l.entry, discount_fen: l.discount_fen })),
    sale_discount_fen: 0,
  };
}

/** The sale in progress as the core keeps it, or null before its first line. */
export function currentSaleWire(s: Pick<CartState, 'saleId' | 'lines' | 'buyerId'>): CurrentSaleWire | null {
  return s.saleId ? { sale_id: s.saleId, ...cartWire(s.lines), buyer_id: s.buyerId } : null;
}
