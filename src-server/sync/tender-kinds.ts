/** Which ledger template a tender kind books to (shared/journal/entries.ts TENDER_KINDS). */
import type { TxnType } from '../ledger/templates';

/** A sale's tender: cash is in the drawer, on-account is owed by the buyer, anything else waits for the institution. */
export function saleTxnFor(kind: string): TxnType {
  if (kind === 'cash') return 'sale_cash';
  if (kind === 'account' || kind === 'credit' || kind === 'on_account') return 'sale_credit';
  return 'sale_qr';
}

export function refundTxnFor(kind: string): TxnType {
  if (kind === 'cash') return 'refund_cash';
  if (kind === 'account') return 'refund_credit';
  return 'refund_qr';
}
