/**
 * Looking at an order that is still paying: code pay is polled until the
 * limit and then reversed (撤销); a QR order whose notification never came is
 * queried (lost-notification recovery) and closed once its token expired.
 * Every order ends succeeded, failed, closed or reversed.
 */
import type { ServerDb } from '../db/database';
import type { PaymentsContext } from './context';
import type { Institution } from './institution';
import { applyEnded, applyPaid, scheduleCheck, type Order } from './orders';

/** Recovery queries back off from recover_after_ms up to this. */
export const RECOVER_BACKOFF_MAX_MS = 3_600_000;

function later(ctx: PaymentsContext, o: Order, nowMs: number): number {
  if (o.kind === 'code') return nowMs + ctx.codepay.poll_ms;
  return nowMs + Math.min(ctx.recover_after_ms * 2 ** Math.min(o.check_attempts, 12), RECOVER_BACKOFF_MAX_MS);
}

export async function checkPaying(
  db: ServerDb,
  ctx: PaymentsContext,
  inst: Institution,
  o: Order,
  nowMs: number,
): Promise<void> {
  const q = await inst.query(o.sub_mchid, o.out_trade_no);
  if (q.kind === 'unknown') return scheduleCheck(db, o.out_trade_no, later(ctx, o, nowMs), nowMs, q.message);
  if (q.kind === 'refused') {
    // Never reached the institution: a QR order is made again by the next scan; a code-pay order failed.
    if (o.kind === 'code' && q.code === 'ORDER_NOT_EXIST') {
      await applyEnded(db, ctx, o.out_trade_no, 'failed', `${q.code}: ${q.message}`, nowMs);
      return;
    }
    return scheduleCheck(
      db,
      o.out_trade_no,
      o.state === 'created' ? null : later(ctx, o, nowMs),
      nowMs,
      `${q.code}: ${q.message}`,
    );
  }
  const tx = q.value;
  switch (tx.trade_state) {
    case 'SUCCESS':
    case 'REFUND': {
      const r = await applyPaid(db, ctx, o.out_trade_no, tx, nowMs);
      if (r === 'mismatch')
        await scheduleCheck(
          db,
          o.out_trade_no,
          null,
          nowMs,
          `institution reports ${tx.amount_fen} fen, the order is ${o.amount_fen}: left for staff`,
        );
      else ctx.wake();
      return;
    }
    case 'CLOSED':
    case 'REVOKED':
      await applyEnded(
        db,
        ctx,
        o.out_trade_no,
        o.kind === 'code' ? 'reversed' : 'closed',
        tx.trade_state,
        nowMs,
      );
      return;
    case 'PAYERROR':
      await applyEnded(db, ctx, o.out_trade_no, 'failed', 'PAYERROR', nowMs);
      return;
    case 'NOTPAY':
    case 'USERPAYING': {
      const due = o.deadline_ms !== null && nowMs >= o.deadline_ms;
      if (!due) return scheduleCheck(db, o.out_trade_no, later(ctx, o, nowMs), nowMs);
      const end =
        o.kind === 'code'
          ? await inst.reverse(o.sub_mchid, o.out_trade_no)
          : await inst.close(o.sub_mchid, o.out_trade_no);
      // Reverse is refused while the buyer is typing the password, or too soon after the pay call: try again shortly.
      if (end.kind !== 'ok')
        return scheduleCheck(db, o.out_trade_no, nowMs + ctx.codepay.poll_ms, nowMs, end.message);
      await applyEnded(
        db,
        ctx,
        o.out_trade_no,
        o.kind === 'code' ? 'reversed' : 'closed',
        o.kind === 'code' ? 'not paid within the limit: reversed' : 'the pay token expired',
        nowMs,
      );
      return;
    }
  }
}
