/**
 * The terminal's payment API (signed like every terminal route): pull the
 * payment updates after a cursor, start a code-pay order, query an order now
 * (the cashier's "query this order"), refund through the institution.
 */
import { api } from '../../shared/api';
import { implement, must } from '../http/route';
import { institutionOf } from './context';
import { paymentsIn } from '../services';
import { checkPaying } from './check';
import { orderView, startCodepay } from './codepay';
import { cancelOrder, terminalOrder } from './cancel';
import { getOrder } from './orders';
import { requestRefund } from './refunds';
import { pdb } from './schema';

export const terminalPaymentRoutes = [
  implement(api.terminalPaymentsPull, async ({ db, query, terminal }) => {
    const t = must(terminal, 'terminal');
    // With the order's wallet and the institution's words for a failure (the till shows them).
    const rows = await pdb(db)
      .selectFrom('payment_event as e')
      .leftJoin('payment_order as o', 'o.out_trade_no', 'e.out_trade_no')
      .select([
        'e.seq',
        'e.sale_id',
        'e.tender_no',
        'e.status',
        'e.state',
        'e.external_ref',
        'e.amount_fen',
        'e.at_ms',
        'o.channel',
        'o.last_error as reason',
      ])
      .where('e.terminal_id', '=', t.id)
      .where('e.seq', '>', query.after)
      .orderBy('e.seq')
      .limit(query.limit)
      .execute();
    return { updates: rows, cursor: rows.at(-1)?.seq ?? query.after };
  }),
  implement(api.terminalCodepay, async ({ db, services, body, terminal, now }) =>
    startCodepay(db, paymentsIn(services), must(terminal, 'terminal'), body, now),
  ),
  implement(api.terminalPaymentQuery, async ({ db, services, body, terminal, now }) => {
    const ctx = paymentsIn(services);
    const o = await terminalOrder(db, must(terminal, 'terminal').id, body);
    if (o.state === 'paying' || o.state === 'created')
      await checkPaying(db, ctx, institutionOf(ctx, o.institution), o, now);
    const after = await getOrder(pdb(db), o.out_trade_no);
    return orderView(after ?? o);
  }),
  implement(api.terminalPaymentCancel, async ({ db, services, body, terminal, now }) =>
    cancelOrder(db, paymentsIn(services), must(terminal, 'terminal'), body, now),
  ),
  implement(api.terminalPaymentRefund, async ({ db, services, body, terminal, now }) =>
    requestRefund(db, paymentsIn(services), must(terminal, 'terminal'), body, now),
  ),
];
