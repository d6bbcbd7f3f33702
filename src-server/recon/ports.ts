/**
 * What reconciliation needs from the institution and the payments code,
 * as one port so the job can run against the simulator, a real institution,
 * or a test double: fetch the day's bill (a byte stream and its announced
 * SHA-1), query a trade or a refund, mark an order paid exactly as a
 * notification would (payments' applyPaid: ledger entry, split due).
 */
import type { Readable } from 'node:stream';
import type { InstResult, RefundView, Transaction } from '../payments/institution';

export interface BillDownload {
  sha1: string;
  body: Readable;
}

export interface ReconPorts {
  /** null when the institution has no bill for the day (no trades): the day reconciles against an empty bill. */
  fetchBill(billDate: string): Promise<InstResult<BillDownload | null>>;
  queryTrade(subMchid: string, outTradeNo: string): Promise<InstResult<Transaction>>;
  queryRefund(subMchid: string, outRefundNo: string): Promise<InstResult<RefundView>>;
  /** 'applied' when this call booked the payment, 'already' when it was booked before. */
  markPaid(
    outTradeNo: string,
    tx: Transaction,
    nowMs: number,
  ): Promise<'applied' | 'already' | 'mismatch' | 'unknown_order' | 'ended'>;
}
