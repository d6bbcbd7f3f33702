/**
 * The reconciliation side of a server process: the ports over the market's
 * institution, and the daily schedule. Bills exist from 09:00 T+1 (payments.md
 * §1.6); from RUN_FROM_HOUR each morning the process reconciles yesterday
 * unless a run of it is done or was started recently (several processes on
 * one database may race; the item keys make a double run harmless).
 */
import type { ServerDb } from '../db/database';
import { hourOfDay } from '../../shared/time';
import { BILL_TIME_ZONE, billDateOf, shanghaiDayNo } from './days';
import type { ReconPorts } from './ports';
import { runRecon } from './run';
import { rdb } from './schema';

export const RUN_FROM_HOUR = 10;
export const SCHEDULE_EVERY_MS = 10 * 60_000;
/** A run started this recently (and not failed) is not started again. */
export const RERUN_AFTER_MS = 60 * 60_000;

export async function scheduledRun(db: ServerDb, nowMs: number): Promise<string | null> {
  if (hourOfDay(nowMs, BILL_TIME_ZONE) < RUN_FROM_HOUR) return null;
  const date = billDateOf(shanghaiDayNo(nowMs) - 1);
  const last = await rdb(db)
    .selectFrom('recon_run')
    .select(['state', 'started_ms'])
    .where('bill_date', '=', date)
    .orderBy('started_ms', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last && (last.state === 'done' || nowMs - last.started_ms < RERUN_AFTER_MS)) return null;
  return date;
}

export function startRecon(
  db: ServerDb,
  ports: ReconPorts,
  opts: { onError?: (err: unknown) => void },
): { stop(): void } {
  const tick = () =>
    void scheduledRun(db, Date.now())
      .then((date) => (date === null ? null : runRecon(db, ports, date, 'schedule', Date.now)))
      .catch((err: unknown) => opts.onError?.(err));
  const timer = setInterval(tick, SCHEDULE_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
