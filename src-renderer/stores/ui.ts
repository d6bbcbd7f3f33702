/** Which screen is up, the product filter, and the one notice shown to the cashier. */
import { create } from 'zustand';
import type { ErrorCode, RpcError } from '../../shared/contract/envelope';

export type Screen = 'selling' | 'parked' | 'history' | 'shift' | 'day' | 'settings';

export interface Notice {
  kind: 'error' | 'info';
  /** i18n key of the words for the cashier */
  key: string;
  params?: Record<string, string>;
  /** the core's own words, shown small, for whoever fixes it */
  detail?: string;
}

interface UiState {
  screen: Screen;
  category: string | null;
  query: string;
  notice: Notice | null;
  setScreen(screen: Screen): void;
  setCategory(category: string | null): void;
  setQuery(query: string): void;
  notify(notice: Notice): void;
  fail(error: RpcError): void;
  clearNotice(): void;
  reset(): void;
}

const KNOWN: readonly ErrorCode[] = [
  'bad_request',
  'unauthorized',
  'not_found',
  'conflict',
  'insufficient_tender',
  'invalid_cart',
  'credit_limit_exceeded',
  'qr_limit_exceeded',
  'not_signed_in',
  'wrong_pin',
  'manager_required',
  'refund_exceeds_paid',
  'printer_error',
  'storage_error',
  'internal',
];

/** An error from the core as a notice: the code picks the words, the message stays as detail. */
export function noticeFor(error: RpcError): Notice {
  return {
    kind: 'error',
    key: KNOWN.includes(error.code) ? `errors.${error.code}` : 'errors.internal',
    detail: error.message,
  };
}

const initial = { screen: 'selling' as Screen, category: null, query: '', notice: null };

export const useUi = create<UiState>()((set) => ({
  ...initial,
  setScreen: (screen) => set({ screen, notice: null }),
  setCategory: (category) => set({ category }),
  setQuery: (query) => set({ query: query.slice(0, 40) }),
  notify: (notice) => set({ notice }),
  fail: (error) => set({ notice: noticeFor(error) }),
  clearNotice: () => set({ notice: null }),
  reset: () => set(initial),
}));
