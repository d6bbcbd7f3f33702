/**
 * What counts as takings (DESIGN.md "What a tender's outcome is, and what
 * counts as takings"), for any set of sales and their tenders:
 * - takings (实收): paid tenders that brought money — cash, receipt QR and
 *   payment code — per tender kind and per wallet (WeChat, Alipay, UnionPay);
 * - receivables (应收未收): on account (the buyer owes it), tenders still
 *   pending at the institution, and what an open sale still owes with no
 *   tender standing for it (a failed code not taken again yet);
 * - neither: failed, reversed and closed tenders, and voided sales.
 * Σ takings + Σ receivables = sales (the totals of sales not voided), per
 * tender kind too (each kind's takings + receivables = its standing tenders).
 * The till's Z and shift reports, the server's projections and reports, the
 * dashboard, end of day and settlement all count through here. Pure.
 */
import { TENDER_KINDS, type TenderKind } from '../journal/entries';
import { assertNever, isStanding, owedFen, WALLETS, type TenderStatus, type Wallet } from './outcome';

export { WALLETS, type Wallet } from './outcome';
/** A wallet tender whose wallet is not known (yet): a QR paid before the institution said which app paid. */
export type WalletOrUnknown = Wallet | 'unknown';

export interface TakingsTender {
  kind: TenderKind;
  amount_fen: number;
  status: TenderStatus;
  /** the wallet that paid (QR, payment code); null when not known */
  wallet?: Wallet | null;
}

export interface TakingsSale {
  total_fen: number;
  voided?: boolean;
  tenders: readonly TakingsTender[];
}

export interface TakingsRefund {
  tenders: readonly { kind: TenderKind; amount_fen: number }[];
}

export interface KindFigures {
  /** tenders of this kind on counted sales */
  count: number;
  /** takings: paid and money received */
  paid_fen: number;
  /** receivable: on account, or pending at the institution */
  receivable_fen: number;
  /** failed, reversed or closed: neither takings nor receivable */
  neither_fen: number;
  /** given back by refunds to tenders of this kind */
  refunded_fen: number;
}

export interface Takings {
  sales_count: number;
  /** totals of the sales not voided */
  sales_fen: number;
  paid: {
    total_fen: number;
    by_kind: Record<TenderKind, number>;
    by_wallet: Record<WalletOrUnknown, number>;
  };
  receivable: {
    total_fen: number;
    /** on-account tenders (赊账): the buyer owes them */
    account_fen: number;
    /** QR and payment-code tenders the institution has not answered yet */
    pending_fen: number;
    /** what open sales still owe with no tender standing for it (a failed tender not yet taken again) */
    owed_fen: number;
    /** open sales (something pending or owed) */
    open_sales: number;
  };
  neither: {
    failed_fen: number;
    reversed_fen: number;
    closed_fen: number;
    voided_count: number;
    voided_fen: number;
  };
  refunds: { count: number; total_fen: number };
  by_kind: Record<TenderKind, KindFigures>;
}

/** Tender kinds whose paid tenders are money received; on account is a receivable even when accepted. */
export function bringsMoney(kind: TenderKind): boolean {
  switch (kind) {
    case 'cash':
    case 'qr':
    case 'payment_code':
      return true;
    case 'account':
      return false;
    default:
      return assertNever(kind);
  }
}

const perKind = <T>(f: () => T): Record<TenderKind, T> =>
  Object.fromEntries(TENDER_KINDS.map((k) => [k, f()])) as Record<TenderKind, T>;

export function emptyTakings(): Takings {
  return {
    sales_count: 0,
    sales_fen: 0,
    paid: {
      total_fen: 0,
      by_kind: perKind(() => 0),
      by_wallet: { wechat: 0, alipay: 0, unionpay: 0, unknown: 0 },
    },
    receivable: { total_fen: 0, account_fen: 0, pending_fen: 0, owed_fen: 0, open_sales: 0 },
    neither: { failed_fen: 0, reversed_fen: 0, closed_fen: 0, voided_count: 0, voided_fen: 0 },
    refunds: { count: 0, total_fen: 0 },
    by_kind: perKind(() => ({ count: 0, paid_fen: 0, receivable_fen: 0, neither_fen: 0, refunded_fen: 0 })),
  };
}

function addTender(acc: Takings, t: TakingsTender): void {
  const k = acc.by_kind[t.kind];
  k.count++;
  switch (t.status) {
    case 'paid':
      if (bringsMoney(t.kind)) {
        k.paid_fen += t.amount_fen;
        acc.paid.total_fen += t.amount_fen;
        acc.paid.by_kind[t.kind] += t.amount_fen;
        if (t.kind !== 'cash') acc.paid.by_wallet[t.wallet ?? 'unknown'] += t.amount_fen;
      } else {
        k.receivable_fen += t.amount_fen;
        acc.receivable.account_fen += t.amount_fen;
        acc.receivable.total_fen += t.amount_fen;
      }
      return;
    case 'pending':
      k.receivable_fen += t.amount_fen;
      acc.receivable.pending_fen += t.amount_fen;
      acc.receivable.total_fen += t.amount_fen;
      return;
    case 'failed':
      k.neither_fen += t.amount_fen;
      acc.neither.failed_fen += t.amount_fen;
      return;
    case 'reversed':
      k.neither_fen += t.amount_fen;
      acc.neither.reversed_fen += t.amount_fen;
      return;
    case 'closed':
      k.neither_fen += t.amount_fen;
      acc.neither.closed_fen += t.amount_fen;
      return;
    default:
      assertNever(t.status);
  }
}

/** Adds one sale to running figures (so a report can stream its rows). */
export function addSale(acc: Takings, s: TakingsSale): void {
  if (s.voided) {
    acc.neither.voided_count++;
    acc.neither.voided_fen += s.total_fen;
    for (const t of s.tenders) if (!isStanding(t.status)) addTender(acc, t);
    return;
  }
  acc.sales_count++;
  acc.sales_fen += s.total_fen;
  for (const t of s.tenders) addTender(acc, t);
  const owed = owedFen(s.total_fen, s.tenders);
  acc.receivable.owed_fen += owed;
  acc.receivable.total_fen += owed;
  if (owed > 0 || s.tenders.some((t) => t.status === 'pending')) acc.receivable.open_sales++;
}

export function addRefund(acc: Takings, r: TakingsRefund): void {
  acc.refunds.count++;
  for (const t of r.tenders) {
    acc.refunds.total_fen += t.amount_fen;
    acc.by_kind[t.kind].refunded_fen += t.amount_fen;
  }
}

export function takingsOf(sales: readonly TakingsSale[], refunds: readonly TakingsRefund[] = []): Takings {
  const acc = emptyTakings();
  for (const s of sales) addSale(acc, s);
  for (const r of refunds) addRefund(acc, r);
  return acc;
}

/**
 * The equalities every report must hold; answers the ones that do not, in
 * words (empty when the figures add up): Σ takings + receivables = sales,
 * per kind and overall, and the wallets add up to the wallet tenders' takings.
 */
export function takingsDifferences(t: Takings): string[] {
  const out: string[] = [];
  if (t.paid.total_fen + t.receivable.total_fen !== t.sales_fen)
    out.push(`takings ${t.paid.total_fen} + receivables ${t.receivable.total_fen} ≠ sales ${t.sales_fen}`);
  const standing = TENDER_KINDS.reduce((a, k) => a + t.by_kind[k].paid_fen + t.by_kind[k].receivable_fen, 0);
  if (standing + t.receivable.owed_fen !== t.sales_fen)
    out.push(`tenders by kind ${standing} + owed ${t.receivable.owed_fen} ≠ sales ${t.sales_fen}`);
  for (const k of TENDER_KINDS)
    if (t.by_kind[k].paid_fen !== t.paid.by_kind[k])
      out.push(`${k}: paid ${t.by_kind[k].paid_fen} ≠ takings ${t.paid.by_kind[k]}`);
  const wallets = Object.values(t.paid.by_wallet).reduce((a, v) => a + v, 0);
  if (wallets !== t.paid.by_kind.qr + t.paid.by_kind.payment_code)
    out.push(
      `wallets ${wallets} ≠ QR + payment-code takings ${t.paid.by_kind.qr + t.paid.by_kind.payment_code}`,
    );
  return out;
}

/** The wallet a payment-code prefix or an institution's channel name (WECHAT, ALIPAY, UNIONPAY) names; null otherwise. */
export function walletOf(channel: string | null | undefined): Wallet | null {
  const c = channel?.toLowerCase() ?? '';
  return (WALLETS as readonly string[]).includes(c) ? (c as Wallet) : null;
}
