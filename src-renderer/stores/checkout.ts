/**
 * Taking payment: selling → paying → committing → done → selling.
 * A sale may be split: parts (QR, payment code, on account, each for an
 * amount) are added first, and the tender chosen last covers what is left —
 * cash last gives change. The core checks everything again.
 */
import { create } from 'zustand';
import type { RpcError } from '../../shared/contract/envelope';
import type { MethodInput, MethodOutput } from '../../shared/contract/methods';
import { TENDER_KINDS } from '../../shared/journal/entries';
import { TENDERS_PER_SALE_MAX } from '../../shared/limits';
import { formatYuan, parseYuan } from '../../shared/money';
import { isPaymentCode } from '../../shared/pay/payment-code';
import { codeLimitDecision } from '../../shared/pay/qr-limits';
import { classifyScan } from '../../shared/scan/classify';
import { coreApi } from '../transport/core-client';
import { cartTotal, cartWire, newSaleId, useCart } from './cart';
import { flushCurrentSale, saleEnded } from './current-sale-push';
import { useSession } from './session';
import { useUi } from './ui';
import type { TillBuyer } from '../../shared/contract/till';

/** How the cashier takes this tender; 'gateway' is a QR tender paid through the institution's B2B bank page (large amounts). */
/** What the cashier picks: a tender kind, or the bank gateway (a qr tender paid via B2B, TenderVia). */
export const PAY_METHODS = [...TENDER_KINDS, 'gateway'] as const;
export type PayMethod = (typeof PAY_METHODS)[number];
type TenderInput = MethodInput<'sale-complete'>['tenders'][number];
type CompleteInput = MethodInput<'sale-complete'> & { sale_id: string };

type Phase = 'selling' | 'paying' | 'committing' | 'done';

/** What the cashier did wrong, checked before asking the core (i18n key + params). */
export interface PayProblem {
  key: string;
  params?: Record<string, string | number>;
}

interface CheckoutState {
  phase: Phase;
  method: PayMethod;
  /** parts of a split payment, added before the last tender */
  parts: TenderInput[];
  /** cash given (cash) or this tender's amount (others); empty means "what is left" */
  amountText: string;
  code: string;
  buyerId: string | null;
  buyers: TillBuyer[];
  problem: PayProblem | null;
  error: RpcError | null;
  result: MethodOutput<'sale-complete'> | null;
  /** the tenders the sale was committed with (for the done screen: which are pending) */
  committed: TenderInput[];
  /** committing, and the core did not answer: asking it what became of the sale before anything else */
  asking: boolean;
  startPay(): void;
  setMethod(method: PayMethod): void;
  setAmountText(text: string): void;
  setCode(code: string): void;
  setBuyer(id: string | null): void;
  /** above the QR / payment-code limit: take the same amount through the B2B bank gateway */
  switchToGateway(): void;
  addPart(): void;
  /** on account for all the buyer's remaining credit, as a part: the rest is paid another way */
  accountWhatFits(): void;
  removePart(index: number): void;
  confirm(): Promise<void>;
  /** the sale-complete this page sent and never heard back from (kept across a reload), or null */
  unanswered(): CompleteInput | null;
  answer(input: CompleteInput): Promise<void>;
  finish(input: CompleteInput, result: MethodOutput<'sale-complete'>): void;
  /** what became of an unanswered sale, once the core said: committed → its answer again; not → ring it again */
  settle(input: CompleteInput, committed: boolean): Promise<void>;
  back(): void;
  next(): void;
  reset(): void;
}

const initial = {
  phase: 'selling' as Phase,
  method: 'cash' as PayMethod,
  parts: [],
  amountText: '',
  code: '',
  buyerId: null,
  buyers: [],
  problem: null,
  error: null,
  result: null,
  committed: [],
  asking: false,
};

/** Where the sale being completed is kept until the core answers (sessionStorage: it outlives a reload). */
export const UNANSWERED_KEY = 'markettill.unanswered-sale';
/** How often, and how many times, the till asks a core that did not answer (it restarts in seconds). */
const CORE_ASK_INTERVAL_MS = 500;
const CORE_ASKS_MAX = 600;

const remember = (input: CompleteInput | null): void =>
  input
    ? sessionStorage.setItem(UNANSWERED_KEY, JSON.stringify(input))
    : sessionStorage.removeItem(UNANSWERED_KEY);

export const saleTotal = (): number =>
  cartTotal(useCart.getState(), useSession.getState().info?.rounding ?? 'none');
export const partsTotal = (parts: readonly TenderInput[]): number =>
  parts.reduce((a, p) => a + (p.kind === 'cash' ? 0 : p.amount_fen), 0);
/** What is still to pay after the parts. */
export const remaining = (parts: readonly TenderInput[]): number => saleTotal() - partsTotal(parts);
/** What a buyer may still take on account: limit minus what they owe. */
export const creditRoom = (b: TillBuyer): number => Math.max(0, b.credit_limit_fen - b.balance_fen);

/** The tender the cashier is building now, for `amount` fen, or a problem. */
function current(s: CheckoutState, amount: number, last: boolean): TenderInput | PayProblem {
  if (s.method === 'cash') {
    if (!last) return { key: 'pay.cash_last' };
    const given = s.amountText === '' ? amount : parseYuan(s.amountText);
    if (given === null) return { key: 'pay.bad_amount' };
    // A scanner the PC was too busy to tell from typing leaves a code in the cash field: never take it as money.
    if (given - amount > MAX_CHANGE_FEN)
      return { key: 'pay.cash_too_much', params: { amount: formatYuan(given) } };
    if (given < amount) return { key: 'pay.short', params: { amount: formatYuan(amount - given) } };
    return { kind: 'cash', tendered_fen: given };
  }
  if (amount <= 0) return { key: 'pay.bad_amount' };
  if (s.method === 'gateway') return { kind: 'qr', amount_fen: amount, via: 'gateway' };
  if (s.method === 'qr' || s.method === 'payment_code') {
    const scanned = s.method === 'payment_code' ? classifyScan(s.code) : null;
    const limit = codeLimitDecision(
      amount,
      s.method,
      scanned?.kind === 'payment_code' ? scanned.provider : undefined,
    );
    if (!limit.allowed) return { key: 'pay.over_code_limit', params: { cap: formatYuan(limit.cap_fen) } };
  }
  if (s.method === 'qr') return { kind: 'qr', amount_fen: amount };
  if (s.method === 'payment_code')
    return isPaymentCode(s.code)
      ? { kind: 'payment_code', amount_fen: amount, code: s.code }
      : { key: 'pay.code_needed' };
  const buyer = s.buyers.find((b) => b.id === s.buyerId);
  if (!buyer) return { key: 'pay.buyer_needed' };
  if (amount > creditRoom(buyer))
    return { key: 'pay.over_limit', params: { name: buyer.name, room: formatYuan(creditRoom(buyer)) } };
  return { kind: 'account', amount_fen: amount, buyer_id: buyer.id };
}

const isProblem = (v: TenderInput | PayProblem): v is PayProblem => 'key' in v;

/** The way a committed part was taken, for its label: a gateway part is a QR tender via the gateway. */
export const partMethod = (p: { kind: string; via?: string | null }): string =>
  p.kind === 'qr' && p.via === 'gateway' ? 'gateway' : p.kind;

/** The core refused a QR / payment-code tender above the limit, or the till saw it first: offer the gateway. */
export const offersGateway = (s: Pick<CheckoutState, 'problem' | 'error'>): boolean =>
  s.problem?.key === 'pay.over_code_limit' || s.error?.code === 'qr_limit_exceeded';

/** More change than any note a buyer hands over could need (1,000 元): the "cash given" is a mistake. */
export const MAX_CHANGE_FEN = 100_000;

export const useCheckout = create<CheckoutState>()((set, get) => ({
  ...initial,
  startPay: () => {
    if (get().phase !== 'selling' || useCart.getState().lines.length === 0) return;
    set({ ...initial, phase: 'paying', buyerId: useCart.getState().buyerId });
    void coreApi()
      ['buyers-list']({})
      .then((r) => r.ok && set({ buyers: r.value.buyers }));
  },
  setMethod: (method) => set({ method, amountText: '', problem: null, error: null }),
  // Up to 24 characters so that a payment code typed here can be recognised (confirm), never paid as cash.
  setAmountText: (text) =>
    set({ amountText: text.replace(/[^\d.]/g, '').slice(0, 24), problem: null, error: null }),
  setCode: (code) => set({ code: code.replace(/\D/g, '').slice(0, 24), problem: null, error: null }),
  setBuyer: (buyerId) => {
    useCart.getState().setBuyer(buyerId);
    set({ buyerId, problem: null, error: null });
  },
  switchToGateway: () => set({ method: 'gateway', problem: null, error: null }),
  addPart: () => {
    const s = get();
    const left = remaining(s.parts);
    const amount = s.amountText === '' ? left : parseYuan(s.amountText);
    if (amount === null || amount <= 0) return set({ problem: { key: 'pay.bad_amount' } });
    if (amount >= left) return set({ problem: { key: 'pay.part_too_big' } });
    if (s.parts.length >= TENDERS_PER_SALE_MAX - 1) return set({ problem: { key: 'pay.too_many_parts' } });
    const t = current(s, amount, false);
    if (isProblem(t)) return set({ problem: t });
    set({ parts: [...s.parts, t], amountText: '', code: '', problem: null, method: 'cash' });
  },
  accountWhatFits: () => {
    const s = get();
    const buyer = s.buyers.find((b) => b.id === s.buyerId);
    if (!buyer || creditRoom(buyer) <= 0) return;
    set({ amountText: formatYuan(Math.min(creditRoom(buyer), remaining(s.parts) - 1)) });
    get().addPart();
  },
  removePart: (index) => set((s) => ({ parts: s.parts.filter((_, i) => i !== index), problem: null })),
  async confirm() {
    const s = get();
    if (s.phase !== 'paying') return;
    const left = remaining(s.parts);
    const amount = s.method !== 'cash' && s.amountText !== '' ? parseYuan(s.amountText) : left;
    if (amount !== left) return set({ problem: { key: 'pay.use_split' } });
    if (
      s.method === 'cash' &&
      isPaymentCode(s.amountText) &&
      classifyScan(s.amountText).kind === 'payment_code'
    ) {
      // The buyer's payment code landed in the cash field: pay by code, after the cashier confirms once more.
      return set({
        method: 'payment_code',
        code: s.amountText,
        amountText: '',
        problem: { key: 'pay.moved_to_code' },
      });
    }
    const t = current(s, left, true);
    if (isProblem(t)) return set({ problem: t });
    const tenders = [...s.parts, t];
    set({ phase: 'committing', problem: null, error: null });
    const cart = useCart.getState();
    const input: CompleteInput = { ...cartWire(cart), sale_id: cart.saleId ?? newSaleId(), tenders };
    await flushCurrentSale();
    await get().answer(input);
  },
  /** sends the sale (stored first, so a reload can ask about it) and takes the core's answer */
  async answer(input) {
    remember(input);
    const res = await coreApi()['sale-complete'](input);
    if (res.ok) return get().finish(input, res.value);
    if (res.error.code !== 'internal') {
      remember(null);
      return set({ phase: 'paying', error: res.error });
    }
    // The core did not answer (it died, or broke): ask what became of this sale before anything else.
    set({ asking: true });
    for (let i = 0; i < CORE_ASKS_MAX; i++) {
      const r = await coreApi()['current-sale-get']({ sale_id: input.sale_id });
      if (r.ok) return get().settle(input, r.value.committed !== null);
      await new Promise((ok) => setTimeout(ok, CORE_ASK_INTERVAL_MS));
    }
    set({ phase: 'paying', asking: false, error: res.error });
  },
  finish(input, result) {
    remember(null);
    saleEnded();
    useCart.getState().clear();
    set({ phase: 'done', asking: false, result, committed: input.tenders });
  },
  unanswered() {
    const raw = sessionStorage.getItem(UNANSWERED_KEY);
    return raw ? (JSON.parse(raw) as CompleteInput) : null;
  },
  async settle(input, committed) {
    // Committed: the same id again answers that sale (its receipt, printed or not), nothing rung twice.
    if (committed) {
      set({ phase: 'committing', asking: false });
      return get().answer(input);
    }
    remember(null);
    if (get().phase === 'committing')
      return set({ phase: 'paying', asking: false, problem: { key: 'pay.not_completed' } });
    useUi.getState().notify({ kind: 'error', key: 'pay.not_completed' });
  },
  back: () => set((s) => (s.phase === 'paying' ? { ...initial } : s)),
  next: () => set((s) => (s.phase === 'done' ? { ...initial } : s)),
  reset: () => set(initial),
}));
