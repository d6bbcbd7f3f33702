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
import { CartError, type LineEntry, type PricedSale } from '../../shared/sales/cart';
import { priceWithRoundOff } from '../../shared/sales/bargain';
import type { RoundingMode } from '../../shared/sales/rounding';
import { isWeighed } from '../../shared/units';

/** A line of the sale as the cashier rang it (shared/sales/cart prices it as a CartLine). */
export interface RungLine {
  /** stable key for React and for tests */
  key: number;
  product: Product;
  entry: LineEntry;
  discount_fen: number;
  /** a bargained unit price (议价) the core approved for this product and entry; product keeps the list price */
  override?: { id: string; unit_price_fen: number };
}

/** An ad-hoc 抹零 the core approved for the total as it was. */
export interface RoundOff {
  id: string;
  amount_fen: number;
}

/** What prices a sale: its lines and the 抹零 on it. */
export type CartPricing = { lines: readonly RungLine[]; roundOff: RoundOff | null };

interface CartState {
  /** the client-made id this sale will be completed under; null until the first line */
  saleId: string | null;
  lines: RungLine[];
  /** the buyer this sale is for (picked when paying on account, kept with the sale) */
  buyerId: string | null;
  selected: number | null;
  setBuyer(id: string | null): void;
  roundOff: RoundOff | null;
  /** the line at its bargained price (a changed quantity or discount drops it: the approval is for that line) */
  setOverride(index: number, override: { id: string; unit_price_fen: number }): void;
  setRoundOff(roundOff: RoundOff | null): void;
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

/** A line with its product at the price it sells at: the bargained one when there is one. */
export const sellingAt = <L extends Pick<RungLine, 'product' | 'override'>>(l: L): L =>
  l.override ? { ...l, product: { ...l.product, unit_price_fen: l.override.unit_price_fen } } : l;

/** Prices lines, or answers why they cannot be priced. */
export function tryPrice(
  lines: readonly Pick<RungLine, 'product' | 'entry' | 'discount_fen' | 'override'>[],
  rounding: RoundingMode,
  roundOffFen: number | null = null,
): PricedSale | string {
  try {
    return priceWithRoundOff(lines.map(sellingAt), 0, rounding, roundOffFen);
  } catch (err) {
    if (err instanceof CartError) return err.message;
    throw err;
  }
}

export const useCart = create<CartState>()((set, get) => {
  const replaceLine = (index: number, patch: Partial<RungLine>): string | null => {
    const lines = get().lines.map((l, i) => (i === index ? { ...l, override: undefined, ...patch } : l));
    const priced = tryPrice(lines, 'none');
    if (typeof priced === 'string') return priced;
    set({ lines, roundOff: null });
    return null;
  };
  return {
    saleId: null,
    lines: [],
    buyerId: null,
    selected: null,
    setBuyer: (buyerId) => set((s) => (s.buyerId === buyerId ? s : { buyerId })),
    roundOff: null,
    setOverride: (index, override) => void replaceLine(index, { override }),
    setRoundOff: (roundOff) => set({ roundOff }),
    add: (product, entry) =>
      set((s) => ({
        saleId: s.saleId ?? newSaleId(),
        lines: [...s.lines, { key: nextKey++, product, entry, discount_fen: 0 }],
        selected: s.lines.length,
        roundOff: null,
      })),
    addScanned: (product) => {
      const { lines } = get();
      const last = lines[lines.length - 1];
      if (last && last.product.id === product.id && last.entry.kind === 'count') {
        set({
          lines: [
            ...lines.slice(0, -1),
            { ...last, entry: { kind: 'count', count: last.entry.count + 1 }, override: undefined },
          ],
          selected: lines.length - 1,
          roundOff: null,
        });
        return;
      }
      get().add(product, { kind: 'count', count: 1 });
    },
    setEntry: (index, entry) => replaceLine(index, { entry }),
    setDiscount: (index, discount_fen) => replaceLine(index, { discount_fen }),
    remove: (index) =>
      set((s) => ({ lines: s.lines.filter((_, i) => i !== index), selected: null, roundOff: null })),
    select: (selected) => set({ selected }),
    moveSelection: (delta) =>
      set((s) => {
        if (s.lines.length === 0) return s;
        const from = s.selected ?? (delta > 0 ? -1 : s.lines.length);
        return { selected: Math.min(s.lines.length - 1, Math.max(0, from + delta)) };
      }),
    load: (wire, products, saleId, buyerId) => {
      const lines: RungLine[] = [];
      let missing: string | null = null;
      for (const w of wire.lines) {
        const product = products.find((p) => p.id === w.product_id);
        if (product)
          lines.push({ key: nextKey++, product, entry: w.entry, discount_fen: w.discount_fen ?? 0 });
        else missing = w.product_id;
      }
      // A parked sale comes back at list prices: bargain again if need be.
      set({ saleId, lines, buyerId, selected: null, roundOff: null });
      return missing;
    },
    clear: () => set({ saleId: null, lines: [], buyerId: null, selected: null, roundOff: null }),
  };
});

export function priceCart(cart: CartPricing, rounding: RoundingMode): PricedSale | null {
  if (cart.lines.length === 0) return null;
  const priced = tryPrice(cart.lines, rounding, cart.roundOff?.amount_fen ?? null);
  return typeof priced === 'string' ? null : priced;
}

export const cartTotal = (cart: CartPricing, rounding: RoundingMode): number =>
  priceCart(cart, rounding)?.total_fen ?? 0;

export function cartWire(cart: CartPricing): CartWire {
  return {
    lines: cart.lines.map((l) => ({
      product_id: l.product.id,
      entry: l.entry,
      discount_fen: l.discount_fen,
      ...(l.override ? { override_id: l.override.id } : {}),
    })),
    sale_discount_fen: 0,
    ...(cart.roundOff ? { round_off_id: cart.roundOff.id } : {}),
  };
}

/** The sale in progress as the core keeps it, or null before its first line. */
export function currentSaleWire(
  s: Pick<CartState, 'saleId' | 'lines' | 'buyerId' | 'roundOff'>,
): CurrentSaleWire | null {
  return s.saleId ? { sale_id: s.saleId, ...cartWire(s), buyer_id: s.buyerId } : null;
}
