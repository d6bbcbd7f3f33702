/**
 * The split (分账) after a payment succeeded: the market's fee per the fee
 * schedule goes to the market's own merchant number at the institution, the
 * rest is unfrozen to the stall. The institution's channel fee is what it
 * reports (the order's amount less what it froze for sharing, less what
 * refunds took out of it). Booked with the `channel_fee` and `split`
 * templates when the receiver succeeded. A refused receiver is retried under
 * a new instruction number, and after SPLIT_MAX_ATTEMPTS the order is left
 * `failed` with the reason, for staff.
 *
 * The step runs under the order's lease (order-lock.ts), which a refund
 * request takes too, and waits while a refund of the order is under way: what
 * it reads from the institution and from the order is one consistent picture.
 *
 * Timing: the institution refuses a split in the first SPLIT_WAIT_MS after
 * payment. The first attempt is made `split_delay_ms` after payment; a
 * refusal while the institution's clock (its answers' HTTP Date) is still
 * before its payment time (the transaction's success_time) + SPLIT_WAIT_MS is
 * "too early" and is tried again exactly then (or every `split_probe_ms`
 * against a simulator whose clock moves); only other failures back off.
 */
import type { ServerDb } from '../db/database';
import { isPostgres } from '../db/dialect';
import { marketFee } from '../fees/fees';
import { postEntry } from '../ledger/post';
import type { PaymentsContext } from './context';
import type { Institution } from './institution';
import { readRefundTotals } from './order-lock';
import { getOrder, scheduleCheck, type Order } from './orders';
import { recoverRefunds } from './refund-end';
import { pdb } from './schema';

export const SPLIT_MAX_ATTEMPTS = 5;
/** How soon to look at a split the institution is still processing. */
export const SPLIT_QUERY_MS = 200;
/** The institution's wait after payment before it takes a split (WeChat: 30 s). */
export const SPLIT_WAIT_MS = 30_000;
/** Added to the institution's implied time: its clock is read in whole seconds (HTTP Date, success_time). */
export const SPLIT_MARGIN_MS = 1_500;
/** Real failures back off up to this. */
export const SPLIT_BACKOFF_MAX_MS = 600_000;

export const splitOrderNo = (o: Pick<Order, 'out_trade_no' | 'split_no'>): string =>
  `S${o.out_trade_no}_${o.split_no}`;

const backoff = (ctx: PaymentsContext, attempts: number, nowMs: number): number =>
  nowMs + Math.min(ctx.split_retry_ms * 2 ** Math.min(attempts, 10), SPLIT_BACKOFF_MAX_MS);

/** After a refused split: how long until the institution takes it, by its own clock; null when it is not a matter of time. */
export async function tooEarlyWait(inst: Institution, o: Order): Promise<number | null> {
  const q = await inst.query(o.sub_mchid, o.out_trade_no);
  const paid = q.kind === 'ok' ? q.value.success_ms : null;
  const offset = inst.clockOffsetMs?.() ?? null;
  if (paid === null || paid === undefined || offset === null) return null;
  const wait = paid + SPLIT_WAIT_MS + SPLIT_MARGIN_MS - (Date.now() + offset);
  return wait > 0 ? wait : null;
}

export async function stepSplit(
  db: ServerDb,
  ctx: PaymentsContext,
  inst: Institution,
  o: Order,
  nowMs: number,
): Promise<void> {
  const p = pdb(db);
  const tx = o.transaction_id;
  if (!tx) return scheduleCheck(db, o.out_trade_no, null, nowMs, 'paid order without a transaction id');
  const refundsUnderway = await recoverRefunds(db, ctx, inst, o, nowMs);
  if (o.split_state === 'due') {
    // What is frozen is about to change: the split waits for the refund's end (its notification wakes the worker).
    if (refundsUnderway)
      return scheduleCheck(
        db,
        o.out_trade_no,
        nowMs + Math.max(ctx.split_retry_ms, ctx.recover_after_ms),
        nowMs,
        'a refund of this order is under way: the split waits',
        false,
      );
    // An earlier attempt whose answer was lost (timed out, the server restarted) may have been taken: what it
    // shared is no longer frozen, and it is not the institution's fee.
    const made = await splitMade(inst, o, tx);
    if (made.kind === 'unknown')
      return scheduleCheck(db, o.out_trade_no, backoff(ctx, o.check_attempts, nowMs), nowMs, made.message);
    const unsplit = await inst.unsplitAmount(o.sub_mchid, tx);
    if (unsplit.kind !== 'ok')
      return scheduleCheck(db, o.out_trade_no, backoff(ctx, o.check_attempts, nowMs), nowMs, unsplit.message);
    // Read now, under the lease: no refund can be accepted between this and the institution's answer above.
    const taken = (await readRefundTotals(db, o.out_trade_no)).taken_fen;
    const shared = made.kind === 'made' ? made.shared_fen : 0;
    const channelFee = Math.max(0, o.amount_fen - taken - unsplit.value - shared);
    const market =
      made.kind === 'made'
        ? made.shared_fen
        : Math.min(await marketFee(db, o.stall_id, o.amount_fen), unsplit.value);
    await p
      .updateTable('payment_order')
      .set({ channel_fee_fen: channelFee, market_fee_fen: market })
      .where('out_trade_no', '=', o.out_trade_no)
      .execute();
    if (made.kind === 'made') return splitSent(db, o, nowMs);
    if (market === 0) return finish(db, ctx, inst, o, nowMs, 'skipped');
    const rec = await inst.addReceiver(o.sub_mchid, inst.market_account);
    if (rec.kind !== 'ok')
      return scheduleCheck(db, o.out_trade_no, backoff(ctx, o.check_attempts, nowMs), nowMs, rec.message);
    const s = await inst.split({
      sub_mchid: o.sub_mchid,
      transaction_id: tx,
      out_order_no: splitOrderNo(o),
      receivers: [{ account: inst.market_account, amount_fen: market, description: '市场服务费' }],
      unfreeze_unsplit: false,
    });
    if (s.kind === 'ok') return splitSent(db, o, nowMs);
    const early = await tooEarlyWait(inst, o);
    if (early !== null)
      return scheduleCheck(
        db,
        o.out_trade_no,
        nowMs + Math.min(early, ctx.split_probe_ms ?? early),
        nowMs,
        `too early for the institution: ${s.message}`,
        false,
      );
    if (o.check_attempts + 1 >= SPLIT_MAX_ATTEMPTS * 4) return splitFailed(db, o, s.message, nowMs);
    // Rate-limited, refused for another reason or unknown: the same instruction again later.
    return scheduleCheck(db, o.out_trade_no, backoff(ctx, o.check_attempts, nowMs), nowMs, s.message);
  }
  if (o.split_state === 'processing') {
    const q = await inst.querySplit(o.sub_mchid, splitOrderNo(o), tx);
    if (q.kind !== 'ok')
      return scheduleCheck(db, o.out_trade_no, backoff(ctx, o.check_attempts, nowMs), nowMs, q.message);
    if (q.value.state === 'PROCESSING')
      return scheduleCheck(db, o.out_trade_no, nowMs + SPLIT_QUERY_MS * 2, nowMs, null, false);
    const closed = q.value.receivers.find((r) => r.result === 'CLOSED');
    if (!closed) return finish(db, ctx, inst, o, nowMs, 'done');
    const reason = `receiver ${closed.account} refused: ${closed.fail_reason ?? 'CLOSED'}`;
    if (o.split_no + 1 >= SPLIT_MAX_ATTEMPTS) return splitFailed(db, o, reason, nowMs);
    await p
      .updateTable('payment_order')
      .set({
        split_state: 'due',
        split_no: o.split_no + 1,
        next_check_ms: backoff(ctx, o.split_no, nowMs),
        lease_until_ms: null,
        last_error: reason,
        updated_ms: nowMs,
      })
      .where('out_trade_no', '=', o.out_trade_no)
      .execute();
    return;
  }
  // Split over (or not due): only a refund the institution has not told us the end of brings the worker back.
  return scheduleCheck(
    db,
    o.out_trade_no,
    refundsUnderway ? nowMs + ctx.recover_after_ms : null,
    nowMs,
    null,
    false,
  );
}

/** The institution has the split instruction: it is asked about shortly. */
async function splitSent(db: ServerDb, o: Order, nowMs: number): Promise<void> {
  await pdb(db)
    .updateTable('payment_order')
    .set({
      split_state: 'processing',
      next_check_ms: nowMs + SPLIT_QUERY_MS,
      lease_until_ms: null,
      updated_ms: nowMs,
    })
    .where('out_trade_no', '=', o.out_trade_no)
    .execute();
}

type SplitMade =
  { kind: 'made'; shared_fen: number } | { kind: 'not_made' } | { kind: 'unknown'; message: string };

/** Whether the institution has this split instruction already (sent before, its answer lost) and what it shares. */
async function splitMade(inst: Institution, o: Order, tx: string): Promise<SplitMade> {
  const q = await inst.querySplit(o.sub_mchid, splitOrderNo(o), tx);
  if (q.kind === 'refused' && q.code === 'RESOURCE_NOT_EXISTS') return { kind: 'not_made' };
  // Rate-limited, an error, no answer: not known yet.
  if (q.kind !== 'ok') return { kind: 'unknown', message: q.message };
  const shared = q.value.receivers.filter((r) => r.result !== 'CLOSED').reduce((a, r) => a + r.amount_fen, 0);
  return { kind: 'made', shared_fen: shared };
}

async function splitFailed(db: ServerDb, o: Order, reason: string, nowMs: number): Promise<void> {
  await pdb(db)
    .updateTable('payment_order')
    .set({
      split_state: 'failed',
      next_check_ms: null,
      lease_until_ms: null,
      last_error: `split failed: ${reason}`.slice(0, 500),
      updated_ms: nowMs,
    })
    .where('out_trade_no', '=', o.out_trade_no)
    .execute();
}

/**
 * The fee share arrived (or there was none): unfreeze the rest to the stall, then book channel fee and split
 * together from the order and its refunds as they are now, read in the booking transaction (the row locked on PostgreSQL).
 */
async function finish(
  db: ServerDb,
  ctx: PaymentsContext,
  inst: Institution,
  o: Order,
  nowMs: number,
  state: 'done' | 'skipped',
): Promise<void> {
  const tx = o.transaction_id ?? '';
  const u = await inst.unfreeze(o.sub_mchid, tx, `U${o.out_trade_no}`);
  if (u.kind === 'unknown')
    return scheduleCheck(db, o.out_trade_no, backoff(ctx, o.check_attempts, nowMs), nowMs, u.message);
  await db.transaction().execute(async (t) => {
    const p = pdb(t);
    if (isPostgres(db))
      await p
        .selectFrom('payment_order')
        .select('out_trade_no')
        .where('out_trade_no', '=', o.out_trade_no)
        .forUpdate()
        .execute();
    const r = await p
      .updateTable('payment_order')
      .set({ split_state: state, next_check_ms: null, lease_until_ms: null, updated_ms: nowMs })
      .where('out_trade_no', '=', o.out_trade_no)
      .where('split_state', 'in', ['due', 'processing'])
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return;
    const now = await getOrder(p, o.out_trade_no);
    if (!now) throw new Error(`order ${o.out_trade_no} vanished`);
    const channelFee = now.channel_fee_fen ?? 0;
    const market = now.market_fee_fen ?? 0;
    const taken = (await readRefundTotals(t, o.out_trade_no)).taken_fen;
    const base = { business_day: now.business_day, stall_id: now.stall_id, ref: tx };
    if (channelFee > 0)
      await postEntry(
        t,
        {
          ...base,
          idem_key: `channel-fee:${now.out_trade_no}`,
          txn_type: 'channel_fee',
          amount_fen: channelFee,
        },
        nowMs,
      );
    const rest = now.amount_fen - taken - channelFee;
    if (rest > 0)
      await postEntry(
        t,
        {
          ...base,
          idem_key: `split:${now.out_trade_no}`,
          txn_type: 'split',
          amount_fen: rest,
          fee_fen: Math.min(market, rest),
        },
        nowMs,
      );
  });
}
