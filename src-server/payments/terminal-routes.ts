/**
 * The terminal's payment API (signed like every terminal route): pull the
 * payment updates after a cursor, start a code-pay order, query an order now
 * (the cashier's "query this order"), refund through the institution.
 */
import { z } from 'zod';
import { codepayRequestSchema, MAX_PAYMENT_UPDATES, orderRefSchema, orderViewSchema, paymentPullSchema, refundRequestSchema, refundViewSchema } from '../../shared/pay/payments-wire';
import { ApiError } from '../http/errors';
import { TERMINAL, defineRoute, must } from '../http/route';
import { institutionOf, paymentsOf } from './context';
import { checkPaying } from './check';
import { orderView, startCodepay } from './codepay';
import { getOrder, outTradeNo } from './orders';
import { requestRefund } from './refunds';
import { pdb } from './schema';

export const terminalPaymentRoutes = [
  defineRoute({
    id: 'terminalPaymentsPull',
    method: 'GET',
    path: '/api/v1/terminal/payments',
    summary: "Payment updates for this terminal's sales after a cursor (tenders turning paid or failed)",
    tag: 'terminal',
    auth: TERMINAL,
    query: z.object({ after: z.coerce.number().int().nonnegative().default(0), limit: z.coerce.number().int().min(1).max(MAX_PAYMENT_UPDATES).default(MAX_PAYMENT_UPDATES) }),
    response: paymentPullSchema,
    handler: async ({ db, query, terminal }) => {
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
    },
  }),
  defineRoute({
    id: 'terminalCodepay',
    method: 'POST',
    path: '/api/v1/terminal/payments/codepay',
    summary: "Charge a buyer's payment code for a pending tender; answers the order's state (paying = polled by the server)",
    tag: 'terminal',
    auth: TERMINAL,
    body: codepayRequestSchema,
    response: orderViewSchema,
    handler: async ({ db, body, terminal, now }) => startCodepay(db, paymentsOf(db), must(terminal, 'terminal'), body, now),
  }),
  defineRoute({
    id: 'terminalPaymentQuery',
    method: 'POST',
    path: '/api/v1/terminal/payments/query',
    summary: 'Ask the institution about a tender’s order now and apply the answer (the cashier’s manual query)',
    tag: 'terminal',
    auth: TERMINAL,
    body: orderRefSchema,
    response: orderViewSchema,
    handler: async ({ db, body, terminal, now }) => {
      const t = must(terminal, 'terminal');
      const ctx = paymentsOf(db);
      const p = pdb(db);
      const o = (await getOrder(p, outTradeNo('code', body.sale_id, body.tender_no))) ?? (await getOrder(p, outTradeNo('qr', body.sale_id, body.tender_no))) ?? (await getOrder(p, outTradeNo('gateway', body.sale_id, body.tender_no)));
      if (!o || o.terminal_id !== t.id) throw new ApiError('not_found', `no payment order for ${body.sale_id}#${body.tender_no}`);
      if (o.state === 'paying' || o.state === 'created') await checkPaying(db, ctx, institutionOf(ctx, o.institution), o, now);
      const after = await getOrder(p, o.out_trade_no);
      return orderView(after ?? o);
    },
  }),
  defineRoute({
    id: 'terminalPaymentRefund',
    method: 'POST',
    path: '/api/v1/terminal/payments/refund',
    summary: 'Refund (part of) a paid tender through the institution; idempotent by refund id, never above what was paid',
    tag: 'terminal',
    auth: TERMINAL,
    body: refundRequestSchema,
    response: refundViewSchema,
    handler: async ({ db, body, terminal, now }) => requestRefund(db, paymentsOf(db), must(terminal, 'terminal'), body, now),
  }),
];
