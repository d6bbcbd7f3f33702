/**
 * A sale committed with a QR or payment-code part waits for the buyer's
 * payment. The core has no push for tender status yet, so this polls the
 * sale's detail while the done screen is up.
 */
import { create } from 'zustand';
import type { MethodOutput } from '../../shared/contract/methods';
import { coreApi } from '../transport/core-client';

type Tender = MethodOutput<'sale-detail'>['tenders'][number];

interface PaymentWaitState {
  saleId: string | null;
  tenders: Tender[];
  payUrl: string | null;
  startedMs: number;
  /** the sale's status now and what it still owes (a failed or reversed tender leaves it owed) */
  saleStatus: MethodOutput<'sale-detail'>['sale']['status'] | null;
  owedFen: number;
  watch(saleId: string): () => void;
  /** reads the watched sale once more at once (after the cashier acted on it) */
  refresh(): Promise<void>;
  reset(): void;
}

const POLL_MS = 2_000;
const initial = { saleId: null, tenders: [], payUrl: null, startedMs: 0, saleStatus: null, owedFen: 0 };

export const usePaymentWait = create<PaymentWaitState>()((set, get) => ({
  ...initial,
  watch(saleId) {
    set({ ...initial, saleId, startedMs: Date.now() });
    let stopped = false;
    const poll = async (): Promise<void> => {
      if (!stopped) await get().refresh();
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  },
  async refresh() {
    const saleId = get().saleId;
    if (!saleId) return;
    const r = await coreApi()['sale-detail']({ sale_id: saleId, paper: 80 });
    if (!r.ok || get().saleId !== saleId) return;
    set({
      tenders: r.value.tenders,
      payUrl: r.value.pay_url,
      saleStatus: r.value.sale.status,
      owedFen: r.value.owed_fen,
    });
  },
  reset: () => set(initial),
}));

/** Still waiting while any QR or payment-code tender is pending. */
export const isWaiting = (tenders: readonly Tender[]): boolean => tenders.some((t) => t.status === 'pending');
