/**
 * The payments worker every server process runs: claims orders whose next
 * look is due (code-pay polling, lost-notification recovery, splits) under a
 * short lease — `FOR UPDATE SKIP LOCKED` on PostgreSQL, so several processes
 * share the work — and takes one step on each, several at a time.
 */
import type { ServerDb } from '../db/database';
import { createTicker } from '../../shared/ticker';
import { isPostgres } from '../db/dialect';
import { workerTimers } from '../jobs/timers';
import { institutionOf, type PaymentsContext } from './context';
import { checkPaying } from './check';
import type { Order } from './orders';
import { pdb } from './schema';
import { stepSplit } from './split';

export const PAYMENT_LEASE_MS = 30_000;
export const PAYMENT_CLAIM_MAX = 64;

export async function claimDue(db: ServerDb, nowMs: number, limit = PAYMENT_CLAIM_MAX): Promise<Order[]> {
  const p = pdb(db);
  let cand = p
    .selectFrom('payment_order')
    .select('out_trade_no')
    .where('next_check_ms', '<=', nowMs)
    .where((eb) => eb.or([eb('lease_until_ms', 'is', null), eb('lease_until_ms', '<', nowMs)]))
    .orderBy('next_check_ms')
    .limit(Math.min(limit, PAYMENT_CLAIM_MAX));
  if (isPostgres(db)) cand = cand.forUpdate().skipLocked();
  return p
    .updateTable('payment_order')
    .set({ lease_until_ms: nowMs + PAYMENT_LEASE_MS })
    .where('out_trade_no', 'in', cand)
    .returningAll()
    .execute();
}

export async function stepOrder(db: ServerDb, ctx: PaymentsContext, o: Order, nowMs: number): Promise<void> {
  const inst = institutionOf(ctx, o.institution);
  if (o.state === 'paying' || o.state === 'created') return checkPaying(db, ctx, inst, o, nowMs);
  if (o.state === 'succeeded') return stepSplit(db, ctx, inst, o, nowMs);
  await pdb(db)
    .updateTable('payment_order')
    .set({ next_check_ms: null, lease_until_ms: null })
    .where('out_trade_no', '=', o.out_trade_no)
    .execute();
}

export interface PaymentsWorker {
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function startPaymentsWorker(
  db: ServerDb,
  ctx: PaymentsContext,
  opts: { now?: () => number; onError?: (err: unknown) => void } = {},
): PaymentsWorker {
  const now = opts.now ?? Date.now;

  async function runOnce(): Promise<number> {
    const due = await claimDue(db, now());
    await Promise.all(
      due.map((o) =>
        stepOrder(db, ctx, o, now()).catch((err: unknown) => {
          opts.onError?.(err);
        }),
      ),
    );
    return due.length;
  }

  // A full claim means more may be due: go round at once.
  const ticker = createTicker(
    async () => (await runOnce().catch((err: unknown) => (opts.onError?.(err), 0))) >= PAYMENT_CLAIM_MAX,
    ctx.worker_poll_ms,
    workerTimers,
  );
  ctx.wake = () => ticker.wake();
  ticker.start();
  return { runOnce, stop: () => ticker.stop() };
}
