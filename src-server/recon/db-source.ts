/**
 * Our side of a bill day, read from the payment tables (migration 005) in
 * keyset pages so the process never holds a query result of a million rows:
 * every order paid (or, unpaid, created) from the day before the bill day to
 * the day after, and every refund asked for in that window.
 */
import type { ServerDb } from '../db/database';
import type { OrderState, RefundState } from '../payments/schema';
import { DAY_MS, shanghaiMidnightMs } from './days';
import { payIndex, refundIndex } from './engine';
import type { LocalIndex } from './local-index';
import { rdb } from './schema';
import type { LocalPayState, LocalRefundState } from './types';

export const SOURCE_PAGE_ROWS = 10_000;

/**
 * Our side of a payment as the bill can show it. A code-pay order reversed before it was ever paid (the buyer
 * never typed the password) moved no money: the institution's bill lists only paid orders (and paid ones
 * reversed later), so it is an ended order, not a reversed payment the bill should carry.
 */
export function localPayState(s: OrderState, paidMs: number | null): LocalPayState {
  if (s === 'reversed' && paidMs === null) return 'ended';
  switch (s) {
    case 'succeeded':
      return 'paid';
    case 'created':
    case 'paying':
      return 'pending';
    case 'failed':
    case 'closed':
      return 'ended';
    case 'reversed':
      return 'reversed';
  }
}

export function localRefundState(s: RefundState): LocalRefundState {
  switch (s) {
    case 'returning':
    case 'processing':
      return 'pending';
    case 'succeeded':
      return 'succeeded';
    case 'abnormal':
    case 'closed':
    case 'refused':
      return 'failed';
  }
}

export async function loadLocal(
  db: ServerDb,
  billDate: string,
): Promise<{ pays: LocalIndex<LocalPayState>; refunds: LocalIndex<LocalRefundState> }> {
  const from = shanghaiMidnightMs(billDate) - DAY_MS;
  const to = from + 3 * DAY_MS;
  const r = rdb(db);
  const pays = payIndex();
  for (let after = ''; ;) {
    const page = await r
      .selectFrom('payment_order')
      .select(['out_trade_no', 'stall_id', 'sub_mchid', 'amount_fen', 'state', 'paid_ms', 'created_ms'])
      .where('out_trade_no', '>', after)
      .where((eb) =>
        eb.or([
          eb.and([eb('paid_ms', '>=', from), eb('paid_ms', '<', to)]),
          eb.and([eb('paid_ms', 'is', null), eb('created_ms', '>=', from), eb('created_ms', '<', to)]),
        ]),
      )
      .orderBy('out_trade_no')
      .limit(SOURCE_PAGE_ROWS)
      .execute();
    for (const o of page)
      pays.add({
        key: o.out_trade_no,
        stall_id: o.stall_id,
        sub_mchid: o.sub_mchid,
        amount_fen: o.amount_fen,
        state: localPayState(o.state, o.paid_ms),
        at_ms: o.paid_ms ?? o.created_ms,
      });
    const last = page.at(-1);
    if (last === undefined || page.length < SOURCE_PAGE_ROWS) break;
    after = last.out_trade_no;
  }
  const refunds = refundIndex();
  for (let after = ''; ;) {
    const page = await r
      .selectFrom('payment_refund as f')
      .innerJoin('payment_order as o', 'o.out_trade_no', 'f.out_trade_no')
      .select([
        'f.out_refund_no',
        'f.out_trade_no',
        'o.stall_id',
        'o.sub_mchid',
        'f.amount_fen',
        'f.state',
        'f.created_ms',
      ])
      .where('f.out_refund_no', '>', after)
      .where('f.created_ms', '>=', from)
      .where('f.created_ms', '<', to)
      .orderBy('f.out_refund_no')
      .limit(SOURCE_PAGE_ROWS)
      .execute();
    for (const f of page)
      refunds.add({
        key: f.out_refund_no,
        parent: f.out_trade_no,
        stall_id: f.stall_id,
        sub_mchid: f.sub_mchid,
        amount_fen: f.amount_fen,
        state: localRefundState(f.state),
        at_ms: f.created_ms,
      });
    const last = page.at(-1);
    if (last === undefined || page.length < SOURCE_PAGE_ROWS) break;
    after = last.out_refund_no;
  }
  return { pays, refunds };
}
