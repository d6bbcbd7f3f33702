/**
 * What of the institution payments waits for staff: splits the institution
 * kept refusing (the market's fee share is still frozen with the stall's
 * money), payments left paying past every automatic step, refunds the
 * institution could not pay back, and the notifications that were refused or
 * ignored as forged, duplicated or mismatched (kept with their outcome).
 * Staff can send a failed split again (after fixing the receiver relation).
 */
import { api } from '../../shared/api';
import { ApiError } from '../http/errors';
import { implement } from '../http/route';
import { paymentsIn } from '../services';
import { pdb } from './schema';

export const paymentAdminRoutes = [
  implement(api.paymentsAttention, async ({ db, query }) => {
    const p = pdb(db);
    const cols = [
      'out_trade_no',
      'stall_id',
      'sale_id',
      'amount_fen',
      'state',
      'split_state',
      'split_no',
      'last_error',
      'updated_ms',
    ] as const;
    const split_failed = await p
      .selectFrom('payment_order')
      .select(cols)
      .where('split_state', '=', 'failed')
      .orderBy('updated_ms', 'desc')
      .limit(query.limit)
      .execute();
    const stuck = await p
      .selectFrom('payment_order')
      .select(cols)
      .where('state', 'in', ['created', 'paying'])
      .where('next_check_ms', 'is', null)
      .where('last_error', 'is not', null)
      .orderBy('updated_ms', 'desc')
      .limit(query.limit)
      .execute();
    const refunds = await p
      .selectFrom('payment_refund')
      .select(['out_refund_no', 'out_trade_no', 'amount_fen', 'state', 'last_error'])
      .where('state', 'in', ['abnormal', 'closed', 'refused', 'returning'])
      .orderBy('updated_ms', 'desc')
      .limit(query.limit)
      .execute();
    const notifications = await p
      .selectFrom('payment_notification')
      .selectAll()
      .where('outcome', 'in', ['forged', 'duplicate', 'mismatch', 'unknown_order'])
      .orderBy('received_ms', 'desc')
      .limit(query.limit)
      .execute();
    return { split_failed, stuck, refunds, notifications };
  }),
  implement(api.paymentsSplitRetry, async ({ db, services, params, now }) => {
    const p = pdb(db);
    const r = await p
      .updateTable('payment_order')
      .set((eb) => ({
        split_state: 'due',
        split_no: eb('split_no', '+', 1),
        check_attempts: 0,
        next_check_ms: now,
        lease_until_ms: null,
        updated_ms: now,
      }))
      .where('out_trade_no', '=', params.out_trade_no)
      .where('split_state', '=', 'failed')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1)
      throw new ApiError('conflict', `payment ${params.out_trade_no} has no failed split`);
    paymentsIn(services).wake();
    const o = await p
      .selectFrom('payment_order')
      .select(['out_trade_no', 'split_state', 'split_no'])
      .where('out_trade_no', '=', params.out_trade_no)
      .executeTakeFirstOrThrow();
    return o;
  }),
];
