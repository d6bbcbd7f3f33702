/** The cashier's shift (交班: float in, counted cash out, over/short) and the day close (日结) with its Z report. */
import { create } from 'zustand';
import type { MethodOutput } from '../../shared/contract/methods';
import type { RpcError } from '../../shared/contract/envelope';
import { COUNTED_CASH_FEN_MAX } from '../../shared/limits';
import { parseYuan } from '../../shared/money';
import { coreApi } from '../transport/core-client';
import { useUi } from './ui';

type Current = MethodOutput<'shift-current'>;
type Shift = MethodOutput<'shift-close'>;
type ZReport = MethodOutput<'day-report'>;

interface ShiftState {
  current: Current | null;
  closed: Shift | null;
  report: ZReport | null;
  /** the report came from day-close: the day is closed */
  dayClosed: boolean;
  /** a close refused for open sales: which ones (a manager's PIN closes anyway) */
  openSales: NonNullable<RpcError['details']>['open_sales'] | null;
  amountText: string;
  setAmountText(text: string): void;
  load(): Promise<void>;
  open(): Promise<void>;
  close(): Promise<void>;
  loadReport(): Promise<void>;
  closeDay(managerPin?: string): Promise<void>;
  reset(): void;
}

const initial = {
  current: null,
  closed: null,
  report: null,
  dayClosed: false,
  openSales: null,
  amountText: '',
};

export const useShift = create<ShiftState>()((set, get) => {
  const amount = (): number | null => {
    const v = parseYuan(get().amountText === '' ? '0' : get().amountText);
    const fits = v !== null && v >= 0 && v <= COUNTED_CASH_FEN_MAX;
    if (!fits)
      useUi.getState().notify({
        kind: 'error',
        key: v !== null && v > COUNTED_CASH_FEN_MAX ? 'shift.too_big' : 'shift.bad_amount',
      });
    return fits ? v : null;
  };
  return {
    ...initial,
    setAmountText: (text) => set({ amountText: text.replace(/[^\d.]/g, '').slice(0, 12) }),
    async load() {
      const r = await coreApi()['shift-current']({});
      if (r.ok) set({ current: r.value });
      else useUi.getState().fail(r.error);
    },
    async open() {
      const v = amount();
      if (v === null) return;
      const r = await coreApi()['shift-open']({ float_fen: v });
      if (!r.ok) return useUi.getState().fail(r.error);
      set({ amountText: '', closed: null });
      await get().load();
    },
    async close() {
      const v = amount();
      if (v === null) return;
      const r = await coreApi()['shift-close']({ counted_fen: v });
      if (!r.ok) return useUi.getState().fail(r.error);
      set({ closed: r.value, amountText: '' });
      await get().load();
    },
    async loadReport() {
      const r = await coreApi()['day-report']({});
      if (r.ok) set({ report: r.value, dayClosed: false });
      else useUi.getState().fail(r.error);
    },
    async closeDay(managerPin) {
      const r = await coreApi()['day-close'](managerPin === undefined ? {} : { manager_pin: managerPin });
      if (!r.ok && r.error.code === 'manager_required' && r.error.details?.open_sales)
        return set({ openSales: r.error.details.open_sales });
      if (!r.ok) return useUi.getState().fail(r.error);
      set({ report: r.value, dayClosed: true, openSales: null });
    },
    reset: () => set(initial),
  };
});
