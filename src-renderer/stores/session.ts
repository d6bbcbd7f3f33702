/** Who the till is and what it sells, loaded from the core. */
import { create } from 'zustand';
import type { MethodOutput, Product } from '../../shared/contract/methods';
import { coreApi } from '../transport/core-client';

type Info = MethodOutput<'session-info'>;

interface SessionState {
  info: Info | null;
  products: Product[];
  error: string | null;
  load(): Promise<void>;
  reset(): void;
}

const initial = { info: null, products: [], error: null };

export const useSession = create<SessionState>()((set) => ({
  ...initial,
  async load() {
    const api = coreApi();
    const [info, catalog] = await Promise.all([api['session-info']({}), api['catalog-list']({})]);
    if (!info.ok) return set({ error: info.error.message });
    if (!catalog.ok) return set({ error: catalog.error.message });
    set({ info: info.value, products: catalog.value.products, error: null });
  },
  reset: () => set(initial),
}));
