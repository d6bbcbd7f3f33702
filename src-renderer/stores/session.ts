/** Who the till is, who is signed in, and what it sells — loaded from the core. */
import { create } from 'zustand';
import type { MethodOutput, Product } from '../../shared/contract/methods';
import { coreApi } from '../transport/core-client';
import { buildIndex, type SearchIndex } from '../search';

type Info = MethodOutput<'session-info'>;

interface SessionState {
  info: Info | null;
  products: Product[];
  index: SearchIndex;
  /** the core could not be reached or refused: shown instead of the till */
  error: string | null;
  pinError: string | null;
  load(): Promise<void>;
  signIn(pin: string): Promise<boolean>;
  reset(): void;
}

const initial = { info: null, products: [], index: buildIndex([]), error: null, pinError: null };

export const useSession = create<SessionState>()((set, get) => ({
  ...initial,
  async load() {
    const api = coreApi();
    const [info, catalog] = await Promise.all([api['session-info']({}), api['catalog-list']({})]);
    if (!info.ok) return set({ error: info.error.message });
    if (!catalog.ok) return set({ error: catalog.error.message });
    const products = catalog.value.products;
    set({
      info: info.value,
      products,
      index: get().products === products ? get().index : buildIndex(products),
      error: null,
    });
  },
  async signIn(pin) {
    const res = await coreApi()['cashier-signin']({ pin });
    if (!res.ok) {
      set({ pinError: res.error.code });
      return false;
    }
    set({ pinError: null });
    await get().load();
    return true;
  },
  reset: () => set(initial),
}));
