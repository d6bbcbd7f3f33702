/** Which ledger template a tender kind (shared/journal/entries.ts TENDER_KINDS) books to. */
import type { TenderKind } from '../../shared/journal/entries';
import type { TxnType } from '../ledger/templates';

/** A sale's tender: cash is in the drawer, on-account is owed by the buyer, a code or QR waits for the institution. */
export function saleTxnFor(kind: TenderKind): TxnType {
  switch (kind) {
    case 'cash':
      return 'sale_cash';
    case 'account':
      return 'sale_credit';
    case 'qr':
    case 'payment_code':
      return 'sale_qr';
  }
}

export function refundTxnFor(kind: TenderKind): TxnType {
  switch (kind) {
    case 'cash':
      return 'refund_cash';
    case 'account':
      return 'refund_credit';
    case 'qr':
    case 'payment_code':
      return 'refund_qr';
  }
}
