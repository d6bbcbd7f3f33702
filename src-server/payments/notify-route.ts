/**
 * `POST /api/v1/payments/notify/:institution`: the institution's
 * notifications. Nothing changes before the signature verifies, the resource
 * decrypts, the order exists at the same sub-merchant and the amount equals
 * the order's. Every notification is kept with what was done about it;
 * forged, replayed, duplicated and mismatched ones change nothing.
 * 204 = received (stops the institution's retries); 4xx = refused.
 */
import { api } from '../../shared/api';
import { fastUlid } from '../db/ids';
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';
import { implement } from '../http/route';
import { paymentsIn } from '../services';
import type { PaymentsContext } from './context';
import type { Notification } from './institution';
import { applyPaid, getOrder, type PaidOutcome } from './orders';
import { refundNotified } from './refunds';
import { pdb } from './schema';

async function record(
  db: ServerDb,
  n: Partial<Pick<Notification, 'event_id' | 'event_type'>>,
  outNo: string | null,
  outcome: string,
  detail: string,
  nowMs: number,
): Promise<void> {
  await pdb(db)
    .insertInto('payment_notification')
    .values({
      id: fastUlid(nowMs),
      event_id: n.event_id ?? null,
      event_type: n.event_type ?? null,
      out_trade_no: outNo,
      outcome,
      detail: detail.slice(0, 1000),
      received_ms: nowMs,
    })
    .execute();
}

export type NotifyOutcome = 'applied' | 'duplicate' | 'mismatch' | 'unknown_order' | 'ignored' | 'ended';

export async function handleNotification(
  db: ServerDb,
  ctx: PaymentsContext,
  n: Notification,
  nowMs: number,
): Promise<NotifyOutcome> {
  if (n.kind === 'refund') {
    const applied = await refundNotified(db, ctx, n.out_refund_no, n.refund_status, nowMs);
    await record(
      db,
      n,
      null,
      applied ? 'applied' : 'duplicate',
      `${n.out_refund_no} ${n.refund_status}`,
      nowMs,
    );
    return applied ? 'applied' : 'duplicate';
  }
  if (n.kind === 'other') {
    // Split results: the worker looks at processing splits now rather than at its next round.
    if (n.event_type.startsWith('PROFITSHARING.')) ctx.wake();
    await record(db, n, null, 'ignored', n.event_type, nowMs);
    return 'ignored';
  }
  const o = await getOrder(pdb(db), n.tx.out_trade_no);
  if (!o || o.sub_mchid !== n.sub_mchid) {
    await record(
      db,
      n,
      n.tx.out_trade_no,
      'unknown_order',
      `no order ${n.tx.out_trade_no} at ${n.sub_mchid}`,
      nowMs,
    );
    return 'unknown_order';
  }
  if (n.tx.trade_state !== 'SUCCESS') {
    await record(db, n, o.out_trade_no, 'ignored', `trade_state ${n.tx.trade_state}`, nowMs);
    return 'ignored';
  }
  const asNotified = (r: PaidOutcome): NotifyOutcome => (r === 'already' ? 'duplicate' : r);
  const outcome = asNotified(
    await applyPaid(db, ctx, o.out_trade_no, n.tx, nowMs, (t, r) =>
      record(
        t,
        n,
        o.out_trade_no,
        asNotified(r),
        r === 'mismatch'
          ? `amount ${n.tx.amount_fen} differs from the order's ${o.amount_fen}`
          : `${n.event_type} ${n.tx.transaction_id ?? ''}`,
        nowMs,
      ),
    ),
  );
  if (outcome === 'applied') ctx.wake();
  return outcome;
}

export const notifyRoutes = [
  implement(api.paymentsNotify, async ({ db, services, params, req, now }) => {
    const ctx = paymentsIn(services);
    const inst = ctx.institutions.get(params.institution);
    if (!inst) throw new ApiError('not_found', `no institution ${params.institution}`);
    const get = (name: string): string | undefined => {
      const v = req.headers[name];
      return typeof v === 'string' ? v : undefined;
    };
    const v = inst.verifyNotification(get, req.rawBody ?? '', now);
    if (!v.ok) {
      await record(db, {}, null, 'forged', v.reason, now);
      req.log.warn({ reason: v.reason }, 'payment notification refused');
      throw new ApiError('bad_signature', `notification refused: ${v.reason}`);
    }
    const outcome = await handleNotification(db, ctx, v.notification, now);
    req.log.info({ event_id: v.notification.event_id, outcome }, 'payment notification');
    if (outcome === 'mismatch') throw new ApiError('conflict', 'notification amount differs from the order');
    return null;
  }),
];
