/**
 * Payment code (付款码), the cashier scans the buyer's code: the server calls
 * code pay once; a definite answer ends the order at once, USERPAYING (the
 * buyer must type a password) or an unknown answer leaves it paying for the
 * worker to poll every few seconds and reverse (撤销) after the limit.
 */
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';
import type { AuthedTerminal } from '../terminals/terminal-auth';
import type { OrderView } from '../../shared/pay/payments-wire';
import { CODEPAY_LIMIT_MAX_MS } from './config';
import { routeFor, type PaymentsContext } from './context';
import {
  applyEnded,
  applyPaid,
  businessDayOf,
  getOrder,
  outTradeNo,
  scheduleCheck,
  type Order,
} from './orders';
import { pdb } from './schema';

export function orderView(o: Order, message: string | null = null): OrderView {
  return {
    out_trade_no: o.out_trade_no,
    state: o.state,
    transaction_id: o.transaction_id,
    channel: o.channel,
    message:
      message ??
      (o.state === 'failed' || o.state === 'reversed' || o.state === 'closed' ? o.last_error : null),
    deadline_ms: o.state === 'paying' ? o.deadline_ms : null,
  };
}

export async function viewOf(db: ServerDb, outNo: string): Promise<OrderView> {
  const o = await getOrder(pdb(db), outNo);
  if (!o) throw new ApiError('not_found', `no payment order ${outNo}`);
  return orderView(o);
}

/** How long a stall's scanned codes wait for the buyer: its own setting from the desk, else the market's. */
async function codeWaitMs(db: ServerDb, ctx: PaymentsContext, stallId: string): Promise<number> {
  const s = await db
    .selectFrom('stall')
    .select('code_pay_timeout_s')
    .where('id', '=', stallId)
    .executeTakeFirst();
  return s?.code_pay_timeout_s
    ? Math.min(s.code_pay_timeout_s * 1000, CODEPAY_LIMIT_MAX_MS)
    : ctx.codepay.limit_ms;
}

export async function startCodepay(
  db: ServerDb,
  ctx: PaymentsContext,
  terminal: AuthedTerminal,
  b: { sale_id: string; tender_no: number; amount_fen: number; auth_code: string },
  nowMs: number,
): Promise<OrderView> {
  const outNo = outTradeNo('code', b.sale_id, b.tender_no);
  const p = pdb(db);
  const existing = await getOrder(p, outNo);
  if (existing) {
    if (existing.terminal_id !== terminal.id || existing.amount_fen !== b.amount_fen)
      throw new ApiError('exists_with_different_payload', `payment order ${outNo} exists with other content`);
    return orderView(existing);
  }
  const route = await routeFor(db, ctx, terminal.stall_id);
  const limitMs = await codeWaitMs(db, ctx, terminal.stall_id);
  const ins = await p
    .insertInto('payment_order')
    .values({
      out_trade_no: outNo,
      institution: route.institution.id,
      sub_mchid: route.sub_mchid,
      stall_id: terminal.stall_id,
      terminal_id: terminal.id,
      sale_id: b.sale_id,
      tender_no: b.tender_no,
      kind: 'code',
      amount_fen: b.amount_fen,
      state: 'paying',
      transaction_id: null,
      channel: null,
      business_day: await businessDayOf(db, terminal.stall_id, nowMs),
      pay_url: null,
      created_ms: nowMs,
      updated_ms: nowMs,
      paid_ms: null,
      deadline_ms: nowMs + limitMs,
      next_check_ms: null,
      lease_until_ms: nowMs + limitMs,
      market_fee_fen: null,
      channel_fee_fen: null,
      last_error: null,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  // Two requests raced: the other one is calling the institution.
  if (Number(ins.numInsertedOrUpdatedRows ?? 0) === 0) return viewOf(db, outNo);
  const r = await route.institution.codepay({
    sub_mchid: route.sub_mchid,
    out_trade_no: outNo,
    description: `市场货款 ${b.sale_id.slice(-8)}`,
    amount_fen: b.amount_fen,
    auth_code: b.auth_code,
    store_id: terminal.id,
  });
  let message: string | null = null;
  if (r.kind === 'ok' && r.value.state === 'paid') {
    await applyPaid(db, ctx, outNo, r.value.tx, nowMs);
    ctx.wake();
  } else if (r.kind === 'refused') {
    message = `${r.code}: ${r.message}`;
    await applyEnded(db, ctx, outNo, 'failed', message, nowMs);
  } else {
    message = r.kind === 'ok' ? '等待买家输入支付密码' : `结果未知，查询中 (${r.message})`;
    await scheduleCheck(
      db,
      outNo,
      nowMs + ctx.codepay.poll_ms,
      nowMs,
      r.kind === 'unknown' ? r.message : null,
    );
  }
  const o = await getOrder(p, outNo);
  if (!o) throw new Error(`payment order ${outNo} vanished`);
  return orderView(o, message);
}
