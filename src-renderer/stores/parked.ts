/**
 * Parked sales (挂单): a buyer steps away, the cashier names the sale (the buyer, a truck's plate number),
 * serves the next one and resumes the right one later. Held by the core, so they survive a reload.
 */
import { create } from 'zustand';
import type { MethodOutput } from '../../shared/contract/methods';
import { PARK_LABEL_CHARS_MAX } from '../../shared/limits';
import { coreApi } from '../transport/core-client';
import { cartWire, newSaleId, useCart } from './cart';
import { flushCurrentSale, saleEnded } from './current-sale-push';
import { useSession } from './session';
import { useUi } from './ui';

type Parked = MethodOutput<'parked-list'>['parked'][number];

interface ParkedState {
  parked: Parked[];
  /** the name being typed for the sale about to be parked; null: no naming dialog up */
  naming: string | null;
  load(): Promise<void>;
  /** opens the naming dialog (the buyer's name when the sale has one) */
  askName(): void;
  setName(label: string): void;
  cancelName(): void;
  park(): Promise<boolean>;
  /** clears the cart through the core, which journals the abandoned sale (作废) */
  voidCart(): Promise<boolean>;
  resume(id: string): Promise<boolean>;
  reset(): void;
}

/** What the parked list calls a parked sale: its label, else its buyer, else nothing (the time says it). */
export const parkedName = (p: Pick<Parked, 'label' | 'buyer_name'>): string => p.label || p.buyer_name || '';

export const useParked = create<ParkedState>()((set, get) => ({
  parked: [],
  naming: null,
  async load() {
    const r = await coreApi()['parked-list']({});
    if (r.ok) set({ parked: r.value.parked });
    else useUi.getState().fail(r.error);
  },
  askName: () => {
    if (useCart.getState().lines.length > 0) set({ naming: '' });
  },
  setName: (label) => set({ naming: label.slice(0, PARK_LABEL_CHARS_MAX) }),
  cancelName: () => set({ naming: null }),
  async park() {
    const cart = useCart.getState();
    const { lines, saleId, buyerId } = cart;
    if (lines.length === 0) return false;
    await flushCurrentSale();
    const r = await coreApi()['sale-park']({
      ...cartWire(cart),
      label: (get().naming ?? '').trim(),
      buyer_id: buyerId,
      ...(saleId ? { sale_id: saleId } : {}),
    });
    if (!r.ok) {
      useUi.getState().fail(r.error);
      return false;
    }
    set({ naming: null });
    saleEnded();
    useCart.getState().clear();
    useUi.getState().notify({ kind: 'info', key: 'parked.parked' });
    await get().load();
    return true;
  },
  async voidCart() {
    const cart = useCart.getState();
    const { lines, saleId } = cart;
    if (lines.length === 0) return false;
    await flushCurrentSale();
    const r = await coreApi()['sale-void']({
      ...cartWire(cart),
      reason: 'cleared at the till',
      ...(saleId ? { sale_id: saleId } : {}),
    });
    if (!r.ok) {
      useUi.getState().fail(r.error);
      return false;
    }
    saleEnded();
    useCart.getState().clear();
    useUi.getState().notify({ kind: 'info', key: 'parked.voided' });
    return true;
  },
  async resume(id) {
    if (useCart.getState().lines.length > 0) {
      useUi.getState().notify({ kind: 'error', key: 'parked.cart_not_empty' });
      return false;
    }
    await flushCurrentSale();
    // The parked cart becomes the sale in progress at the core, under a new id, in the same step.
    const saleId = newSaleId();
    const r = await coreApi()['sale-resume']({ parked_id: id, sale_id: saleId });
    if (!r.ok) {
      useUi.getState().fail(r.error);
      return false;
    }
    const { cart, buyer_id } = r.value;
    const missing = useCart.getState().load(cart, useSession.getState().products, saleId, buyer_id);
    if (missing !== null)
      useUi.getState().notify({ kind: 'error', key: 'parked.product_gone', params: { id: missing } });
    await get().load();
    useUi.getState().setScreen('selling');
    return true;
  },
  reset: () => set({ parked: [], naming: null }),
}));
