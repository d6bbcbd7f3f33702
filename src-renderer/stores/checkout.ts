/** Taking payment: selling → paying (cash given) → done (change, receipt) → selling. */
import { create } from 'zustand';
import type { MethodOutput } from '../../shared/contract/methods';
import { parseYuan } from '../../shared/money';
import { coreApi } from '../transport/core-client';
import { cartTotal, cartWire, useCart } from './cart';
import { useSession } from './session';

type Phase =
  /** ringing up lines */
  | 'selling'
  /** the cashier is entering the cash given */
  | 'paying'
  /** waiting for the core to commit */
  | 'committing'
  /** committed: show change and receipt until the next buyer */
  | 'done';

interface CheckoutState {
  phase: Phase;
  tenderedText: string;
  result: MethodOutput<'sale-complete'> | null;
  error: string | null;
  startPay(): void;
  setTendered(text: string): void;
  confirm(): Promise<void>;
  back(): void;
  next(): void;
}

export const useCheckout = create<CheckoutState>()((set, get) => ({
  phase: 'selling',
  tenderedText: '',
  result: null,
  error: null,
  startPay: () => {
    if (get().phase !== 'selling' || useCart.getState().lines.length === 0) return;
    set({ phase: 'paying', tenderedText: '', error: null });
  },
  setTendered: (text) => set({ tenderedText: text.slice(0, 12), error: null }),
  async confirm() {
    const s = get();
    if (s.phase !== 'paying') return;
    const lines = useCart.getState().lines;
    const total = cartTotal(lines, useSession.getState().info?.rounding ?? 'none');
    const tendered = s.tenderedText === '' ? total : parseYuan(s.tenderedText);
    if (tendered === null || tendered < total) return set({ error: 'short' });
    set({ phase: 'committing', error: null });
    const res = await coreApi()['sale-complete']({ ...cartWire(lines), tenders: [{ kind: 'cash', tendered_fen: tendered }] });
    if (!res.ok) return set({ phase: 'paying', error: res.error.message });
    useCart.getState().clear();
    set({ phase: 'done', result: res.value });
  },
  back: () => set((s) => (s.phase === 'paying' ? { phase: 'selling', error: null } : s)),
  next: () => set((s) => (s.phase === 'done' ? { phase: 'selling', result: null, tenderedText: '' } : s)),
}));
