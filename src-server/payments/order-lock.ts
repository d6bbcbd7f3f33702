/**
 * One piece of work on an order at a time. The payments worker holds an
 * order's lease while it steps it (claimDue); a refund request takes the
 * same lease for its institution calls. So a split never reads the order,
 * asks the institution and books while a refund is being accepted, and two
 * refunds of one order never race on what is left to refund. The lease is a
 * conditional UPDATE of one row: atomic on SQLite and on PostgreSQL, across
 * processes. Its value is the holder's token.
 */
import type { ServerDb } from '../db/database';
import { pdb, type PaymentRefundTable } from './schema';

/** Longer than a refund's calls can take: a split return, its wait (RETURN_WAIT_MS) and the refund, each within INSTITUTION_TIMEOUT_MS. */
export const REFUND_LEASE_MS = 60_000;

/** Takes the order's lease when nobody holds it; answers the token to release it with, or null when busy. */
export async function takeOrderLease(
  db: ServerDb,
  outNo: string,
  nowMs: number,
  ms: number,
): Promise<number | null> {
  const until = nowMs + ms;
  const r = await pdb(db)
    .updateTable('payment_order')
    .set({ lease_until_ms: until })
    .where('out_trade_no', '=', outNo)
    .where((eb) => eb.or([eb('lease_until_ms', 'is', null), eb('lease_until_ms', '<', nowMs)]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? until : null;
}

export async function releaseOrderLease(db: ServerDb, outNo: string, token: number): Promise<void> {
  await pdb(db)
    .updateTable('payment_order')
    .set({ lease_until_ms: null })
    .where('out_trade_no', '=', outNo)
    .where('lease_until_ms', '=', token)
    .execute();
}

/** The order's refunds as the split sees them. */
export interface RefundTotals {
  /** a refund is being returned or applied for, or the institution is still processing it: what is frozen is about to change */
  underway: boolean;
  /** refunds the institution took out of the order's funds and ended (succeeded, abnormal, closed — a closed one's money came back to the stall's available balance, not to the frozen funds) */
  taken_fen: number;
}

export function refundTotals(
  rows: readonly Pick<PaymentRefundTable, 'state' | 'amount_fen'>[],
): RefundTotals {
  let underway = false;
  let taken = 0;
  for (const r of rows) {
    if (r.state === 'returning' || r.state === 'processing') underway = true;
    else if (r.state === 'succeeded' || r.state === 'abnormal' || r.state === 'closed')
      taken += Number(r.amount_fen);
  }
  return { underway, taken_fen: taken };
}

export async function readRefundTotals(db: ServerDb, outNo: string): Promise<RefundTotals> {
  return refundTotals(
    await pdb(db)
      .selectFrom('payment_refund')
      .select(['state', 'amount_fen'])
      .where('out_trade_no', '=', outNo)
      .execute(),
  );
}
