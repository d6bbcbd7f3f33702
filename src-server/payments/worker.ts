/**
 * The payments worker every server process runs: claims orders whose next
 * look is due (code-pay polling, lost-notification recovery, splits) under a
 * short lease — `FOR UPDATE SKIP LOCKED` on PostgreSQL, so several processes
 * share the work — and takes one step on each, several at a time.
 */
import type { ServerDb } from '../db/database';
import { isPostgres } from '../db/dialect';
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
  return p.updateTable('payment_order').set({ lease_until_ms: nowMs + PAYMENT_LEASE_MS }).where('out_trade_no', 'in', cand).returningAll().execute();
}

export async function stepOrder(db: ServerDb, ctx: PaymentsContext, o: Order, nowMs: number): Promise<void> {
  const inst = institutionOf(ctx, o.institution);
  if (o.state === 'paying' || o.state === 'created') return checkPaying(db, ctx, inst, o, nowMs);
  if (o.state === 'succeeded') return stepSplit(db, ctx, inst, o, nowMs);
  await pdb(db).updateTable('payment_order').set({ next_check_ms: null, lease_until_ms: null }).where('out_trade_no', '=', o.out_trade_no).execute();
}

export interface PaymentsWorker {
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function startPaymentsWorker(db: ServerDb, ctx: PaymentsContext, opts: { now?: () => number; onError?: (err: unknown) => void; autostart?: boolean } = {}): PaymentsWorker {
  const now = opts.now ?? Date.now;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  let again = false;

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

  const tick = (): void => {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    if (timer) clearTimeout(timer);
    timer = null;
    running = runOnce()
      .catch((err: unknown) => {
        opts.onError?.(err);
        return 0;
      })
      .then((n) => {
        busy = false;
        if (stopped) return;
        const soon = again || n >= PAYMENT_CLAIM_MAX;
        again = false;
        timer = setTimeout(tick, soon ? 0 : ctx.worker_poll_ms);
        timer.unref();
      });
  };

  ctx.wake = tick;
  if (opts.autostart !== false) tick();
  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
