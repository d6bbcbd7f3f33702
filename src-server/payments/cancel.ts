/**
 * The cashier cancels a tender still waiting at the institution: a payment
 * code the buyer has not confirmed is reversed (撤销), a receipt QR not paid
 * is closed. The institution is asked first — an order paid in the meantime
 * is not cancelled, the till hears it paid. A reverse the institution refuses
 * for now (the buyer is typing the password) is left to the payments worker,
 * which reverses it at its next look.
 */
import type { OrderView } from '../../shared/pay/payments-wire';
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';
import type { AuthedTerminal } from '../terminals/terminal-auth';
import { checkPaying } from './check';
import { orderView } from './codepay';
import { institutionOf, type PaymentsContext } from './context';
import { applyEnded, getOrder, outTradeNo, type Order } from './orders';
import { pdb } from './schema';

/** The words the till shows for a cancelled tender (shared/sales/failure-reasons.ts reads the code). */
export const CASHIER_CANCELLED = 'CASHIER_CANCELLED: 收银员已取消这笔付款';

/** A terminal's order for one of its tenders (code pay, receipt QR or bank gateway). */
export async function terminalOrder(
  db: ServerDb,
  terminalId: string,
  ref: { sale_id: string; tender_no: number },
): Promise<Order> {
  const p = pdb(db);
  const o =
    (await getOrder(p, outTradeNo('code', ref.sale_id, ref.tender_no))) ??
    (await getOrder(p, outTradeNo('qr', ref.sale_id, ref.tender_no))) ??
    (await getOrder(p, outTradeNo('gateway', ref.sale_id, ref.tender_no)));
  if (!o || o.terminal_id !== terminalId)
    throw new ApiError('not_found', `no payment order for ${ref.sale_id}#${ref.tender_no}`);
  return o;
}

const waiting = (o: Order): boolean => o.state === 'created' || o.state === 'paying';

export async function cancelOrder(
  db: ServerDb,
  ctx: PaymentsContext,
  terminal: AuthedTerminal,
  ref: { sale_id: string; tender_no: number },
  nowMs: number,
): Promise<OrderView> {
  const o = await terminalOrder(db, terminal.id, ref);
  if (!waiting(o)) return orderView(o);
  const inst = institutionOf(ctx, o.institution);
  if (o.state === 'paying') await checkPaying(db, ctx, inst, o, nowMs);
  const now = (await getOrder(pdb(db), o.out_trade_no)) ?? o;
  if (!waiting(now)) return orderView(now);
  const end =
    now.kind === 'code'
      ? await inst.reverse(now.sub_mchid, now.out_trade_no)
      : await inst.close(now.sub_mchid, now.out_trade_no);
  if (end.kind === 'ok' || (end.kind === 'refused' && end.code === 'ORDER_NOT_EXIST')) {
    await applyEnded(
      db,
      ctx,
      now.out_trade_no,
      now.kind === 'code' ? 'reversed' : 'closed',
      CASHIER_CANCELLED,
      nowMs,
    );
  } else {
    // Not now (the buyer is typing): due at once, so the worker's next look reverses it.
    await pdb(db)
      .updateTable('payment_order')
      .set({ deadline_ms: nowMs, next_check_ms: nowMs, updated_ms: nowMs })
      .where('out_trade_no', '=', now.out_trade_no)
      .execute();
    return orderView(
      now,
      `撤销已提交，机构暂未确认：稍后自动重试 — the institution did not confirm the reverse yet (${end.message})`,
    );
  }
  return orderView((await getOrder(pdb(db), now.out_trade_no)) ?? now);
}
