import type { SimDb } from '../db/open';
import { SimError } from '../protocol/errors';
import { balance, frozenAcct, pendingAcct, type SimLeg } from './ledger';

/**
 * What is still frozen (待分账) from one order. Every journal entry that
 * touches an order's frozen funds carries the transaction_id as its ref.
 */
export function orderFrozen(db: SimDb, subMchid: string, transactionId: string): number {
  const row = db
    .prepare(
      `SELECT COALESCE(SUM(p.amount_fen), 0) AS s FROM postings p JOIN journal j ON j.id = p.journal_id
    WHERE p.account = ? AND j.ref = ?`,
    )
    .get(frozenAcct(subMchid), transactionId) as { s: number };
  return -row.s;
}

/**
 * Debit legs taking `amount` of the merchant's money for a refund or reverse:
 * first the order's own frozen funds, then the merchant's pending settlement.
 * Refused with NOTENOUGH when the merchant no longer holds enough (already
 * split away or paid out to the card), as WeChat does.
 */
export function merchantDebitLegs(
  db: SimDb,
  subMchid: string,
  transactionId: string,
  profitSharing: boolean,
  amount: number,
  code: 'NOTENOUGH' | 'NOT_ENOUGH' = 'NOTENOUGH',
): SimLeg[] {
  const fromFrozen = profitSharing ? Math.min(amount, orderFrozen(db, subMchid, transactionId)) : 0;
  const fromPending = amount - fromFrozen;
  if (fromPending > balance(db, pendingAcct(subMchid)))
    throw new SimError(code, '基本账户余额不足，请充值后重新发起');
  const legs: SimLeg[] = [];
  if (fromFrozen > 0) legs.push({ account: frozenAcct(subMchid), amount_fen: fromFrozen });
  if (fromPending > 0) legs.push({ account: pendingAcct(subMchid), amount_fen: fromPending });
  return legs;
}

/** The part of the order's fee that goes back with a refund, cumulative so a full refund returns the fee exactly. */
export function refundFee(
  orderFee: number,
  orderAmount: number,
  refundedBefore: number,
  refund: number,
): number {
  const cum = (x: number): number => Math.floor((orderFee * x * 2 + orderAmount) / (2 * orderAmount));
  return cum(refundedBefore + refund) - cum(refundedBefore);
}
