/**
 * A pending QR or payment-code tender moves to its outcome (paid, failed,
 * reversed, closed: shared/sales/outcome.ts) when the institution answers.
 * The sale is completed once nothing is owed and every standing tender is
 * paid. Journaled in the same transaction.
 */
import { CodedError } from '../../shared/contract/envelope';
import { canMove, saleStatusOf, type TenderStatus, type Wallet } from '../../shared/sales/outcome';
import { appendJournal } from '../journal/journal';
import type { Db } from '../store/db';
import { getSale, saleTenders, setSaleStatus, type SaleRow } from './sale-store';
import { stmt, tx } from '../store/sql';

export interface TenderAnswer {
  status: Exclude<TenderStatus, 'pending'>;
  external_ref: string | null;
  /** the institution's words for a failure, reversal or close */
  reason?: string | null;
  wallet?: Wallet | null;
}

/** The sale's status from its tenders now (an open sale stays `pending`; a voided one stays voided). */
export function refreshSaleStatus(db: Db, saleId: string): SaleRow['status'] {
  const sale = getSale(db, saleId);
  if (!sale) throw new CodedError('not_found', `no sale ${saleId}`);
  if (sale.status === 'voided') return 'voided';
  const s = saleStatusOf(sale.total_fen, saleTenders(db, saleId));
  if (s !== sale.status) setSaleStatus(db, saleId, s);
  return s;
}

export function settleTender(
  db: Db,
  saleId: string,
  tenderNo: number,
  answer: TenderAnswer,
  nowMs: number,
): { sale_status: SaleRow['status']; changed: boolean } {
  return tx(db, () => {
    const t = saleTenders(db, saleId).find((x) => x.tender_no === tenderNo);
    if (!t) throw new CodedError('not_found', `sale ${saleId} has no tender ${tenderNo}`);
    // Confirmations arrive more than once (push and pull); the same answer again changes nothing.
    if (t.status === answer.status) return { sale_status: refreshSaleStatus(db, saleId), changed: false };
    if (!canMove(t.status, answer.status))
      throw new CodedError('conflict', `tender ${tenderNo} is already ${t.status}`);
    const reason = answer.status === 'paid' ? null : (answer.reason ?? null);
    stmt(
      db,
      'UPDATE tender SET status = ?, external_ref = COALESCE(?, external_ref), reason = ?, wallet = COALESCE(?, wallet), updated_ms = ? WHERE sale_id = ? AND tender_no = ?',
    ).run(answer.status, answer.external_ref, reason, answer.wallet ?? null, nowMs, saleId, tenderNo);
    const s = refreshSaleStatus(db, saleId);
    appendJournal(
      db,
      'tender.updated',
      {
        sale_id: saleId,
        tender_no: tenderNo,
        status: answer.status,
        external_ref: answer.external_ref,
        sale_status: s,
        reason,
        wallet: answer.wallet ?? null,
      },
      nowMs,
    );
    return { sale_status: s, changed: true };
  });
}
