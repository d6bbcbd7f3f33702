/** Past sales: search, one sale's detail with its receipt, reprint and refund (a manager's PIN when the core asks for one). */
import { create } from 'zustand';
import { formatYuan } from '../../shared/money';
import type { MethodOutput } from '../../shared/contract/methods';
import { coreApi } from '../transport/core-client';
import { useSettings } from './settings';
import { useUi } from './ui';

type Summary = MethodOutput<'sales-recent'>['sales'][number];
type Detail = MethodOutput<'sale-detail'>;
type Refund = MethodOutput<'refund-create'>;
export type RefundPreview = MethodOutput<'refund-preview'>;

interface HistoryState {
  query: string;
  sales: Summary[];
  detail: Detail | null;
  busy: boolean;
  /** the refund dialog: confirming, then asking for a manager's PIN when the core wants one */
  refund: { step: 'confirm' | 'manager'; pinWrong: boolean; preview: RefundPreview } | null;
  refunded: Refund | null;
  /** the manager's PIN being typed */
  pin: string;
  /** lines picked for a partial refund (line_no); none picked refunds the whole sale */
  picked: number[];
  toggleLine(lineNo: number): void;
  setPin(pin: string): void;
  setQuery(q: string): void;
  load(): Promise<void>;
  open(id: string): Promise<void>;
  reprint(): Promise<void>;
  /** asks the core what the refund would give back, then opens the dialog naming it */
  startRefund(): Promise<void>;
  cancelRefund(): void;
  refundNow(): Promise<void>;
  reset(): void;
}

const initial = {
  query: '',
  sales: [],
  detail: null,
  busy: false,
  refund: null,
  refunded: null,
  pin: '',
  picked: [],
};

export const useHistory = create<HistoryState>()((set, get) => ({
  ...initial,
  toggleLine: (no) =>
    set((s) => ({ picked: s.picked.includes(no) ? s.picked.filter((x) => x !== no) : [...s.picked, no] })),
  setPin: (pin) => set({ pin: pin.replace(/\D/g, '').slice(0, 8) }),
  setQuery: (query) => set({ query: query.slice(0, 40) }),
  async load() {
    const q = get().query.trim();
    const r = await coreApi()['sales-recent']({ query: q === '' ? undefined : q, limit: 50 });
    if (r.ok) set({ sales: r.value.sales });
    else useUi.getState().fail(r.error);
  },
  async open(id) {
    const r = await coreApi()['sale-detail']({ sale_id: id, paper: useSettings.getState().paper });
    if (r.ok) set({ detail: r.value, refunded: null, picked: [] });
    else useUi.getState().fail(r.error);
  },
  async reprint() {
    const d = get().detail;
    if (!d || get().busy) return;
    set({ busy: true });
    const r = await coreApi()['sale-reprint']({ sale_id: d.sale.id });
    set({ busy: false });
    if (!r.ok) return useUi.getState().fail(r.error);
    useUi
      .getState()
      .notify(
        r.value.printed
          ? { kind: 'info', key: 'history.reprinted' }
          : { kind: 'error', key: 'history.reprint_waiting', detail: r.value.print_error ?? '' },
      );
  },
  async startRefund() {
    const d = get().detail;
    if (!d || get().busy) return;
    set({ busy: true });
    const r = await coreApi()['refund-preview']({ sale_id: d.sale.id, lines: pickedLines(d, get().picked) });
    set({ busy: false });
    if (!r.ok) return useUi.getState().fail(r.error);
    set({ refund: { step: 'confirm', pinWrong: false, preview: r.value }, pin: '' });
  },
  cancelRefund: () => set({ refund: null, pin: '' }),
  async refundNow() {
    const d = get().detail;
    const open = get().refund;
    if (!d || get().busy || !open) return;
    const { step, preview } = open;
    const managerPin = step === 'manager' ? get().pin : undefined;
    if (managerPin !== undefined && managerPin.length < 4) return;
    set({ busy: true, pin: '' });
    const r = await coreApi()['refund-create']({
      sale_id: d.sale.id,
      lines: pickedLines(d, get().picked),
      manager_pin: managerPin,
    });
    set({ busy: false });
    if (!r.ok) {
      if (r.error.code === 'manager_required')
        return set({ refund: { step: 'manager', pinWrong: false, preview } });
      if (r.error.code === 'wrong_pin' && managerPin !== undefined)
        return set({ refund: { step: 'manager', pinWrong: true, preview } });
      set({ refund: null });
      return useUi.getState().fail(r.error);
    }
    set({ refund: null, refunded: r.value });
    useUi.getState().notify({
      kind: 'info',
      key: 'history.refund_done',
      params: { no: r.value.refund_no, amount: formatYuan(r.value.amount_fen) },
    });
    await Promise.all([get().open(d.sale.id), get().load()]);
    set({ refunded: r.value });
  },
  reset: () => set(initial),
}));

/** The picked lines, each with all of it not yet refunded; none picked: undefined (the whole sale). */
function pickedLines(
  d: Detail,
  picked: readonly number[],
): { line_no: number; quantity: number }[] | undefined {
  if (picked.length === 0) return undefined;
  return d.lines
    .filter((l) => picked.includes(l.line_no))
    .map((l) => ({ line_no: l.line_no, quantity: l.quantity - l.refunded_quantity }));
}

/** What a refund would give back, for the screen (the core computes the real amount): picked lines' unrefunded share, or all that was paid and not refunded. */
export function refundEstimate(d: Detail | null, picked: readonly number[]): number {
  if (!d) return 0;
  if (picked.length > 0)
    return d.lines
      .filter((l) => picked.includes(l.line_no))
      .reduce((a, l) => a + l.net_fen - l.refunded_fen, 0);
  return Math.max(
    0,
    d.tenders.filter((x) => x.status === 'paid').reduce((a, x) => a + x.amount_fen, 0) - d.refunded_fen,
  );
}
