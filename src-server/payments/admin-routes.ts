/**
 * What of the institution payments waits for staff: splits the institution
 * kept refusing (the market's fee share is still frozen with the stall's
 * money), payments left paying past every automatic step, refunds the
 * institution could not pay back, and the notifications that were refused or
 * ignored as forged, duplicated or mismatched (kept with their outcome).
 * Staff can send a failed split again (after fixing the receiver relation).
 */
import { z } from 'zod';
import { ApiError } from '../http/errors';
import { defineRoute, staffAuth } from '../http/route';
import { paymentsOf } from './context';
import { MARKET_STAFF } from '../staff/roles';
import { pdb } from './schema';

const orderRow = z.object({ out_trade_no: z.string(), stall_id: z.string(), sale_id: z.string(), amount_fen: z.number().int(), state: z.string(), split_state: z.string(), split_no: z.number().int(), last_error: z.string().nullable(), updated_ms: z.number().int() });

export const paymentAdminRoutes = [
  defineRoute({
    id: 'paymentsAttention',
    method: 'GET',
    path: '/api/v1/admin/payments/attention',
    summary: 'Payments needing staff: failed splits, orders the worker left alone, refunds the institution could not pay, refused notifications',
    tag: 'payments',
    auth: staffAuth(MARKET_STAFF),
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
    response: z.object({
      split_failed: z.array(orderRow),
      stuck: z.array(orderRow),
      refunds: z.array(z.object({ out_refund_no: z.string(), out_trade_no: z.string(), amount_fen: z.number().int(), state: z.string(), last_error: z.string().nullable() })),
      notifications: z.array(z.object({ id: z.string(), event_id: z.string().nullable(), event_type: z.string().nullable(), out_trade_no: z.string().nullable(), outcome: z.string(), detail: z.string(), received_ms: z.number().int() })),
    }),
    handler: async ({ db, query }) => {
      const p = pdb(db);
      const cols = ['out_trade_no', 'stall_id', 'sale_id', 'amount_fen', 'state', 'split_state', 'split_no', 'last_error', 'updated_ms'] as const;
      const split_failed = await p.selectFrom('payment_order').select(cols).where('split_state', '=', 'failed').orderBy('updated_ms', 'desc').limit(query.limit).execute();
      const stuck = await p.selectFrom('payment_order').select(cols).where('state', 'in', ['created', 'paying']).where('next_check_ms', 'is', null).where('last_error', 'is not', null).orderBy('updated_ms', 'desc').limit(query.limit).execute();
      const refunds = await p.selectFrom('payment_refund').select(['out_refund_no', 'out_trade_no', 'amount_fen', 'state', 'last_error']).where('state', 'in', ['abnormal', 'closed', 'refused', 'returning']).orderBy('updated_ms', 'desc').limit(query.limit).execute();
      const notifications = await p.selectFrom('payment_notification').selectAll().where('outcome', 'in', ['forged', 'duplicate', 'mismatch', 'unknown_order']).orderBy('received_ms', 'desc').limit(query.limit).execute();
      return { split_failed, stuck, refunds, notifications };
    },
  }),
  defineRoute({
    id: 'paymentsSplitRetry',
    method: 'POST',
    path: '/api/v1/admin/payments/:out_trade_no/split-retry',
    summary: 'Send a failed split again, under a new instruction number',
    tag: 'payments',
    auth: staffAuth(MARKET_STAFF),
    params: z.object({ out_trade_no: z.string().min(6).max(32) }),
    body: z.object({}),
    response: z.object({ out_trade_no: z.string(), split_state: z.string(), split_no: z.number().int() }),
    handler: async ({ db, params, now }) => {
      const p = pdb(db);
      const r = await p
        .updateTable('payment_order')
        .set((eb) => ({ split_state: 'due', split_no: eb('split_no', '+', 1), check_attempts: 0, next_check_ms: now, lease_until_ms: null, updated_ms: now }))
        .where('out_trade_no', '=', params.out_trade_no)
        .where('split_state', '=', 'failed')
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) !== 1) throw new ApiError('conflict', `payment ${params.out_trade_no} has no failed split`);
      paymentsOf(db).wake();
      const o = await p.selectFrom('payment_order').select(['out_trade_no', 'split_state', 'split_no']).where('out_trade_no', '=', params.out_trade_no).executeTakeFirstOrThrow();
      return o;
    },
  }),
];
