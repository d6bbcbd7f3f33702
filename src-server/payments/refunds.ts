/**
 * Refunds from the till through the server to the institution: partial or
 * full, idempotent by the till's refund id, never above what was paid. Where
 * a split was made, the market's share of the refunded part is returned
 * first (分账回退), then the refund is applied for. The sale's refund itself
 * is booked from the till's journal (`refund_qr`).
 */
import { mulDivRoundHalfUp } from '../../shared/money';
import type { RefundViewWire } from '../../shared/pay/payments-wire';
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';
import { postEntry } from '../ledger/post';
import type { AuthedTerminal } from '../terminals/terminal-auth';
import { institutionOf, notifyUrl, type PaymentsContext } from './context';
import type { Institution } from './institution';
import { REFUND_LEASE_MS, releaseOrderLease, takeOrderLease } from './order-lock';
import { getOrder, outTradeNo, type Order } from './orders';
import { endState, refundAccepted, refundEnded } from './refund-end';
import { pdb, type PaymentRefundTable, type RefundState } from './schema';
import { splitOrderNo } from './split';

export { refundNotified } from './refund-end';

/** How long a refund request waits for the split return to finish before answering `returning`. */
export const RETURN_WAIT_MS = 3_000;

const LIVE: RefundState[] = ['returning', 'processing', 'succeeded', 'abnormal'];

function view(
  r: Pick<PaymentRefundTable, 'out_refund_no' | 'state' | 'amount_fen' | 'return_fen' | 'last_error'>,
  total: number,
  retry = false,
): RefundViewWire {
  return {
    out_refund_no: r.out_refund_no,
    state: r.state,
    amount_fen: r.amount_fen,
    return_fen: r.return_fen,
    refunded_total_fen: total,
    message: r.last_error,
    retry,
  };
}

async function findPaidOrder(
  db: ServerDb,
  terminal: AuthedTerminal,
  saleId: string,
  tenderNo: number,
): Promise<Order> {
  const p = pdb(db);
  for (const kind of ['qr', 'code'] as const) {
    const o = await getOrder(p, outTradeNo(kind, saleId, tenderNo));
    if (o && o.stall_id === terminal.stall_id) {
      if (o.state !== 'succeeded')
        throw new ApiError('conflict', `payment of ${saleId}#${tenderNo} is ${o.state}, not paid`);
      return o;
    }
  }
  throw new ApiError('not_found', `no institution payment for ${saleId}#${tenderNo}`);
}

async function refundedSoFar(
  db: ServerDb,
  outNo: string,
  except: string | null,
): Promise<{ amount: number; returned: number }> {
  const rows = await pdb(db)
    .selectFrom('payment_refund')
    .select(['out_refund_no', 'amount_fen', 'return_fen', 'state'])
    .where('out_trade_no', '=', outNo)
    .execute();
  const live = rows.filter((r) => r.out_refund_no !== except && LIVE.includes(r.state));
  return {
    amount: live.reduce((a, r) => a + r.amount_fen, 0),
    returned: live.reduce((a, r) => a + r.return_fen, 0),
  };
}

async function setRefund(
  db: ServerDb,
  no: string,
  state: RefundState,
  nowMs: number,
  error: string | null = null,
): Promise<void> {
  await pdb(db)
    .updateTable('payment_refund')
    .set({ state, updated_ms: nowMs, last_error: error?.slice(0, 500) ?? null })
    .where('out_refund_no', '=', no)
    .execute();
}

async function waitReturn(inst: Institution, o: Order, no: string): Promise<boolean> {
  const end = Date.now() + RETURN_WAIT_MS;
  for (;;) {
    const q = await inst.queryReturn(o.sub_mchid, no);
    if (q.kind === 'ok' && q.value.result === 'SUCCESS') return true;
    if (q.kind === 'ok' && q.value.result === 'FAILED') return false;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

type RefundRequest = {
  refund_id: string;
  sale_id: string;
  tender_no: number;
  amount_fen: number;
  reason: string;
};

const busy = (o: Order, b: RefundRequest, why: string): RefundViewWire => ({
  out_refund_no: '',
  state: 'processing',
  amount_fen: b.amount_fen,
  return_fen: 0,
  refunded_total_fen: o.refunded_fen,
  message: `${why}; ask again with the same refund id`,
  retry: true,
});

/**
 * A till's refund of one tender. Holds the order's lease for its institution calls: while the split (or
 * another refund) of the order is being worked on, the answer is "ask again" (the till keeps it queued).
 */
export async function requestRefund(
  db: ServerDb,
  ctx: PaymentsContext,
  terminal: AuthedTerminal,
  b: RefundRequest,
  nowMs: number,
): Promise<RefundViewWire> {
  const first = await findPaidOrder(db, terminal, b.sale_id, b.tender_no);
  const lease = await takeOrderLease(db, first.out_trade_no, nowMs, REFUND_LEASE_MS);
  if (lease === null) return busy(first, b, 'the order is being worked on (split or another refund)');
  try {
    const o = await findPaidOrder(db, terminal, b.sale_id, b.tender_no);
    // The split instruction is with the institution: whether the market's share must be returned first is known in a moment.
    if (o.split_state === 'processing') return busy(o, b, 'the split is being made');
    return await refundUnderLease(db, ctx, o, b, nowMs);
  } finally {
    await releaseOrderLease(db, first.out_trade_no, lease);
  }
}

async function refundUnderLease(
  db: ServerDb,
  ctx: PaymentsContext,
  o: Order,
  b: RefundRequest,
  nowMs: number,
): Promise<RefundViewWire> {
  const inst = institutionOf(ctx, o.institution);
  const no = `R${b.refund_id}${String(b.tender_no).padStart(2, '0')}`.slice(0, 64);
  const p = pdb(db);
  let r = await p.selectFrom('payment_refund').selectAll().where('out_refund_no', '=', no).executeTakeFirst();
  if (r && (r.amount_fen !== b.amount_fen || r.out_trade_no !== o.out_trade_no))
    throw new ApiError('exists_with_different_payload', `refund ${b.refund_id} exists with another amount`);
  const so = await refundedSoFar(db, o.out_trade_no, no);
  if (!r) {
    if (so.amount + b.amount_fen > o.amount_fen)
      throw new ApiError(
        'conflict',
        `refund of ${b.amount_fen} fen exceeds what is left to refund (${o.amount_fen - so.amount} fen)`,
      );
    const fee = o.split_state === 'done' ? (o.market_fee_fen ?? 0) : 0;
    const full = so.amount + b.amount_fen === o.amount_fen;
    const ret =
      fee === 0
        ? 0
        : full
          ? fee - so.returned
          : Math.min(fee - so.returned, mulDivRoundHalfUp(fee, b.amount_fen, o.amount_fen));
    await p
      .insertInto('payment_refund')
      .values({
        out_refund_no: no,
        out_trade_no: o.out_trade_no,
        refund_id: b.refund_id,
        amount_fen: b.amount_fen,
        return_fen: ret,
        state: ret > 0 ? 'returning' : 'processing',
        created_ms: nowMs,
        updated_ms: nowMs,
        last_error: null,
      })
      .execute();
    r = await p
      .selectFrom('payment_refund')
      .selectAll()
      .where('out_refund_no', '=', no)
      .executeTakeFirstOrThrow();
  }
  if (r.state === 'returning') {
    const ret = await inst.returnSplit({
      sub_mchid: o.sub_mchid,
      out_order_no: splitOrderNo(o),
      out_return_no: `B${no}`.slice(0, 64),
      return_mchid: inst.market_account,
      amount_fen: r.return_fen,
    });
    if (ret.kind === 'refused') {
      await setRefund(db, no, 'refused', nowMs, `split return refused: ${ret.message}`);
      return view({ ...r, state: 'refused', last_error: ret.message }, so.amount);
    }
    if (ret.kind === 'unknown' || !(await waitReturn(inst, o, `B${no}`.slice(0, 64))))
      return view({ ...r, last_error: 'the split is being returned; ask again' }, so.amount, true);
    const base = {
      business_day: o.business_day,
      stall_id: o.stall_id,
      ref: o.transaction_id ?? o.out_trade_no,
    };
    const returned = r.return_fen;
    await db.transaction().execute(async (t) => {
      await pdb(t)
        .updateTable('payment_refund')
        .set({ state: 'processing', updated_ms: nowMs, last_error: null })
        .where('out_refund_no', '=', no)
        .execute();
      await postEntry(
        t,
        { ...base, idem_key: `split-return:${no}`, txn_type: 'split_return', amount_fen: returned },
        nowMs,
      );
    });
    r = { ...r, state: 'processing' };
  }
  if (r.state !== 'processing') return view(r, so.amount + (LIVE.includes(r.state) ? r.amount_fen : 0));
  const a = await inst.refund({
    sub_mchid: o.sub_mchid,
    out_trade_no: o.out_trade_no,
    out_refund_no: no,
    amount_fen: r.amount_fen,
    total_fen: o.amount_fen,
    notify_url: notifyUrl(ctx, inst.id),
    reason: b.reason || '退货退款',
  });
  if (a.kind === 'refused') {
    await setRefund(db, no, 'refused', nowMs, `${a.code}: ${a.message}`);
    return view({ ...r, state: 'refused', last_error: `${a.code}: ${a.message}` }, so.amount);
  }
  if (a.kind === 'unknown')
    return view(
      { ...r, last_error: `${a.message}; ask again with the same refund id` },
      so.amount + r.amount_fen,
      true,
    );
  await db.transaction().execute(async (t) => {
    await pdb(t)
      .updateTable('payment_refund')
      .set({ updated_ms: nowMs, last_error: null })
      .where('out_refund_no', '=', no)
      .where('state', '=', 'processing')
      .execute();
    // Accepted: the worker looks at it later should its notification be lost.
    await pdb(t)
      .updateTable('payment_order')
      .set((eb) => ({
        next_check_ms: eb.fn.coalesce('next_check_ms', eb.val(nowMs + ctx.recover_after_ms)),
      }))
      .where('out_trade_no', '=', o.out_trade_no)
      .execute();
    await refundAccepted(t, o.out_trade_no, no, a.value, nowMs);
  });
  // Ended at once (an institution that answers the end directly): the same end as a notification would bring.
  if (a.value.status !== 'PROCESSING') await refundEnded(db, o, r, a.value, nowMs);
  const state = endState(a.value.status);
  return view({ ...r, state }, so.amount + (state === 'closed' ? 0 : r.amount_fen));
}
