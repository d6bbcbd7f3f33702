/**
 * A refund's end at the institution (notification, its first answer, or a
 * query when the notification was lost). SUCCESS and ABNORMAL change only its
 * state. CLOSED means the institution gave up: the money (less the fee it
 * takes back) is again the stall's, at the institution. That is booked
 * (`refund_closed`), the order's refunded total drops, and when the market's
 * fee share had been returned before the refund (分账回退) the fee is billed to
 * the stall again (`market_fee`): sharing has ended for the order, so it
 * cannot be split again, and the market's cash must not take stall money.
 *
 * Whichever way the server first hears that the institution has the refund (its answer to the request, or,
 * when that answer was lost, the notification or a query), the same is booked once: the order's refunded
 * total, and the institution's fee that came back when the channel fee was booked already (the split done).
 */
import type { ServerDb } from '../db/database';
import { postEntry } from '../ledger/post';
import { institutionOf, type PaymentsContext } from './context';
import type { Institution, RefundView } from './institution';
import { getOrder, type Order } from './orders';
import { pdb, type PaymentRefundTable, type RefundState } from './schema';

export type RefundEnd = Pick<RefundView, 'status' | 'refund_fee_fen' | 'refund_id'>;

/**
 * The institution has the refund: the order's refunded total is its live refunds, and the part of the
 * institution's fee that came back is booked when the channel fee was (before the split, the split books the
 * fee net of it). Idempotent (the entry's key is the refund's), in the caller's transaction.
 */
export async function refundAccepted(
  t: ServerDb,
  outTradeNo: string,
  outRefundNo: string,
  view: Pick<RefundView, 'refund_id' | 'refund_fee_fen'>,
  nowMs: number,
): Promise<void> {
  const p = pdb(t);
  const o = await getOrder(p, outTradeNo);
  if (!o) throw new Error(`order ${outTradeNo} vanished`);
  await liveRefunded(t, outTradeNo, nowMs);
  const feeBack = view.refund_fee_fen ?? 0;
  if ((o.split_state === 'done' || o.split_state === 'skipped') && feeBack > 0)
    await postEntry(
      t,
      {
        business_day: o.business_day,
        stall_id: o.stall_id,
        ref: view.refund_id,
        idem_key: `channel-fee-return:${outRefundNo}`,
        txn_type: 'channel_fee_return',
        amount_fen: feeBack,
      },
      nowMs,
    );
}

/** The order's refunded total: what its refunds the institution has or may still do add up to. */
async function liveRefunded(t: ServerDb, outTradeNo: string, nowMs: number): Promise<void> {
  const p = pdb(t);
  const live = await p
    .selectFrom('payment_refund')
    .select(['amount_fen'])
    .where('out_trade_no', '=', outTradeNo)
    .where('state', 'in', ['processing', 'succeeded', 'abnormal'])
    .execute();
  await p
    .updateTable('payment_order')
    .set({ refunded_fen: live.reduce((a, x) => a + Number(x.amount_fen), 0), updated_ms: nowMs })
    .where('out_trade_no', '=', outTradeNo)
    .execute();
}

export function endState(status: RefundView['status']): RefundState {
  return status === 'SUCCESS'
    ? 'succeeded'
    : status === 'ABNORMAL'
      ? 'abnormal'
      : status === 'CLOSED'
        ? 'closed'
        : 'processing';
}

/** Moves a processing refund to its end state; answers false when it was not processing (already ended: nothing changes). */
export async function refundEnded(
  db: ServerDb,
  o: Order,
  r: Pick<PaymentRefundTable, 'out_refund_no' | 'amount_fen' | 'return_fen'>,
  end: RefundEnd,
  nowMs: number,
): Promise<boolean> {
  const state = endState(end.status);
  if (state === 'processing') return false;
  return db.transaction().execute(async (t) => {
    const p = pdb(t);
    const u = await p
      .updateTable('payment_refund')
      .set({ state, updated_ms: nowMs })
      .where('out_refund_no', '=', r.out_refund_no)
      .where('state', '=', 'processing')
      .executeTakeFirst();
    if (Number(u.numUpdatedRows) !== 1) return false;
    if (state !== 'closed') {
      // Its acceptance may not have been booked: the answer to the request was lost.
      await refundAccepted(t, o.out_trade_no, r.out_refund_no, end, nowMs);
      return true;
    }
    await liveRefunded(t, o.out_trade_no, nowMs);
    const base = {
      business_day: o.business_day,
      stall_id: o.stall_id,
      ref: o.transaction_id ?? o.out_trade_no,
    };
    const fee = Math.min(Math.max(0, end.refund_fee_fen ?? 0), r.amount_fen);
    await postEntry(
      t,
      {
        ...base,
        idem_key: `refund-closed:${r.out_refund_no}`,
        txn_type: 'refund_closed',
        amount_fen: r.amount_fen,
        fee_fen: fee,
      },
      nowMs,
    );
    if (r.return_fen > 0)
      await postEntry(
        t,
        {
          ...base,
          idem_key: `fee-rebill:${r.out_refund_no}`,
          txn_type: 'market_fee',
          amount_fen: r.return_fen,
        },
        nowMs,
      );
    return true;
  });
}

/**
 * A REFUND.* notification. A CLOSED one is confirmed by a query first (its answer also says the fee the
 * institution takes back); when the query gets no answer this throws, the notification is answered with an
 * error and the institution sends it again.
 */
export async function refundNotified(
  db: ServerDb,
  ctx: PaymentsContext,
  outRefundNo: string,
  status: string,
  nowMs: number,
): Promise<boolean> {
  if (status !== 'SUCCESS' && status !== 'ABNORMAL' && status !== 'CLOSED') return false;
  const r = await pdb(db)
    .selectFrom('payment_refund')
    .selectAll()
    .where('out_refund_no', '=', outRefundNo)
    .executeTakeFirst();
  const o = r ? await getOrder(pdb(db), r.out_trade_no) : undefined;
  if (!r || !o || r.state !== 'processing') return false;
  // Confirmed by a query, whose answer also says the fee that came back (or that the institution takes back).
  const q = await institutionOf(ctx, o.institution).queryRefund(o.sub_mchid, outRefundNo);
  if (q.kind !== 'ok')
    throw new Error(`refund ${outRefundNo} ${status}, but the query to confirm it failed: ${q.message}`);
  return refundEnded(db, o, r, q.value, nowMs);
}

/**
 * Refunds of the order the institution has had for a while without its notification reaching us: asked
 * (lost-notification recovery). Answers whether any refund of the order is still under way.
 */
export async function recoverRefunds(
  db: ServerDb,
  ctx: PaymentsContext,
  inst: Institution,
  o: Order,
  nowMs: number,
): Promise<boolean> {
  const rows = await pdb(db)
    .selectFrom('payment_refund')
    .selectAll()
    .where('out_trade_no', '=', o.out_trade_no)
    .where('state', 'in', ['returning', 'processing'])
    .execute();
  let underway = false;
  for (const r of rows) {
    if (r.state === 'processing' && r.updated_ms <= nowMs - ctx.recover_after_ms) {
      const q = await inst.queryRefund(o.sub_mchid, r.out_refund_no);
      if (q.kind === 'ok' && (await refundEnded(db, o, r, q.value, nowMs))) continue;
    }
    underway = true;
  }
  return underway;
}
