/**
 * The terminal's payment API (signed like every terminal route): pull the
 * payment updates after a cursor, start a code-pay order, query an order now
 * (the cashier's "query this order"), refund through the institution.
 */
import { api } from '../../shared/api';
import { ApiError } from '../http/errors';
import { implement, must } from '../http/route';
import { institutionOf, paymentsOf } from './context';
import { checkPaying } from './check';
import { orderView, startCodepay } from './codepay';
import { getOrder, outTradeNo } from './orders';
import { requestRefund } from './refunds';
import { pdb } from './schema';

export const terminalPaymentRoutes = [
  implement(api.terminalPaymentsPull, async ({ db, query, terminal }) => {
    const t = must(terminal, 'terminal');
    // With the order's wallet and the institution's words for a failure (the till shows them).
    const rows = await pdb(db)
      .selectFrom('payment_event as e')
      .leftJoin('payment_order as o', 'o.out_trade_no', 'e.out_trade_no')
      .select(['e.seq', 'e.sale_id', 'e.tender_no', 'e.status', 'e.state', 'e.external_ref', 'e.amount_fen', 'e.at_ms', 'o.channel', 'o.last_error as reason'])
      .where('e.terminal_id', '=', t.id)
      .where('e.seq', '>', query.after)
      .orderBy('e.seq')
      .limit(query.limit)
      .execute();
    return { updates: rows, cursor: rows.at(-1)?.seq ?? query.after };
  }),
  implement(api.terminalCodepay, async ({ db, body, terminal, now }) => startCodepay(db, paymentsOf(db), must(terminal, 'terminal'), body, now)),
  implement(api.terminalPaymentQuery, async ({ db, body, terminal, now }) => {
    const t = must(terminal, 'terminal');
    const ctx = paymentsOf(db);
    const p = pdb(db);
    const o = (await getOrder(p, outTradeNo('code', body.sale_id, body.tender_no))) ?? (await getOrder(p, outTradeNo('qr', body.sale_id, body.tender_no))) ?? (await getOrder(p, outTradeNo('gateway', body.sale_id, body.tender_no)));
    if (!o || o.terminal_id !== t.id) throw new ApiError('not_found', `no payment order for ${body.sale_id}#${body.tender_no}`);
    if (o.state === 'paying' || o.state === 'created') await checkPaying(db, ctx, institutionOf(ctx, o.institution), o, now);
    const after = await getOrder(p, o.out_trade_no);
    return orderView(after ?? o);
  }),
  implement(api.terminalPaymentRefund, async ({ db, body, terminal, now }) => requestRefund(db, paymentsOf(db), must(terminal, 'terminal'), body, now)),
];
