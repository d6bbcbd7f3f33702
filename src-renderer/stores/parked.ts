/** Parked sales (挂单): a buyer steps away, the cashier serves the next one and resumes later. */
import { create } from 'zustand';
import type { MethodOutput } from '../../shared/contract/methods';
import { coreApi } from '../transport/core-client';
import { cartWire, useCart } from './cart';
import { useSession } from './session';
import { useUi } from './ui';

type Parked = MethodOutput<'parked-list'>['parked'][number];

interface ParkedState {
  parked: Parked[];
  load(): Promise<void>;
  park(): Promise<boolean>;
  /** clears the cart through the core, which journals the abandoned sale (作废) */
  voidCart(): Promise<boolean>;
  resume(id: string): Promise<boolean>;
  reset(): void;
}

export const useParked = create<ParkedState>()((set, get) => ({
  parked: [],
  async load() {
    const r = await coreApi()['parked-list']({});
    if (r.ok) set({ parked: r.value.parked });
    else useUi.getState().fail(r.error);
  },
  async park() {
    const lines = useCart.getState().lines;
    if (lines.length === 0) return false;
    const r = await coreApi()['sale-park'](cartWire(lines));
    if (!r.ok) {
      useUi.getState().fail(r.error);
      return false;
    }
    useCart.getState().clear();
    useUi.getState().notify({ kind: 'info', key: 'parked.parked' });
    await get().load();
    return true;
  },
  async voidCart() {
    const lines = useCart.getState().lines;
    if (lines.length === 0) return false;
    const r = await coreApi()['sale-void']({ ...cartWire(lines), reason: 'cleared at the till' });
    if (!r.ok) {
      useUi.getState().fail(r.error);
      return false;
    }
    useCart.getState().clear();
    useUi.getState().notify({ kind: 'info', key: 'parked.voided' });
    return true;
  },
  async resume(id) {
    if (useCart.getState().lines.length > 0) {
      useUi.getState().notify({ kind: 'error', key: 'parked.cart_not_empty' });
      return false;
    }
    const r = await coreApi()['sale-resume']({ parked_id: id });
    if (!r.ok) {
      useUi.getState().fail(r.error);
      return false;
    }
    const missing = useCart.getState().load(r.value.cart, useSession.getState().products);
    if (missing !== null)
      useUi.getState().notify({ kind: 'error', key: 'parked.product_gone', params: { id: missing } });
    await get().load();
    useUi.getState().setScreen('selling');
    return true;
  },
  reset: () => set({ parked: [] }),
}));
