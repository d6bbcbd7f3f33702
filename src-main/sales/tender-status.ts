/**
 * The seam for the payment flow (issue 7): a pending QR or payment-code
 * tender becomes paid or failed when the payment is confirmed. The sale is
 * completed once every tender is paid. Journaled in the same transaction.
 */
import { CodedError } from '../../shared/contract/envelope';
import type { TenderStatus } from '../../shared/journal/entries';
import { appendJournal } from '../journal/journal';
import type { Db } from '../store/db';
import { saleTenders, setSaleStatus, setTenderStatus, type SaleRow } from './sale-store';
import { tx } from '../store/sql';

export function settleTender(db: Db, saleId: string, tenderNo: number, status: Exclude<TenderStatus, 'pending'>, externalRef: string | null, nowMs: number): { sale_status: SaleRow['status']; changed: boolean } {
  return tx(db, () => {
    const tenders = saleTenders(db, saleId);
    const t = tenders.find((x) => x.tender_no === tenderNo);
    if (!t) throw new CodedError('not_found', `sale ${saleId} has no tender ${tenderNo}`);
    const saleStatus = (): SaleRow['status'] => (saleTenders(db, saleId).every((x) => x.status === 'paid') ? 'completed' : 'pending');
    // Confirmations arrive more than once (push and pull); the same answer again changes nothing.
    if (t.status === status) return { sale_status: saleStatus(), changed: false };
    if (t.status !== 'pending') throw new CodedError('conflict', `tender ${tenderNo} is already ${t.status}`);
    setTenderStatus(db, saleId, tenderNo, status, externalRef, nowMs);
    const s = saleStatus();
    setSaleStatus(db, saleId, s);
    appendJournal(db, 'tender.updated', { sale_id: saleId, tender_no: tenderNo, status, external_ref: externalRef, sale_status: s }, nowMs);
    return { sale_status: s, changed: true };
  });
}
