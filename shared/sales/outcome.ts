/**
 * What a tender's outcome is (DESIGN.md "What a tender's outcome is, and
 * what counts as takings"). A tender starts `pending` (waiting on the
 * institution) or is accepted at once (cash, on account: `paid`), and ends in
 * exactly one of the final states below. A sale is completed only when every
 * tender still standing is paid and they cover the total; otherwise it is
 * open and the till keeps offering to take what is owed. Pure.
 */
import type { PaymentOrderState } from '../pay/payments-wire';

export const TENDER_STATUSES = ['pending', 'paid', 'failed', 'reversed', 'closed'] as const;
export type TenderStatus = (typeof TENDER_STATUSES)[number];

/** A tender's outcome, with what each final state carries. */
export type TenderOutcome =
  /** Waiting on the institution: a receipt QR not paid yet, or a payment code charged with no answer yet. */
  | { status: 'pending' }
  /** Money received: confirmed by the institution (with its transaction number), or accepted offline (cash, on account). */
  | { status: 'paid'; txn_id: string | null }
  /** Refused by the institution (expired code, not enough money, …), with its reason; no money moved. */
  | { status: 'failed'; reason: string | null }
  /** Cancelled at the institution (a payment code revoked, 撤销): no money moved, or it went back. */
  | { status: 'reversed'; reason: string | null }
  /** Closed unpaid at the institution (a QR that expired, or was closed when the sale was voided). */
  | { status: 'closed'; reason: string | null };

export const WALLETS = ['wechat', 'alipay', 'unionpay'] as const;
/** The wallet app that paid a QR or payment-code tender. */
export type Wallet = (typeof WALLETS)[number];

export const SALE_STATUSES = ['pending', 'completed', 'voided'] as const;
/** pending: open — something is still owed or waiting; completed: every standing tender paid; voided: abandoned, no takings. */
export type SaleStatus = (typeof SALE_STATUSES)[number];

export function assertNever(x: never): never {
  throw new Error(`unexpected value ${JSON.stringify(x)}`);
}

/** A tender that can no longer change (every state but pending). */
export function isFinal(status: TenderStatus): boolean {
  switch (status) {
    case 'pending':
      return false;
    case 'paid':
    case 'failed':
    case 'reversed':
    case 'closed':
      return true;
    default:
      return assertNever(status);
  }
}

/** A tender that still stands for its amount: paid, or still pending. Failed, reversed and closed ones do not. */
export function isStanding(status: TenderStatus): boolean {
  switch (status) {
    case 'pending':
    case 'paid':
      return true;
    case 'failed':
    case 'reversed':
    case 'closed':
      return false;
    default:
      return assertNever(status);
  }
}

/**
 * Whether a tender may move from one state to another: only pending moves,
 * to any final state; the same state again (a confirmation heard twice) is
 * allowed and changes nothing.
 */
export function canMove(from: TenderStatus, to: TenderStatus): boolean {
  return from === to || (from === 'pending' && to !== 'pending');
}

/** The tender status an institution order's state means; null while the institution is still working on it. */
export function statusOfOrder(state: PaymentOrderState): Exclude<TenderStatus, 'pending'> | null {
  switch (state) {
    case 'created':
    case 'paying':
      return null;
    case 'succeeded':
      return 'paid';
    case 'failed':
      return 'failed';
    case 'closed':
      return 'closed';
    case 'reversed':
      return 'reversed';
    default:
      return assertNever(state);
  }
}

export interface OutcomeTender {
  amount_fen: number;
  status: TenderStatus;
}

/** What is still owed on a sale: its total less every standing tender (paid or pending). Never negative. */
export function owedFen(totalFen: number, tenders: readonly OutcomeTender[]): number {
  const standing = tenders.reduce((a, t) => a + (isStanding(t.status) ? t.amount_fen : 0), 0);
  return Math.max(0, totalFen - standing);
}

/** A sale (not voided) is completed when nothing is owed and every standing tender is paid; otherwise open (`pending`). */
export function saleStatusOf(
  totalFen: number,
  tenders: readonly OutcomeTender[],
): Exclude<SaleStatus, 'voided'> {
  if (owedFen(totalFen, tenders) > 0) return 'pending';
  return tenders.every((t) => t.status !== 'pending') ? 'completed' : 'pending';
}

/** What the history list says about a sale: open (waiting or owed), completed, partly or fully refunded, voided. */
export type SaleStanding = 'waiting' | 'owed' | 'completed' | 'part_refunded' | 'refunded' | 'voided';

export function saleStanding(s: {
  status: SaleStatus;
  total_fen: number;
  refunded_fen: number;
  owed_fen: number;
}): SaleStanding {
  switch (s.status) {
    case 'voided':
      return 'voided';
    case 'pending':
      return s.owed_fen > 0 ? 'owed' : 'waiting';
    case 'completed':
      if (s.refunded_fen <= 0) return 'completed';
      return s.refunded_fen >= s.total_fen ? 'refunded' : 'part_refunded';
    default:
      return assertNever(s.status);
  }
}
