/**
 * The split (分账) after a payment succeeded: the market's fee per the fee
 * schedule goes to the market's own merchant number at the institution, the
 * rest is unfrozen to the stall. The institution's channel fee is what it
 * reports (the order's amount less what it froze for sharing). Booked with
 * the `channel_fee` and `split` templates when the receiver succeeded. A
 * refused receiver is retried under a new instruction number, and after
 * SPLIT_MAX_ATTEMPTS the order is left `failed` with the reason, for staff.
 */
import type { ServerDb } from '../db/database';
import { marketFee } from '../fees/fees';
import { postEntry } from '../ledger/post';
import type { PaymentsContext } from './context';
import type { Institution } from './institution';
import { scheduleCheck, type Order } from './orders';
import { pdb } from './schema';

export const SPLIT_MAX_ATTEMPTS = 5;
/** How soon to look at a split the institution is still processing. */
export const SPLIT_QUERY_MS = 200;

export const splitOrderNo = (o: Pick<Order, 'out_trade_no' | 'split_no'>): string => `S${o.out_trade_no}_${o.split_no}`;

const backoff = (ctx: PaymentsContext, attempts: number, nowMs: number): number => nowMs + Math.min(ctx.split_retry_ms * 2 ** Math.min(attempts, 10), 600_000);

export async function stepSplit(db: ServerDb, ctx: PaymentsContext, inst: Institution, o: Order, nowMs: number): Promise<void> {
  const p = pdb(db);
  const tx = o.transaction_id;
  if (!tx) return scheduleCheck(db, o.out_trade_no, null, nowMs, 'paid order without a transaction id');
  if (o.split_state === 'due') {
    const unsplit = await inst.unsplitAmount(o.sub_mchid, tx);
    if (unsplit.kind !== 'ok') return scheduleCheck(db, o.out_trade_no, backoff(ctx, o.check_attempts, nowMs), nowMs, unsplit.message);
    // Recomputed on every attempt: a refund in between changed what is frozen (and gave part of the fee back).
    const channelFee = Math.max(0, o.amount_fen - o.refunded_fen - unsplit.value);
    const market = Math.min(await marketFee(db, o.stall_id, o.amount_fen), unsplit.value);
    await p.updateTable('payment_order').set({ channel_fee_fen: channelFee, market_fee_fen: market }).where('out_trade_no', '=', o.out_trade_no).execute();
    if (market === 0) return finish(db, ctx, inst, { ...o, channel_fee_fen: channelFee, market_fee_fen: 0 }, nowMs, 'skipped');
    const rec = await inst.addReceiver(o.sub_mchid, inst.market_account);
    if (rec.kind !== 'ok') return scheduleCheck(db, o.out_trade_no, backoff(ctx, o.check_attempts, nowMs), nowMs, rec.message);
    const s = await inst.split({ sub_mchid: o.sub_mchid, transaction_id: tx, out_order_no: splitOrderNo(o), receivers: [{ account: inst.market_account, amount_fen: market, description: '市场服务费' }], unfreeze_unsplit: false });
    if (s.kind === 'ok') {
      await p.updateTable('payment_order').set({ split_state: 'processing', next_check_ms: nowMs + SPLIT_QUERY_MS, lease_until_ms: null, updated_ms: nowMs }).where('out_trade_no', '=', o.out_trade_no).execute();
      return;
    }
    if (o.check_attempts + 1 >= SPLIT_MAX_ATTEMPTS * 4) return splitFailed(db, o, s.message, nowMs);
    // Too early (the institution waits 30 s after payment), rate-limited or unknown: the same instruction again later.
    return scheduleCheck(db, o.out_trade_no, backoff(ctx, o.check_attempts, nowMs), nowMs, s.message);
  }
  if (o.split_state === 'processing') {
    const q = await inst.querySplit(o.sub_mchid, splitOrderNo(o), tx);
    if (q.kind !== 'ok') return scheduleCheck(db, o.out_trade_no, backoff(ctx, o.check_attempts, nowMs), nowMs, q.message);
    if (q.value.state === 'PROCESSING') return scheduleCheck(db, o.out_trade_no, nowMs + SPLIT_QUERY_MS * 2, nowMs);
    const closed = q.value.receivers.find((r) => r.result === 'CLOSED');
    if (!closed) return finish(db, ctx, inst, o, nowMs, 'done');
    const reason = `receiver ${closed.account} refused: ${closed.fail_reason ?? 'CLOSED'}`;
    if (o.split_no + 1 >= SPLIT_MAX_ATTEMPTS) return splitFailed(db, o, reason, nowMs);
    await p
      .updateTable('payment_order')
      .set({ split_state: 'due', split_no: o.split_no + 1, next_check_ms: backoff(ctx, o.split_no, nowMs), lease_until_ms: null, last_error: reason, updated_ms: nowMs })
      .where('out_trade_no', '=', o.out_trade_no)
      .execute();
    return;
  }
  return scheduleCheck(db, o.out_trade_no, null, nowMs);
}

async function splitFailed(db: ServerDb, o: Order, reason: string, nowMs: number): Promise<void> {
  await pdb(db).updateTable('payment_order').set({ split_state: 'failed', next_check_ms: null, lease_until_ms: null, last_error: `split failed: ${reason}`.slice(0, 500), updated_ms: nowMs }).where('out_trade_no', '=', o.out_trade_no).execute();
}

/** The fee share arrived (or there was none): unfreeze the rest to the stall, then book channel fee and split together. */
async function finish(db: ServerDb, ctx: PaymentsContext, inst: Institution, o: Order, nowMs: number, state: 'done' | 'skipped'): Promise<void> {
  const tx = o.transaction_id ?? '';
  const u = await inst.unfreeze(o.sub_mchid, tx, `U${o.out_trade_no}`);
  if (u.kind === 'unknown') return scheduleCheck(db, o.out_trade_no, backoff(ctx, o.check_attempts, nowMs), nowMs, u.message);
  const channelFee = o.channel_fee_fen ?? 0;
  const market = o.market_fee_fen ?? 0;
  await db.transaction().execute(async (t) => {
    const r = await pdb(t).updateTable('payment_order').set({ split_state: state, next_check_ms: null, lease_until_ms: null, updated_ms: nowMs }).where('out_trade_no', '=', o.out_trade_no).where('split_state', 'in', ['due', 'processing']).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return;
    const base = { business_day: o.business_day, stall_id: o.stall_id, ref: tx };
    if (channelFee > 0) await postEntry(t, { ...base, idem_key: `channel-fee:${o.out_trade_no}`, txn_type: 'channel_fee', amount_fen: channelFee }, nowMs);
    const rest = o.amount_fen - o.refunded_fen - channelFee;
    if (rest > 0) await postEntry(t, { ...base, idem_key: `split:${o.out_trade_no}`, txn_type: 'split', amount_fen: rest, fee_fen: Math.min(market, rest) }, nowMs);
  });
}
