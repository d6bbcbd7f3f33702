/** 议价 and 抹零 at the till: the cashier picks why, the core approves (a manager's PIN when it asks for one). */
import { create } from 'zustand';
import type { BargainReason } from '../../shared/sales/bargain';
import { coreApi } from '../transport/core-client';
import { useCart } from './cart';
import { useUi } from './ui';

/** What is asked for: a line at a new unit price, or a sale's total less an amount. */
export type BargainChange =
  | { kind: 'line'; index: number; unit_price_fen: number }
  | { kind: 'round_off'; total_before_fen: number; amount_fen: number };

interface BargainState {
  ask: { change: BargainChange; reason: BargainReason | null; manager: boolean; pinWrong: boolean } | null;
  pin: string;
  busy: boolean;
  start(change: BargainChange): void;
  setPin(pin: string): void;
  /** sends the change with a reason (the reason's button), or again with the manager's PIN (no reason given) */
  submit(reason?: BargainReason): Promise<void>;
  cancel(): void;
}

export const useBargain = create<BargainState>()((set, get) => ({
  ask: null,
  pin: '',
  busy: false,
  start: (change) => set({ ask: { change, reason: null, manager: false, pinWrong: false }, pin: '' }),
  setPin: (pin) => set({ pin: pin.replace(/\D/g, '').slice(0, 8) }),
  cancel: () => set({ ask: null, pin: '', busy: false }),
  async submit(picked) {
    const { ask, pin, busy } = get();
    const reason = picked ?? ask?.reason ?? null;
    if (!ask || busy || reason === null) return;
    if (ask.manager && pin.length < 4) return;
    const { change } = ask;
    const cart = useCart.getState();
    const line = change.kind === 'line' ? cart.lines[change.index] : undefined;
    const wire =
      change.kind === 'round_off'
        ? change
        : line && {
            kind: 'line' as const,
            product_id: line.product.id,
            entry: line.entry,
            unit_price_fen: change.unit_price_fen,
          };
    if (!wire) return get().cancel();
    set({ busy: true, pin: '', ask: { ...ask, reason } });
    const r = await coreApi()['price-override']({
      change: wire,
      reason,
      ...(ask.manager ? { manager_pin: pin } : {}),
    });
    set({ busy: false });
    if (!r.ok) {
      if (r.error.code === 'manager_required')
        return set({ ask: { change, reason, manager: true, pinWrong: false } });
      if (r.error.code === 'wrong_pin' && ask.manager)
        return set({ ask: { change, reason, manager: true, pinWrong: true } });
      get().cancel();
      return useUi.getState().fail(r.error);
    }
    if (change.kind === 'line')
      cart.setOverride(change.index, { id: r.value.override_id, unit_price_fen: change.unit_price_fen });
    else cart.setRoundOff({ id: r.value.override_id, amount_fen: change.amount_fen });
    set({ ask: null, pin: '' });
  },
}));
