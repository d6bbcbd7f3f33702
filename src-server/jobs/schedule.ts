/**
 * The periodic work of a server process: each entry's tick only enqueues a job, under an id per period, so
 * however many processes tick, each period's job is enqueued once and run once by whichever worker claims it.
 * This is the one timer of background work; the work itself is always a job (jobs/worker.ts).
 */
import type { ServerDb } from '../db/database';

export interface Periodic {
  what: string;
  every_ms: number;
  /** Enqueues the period's job if one is due. */
  enqueue(db: ServerDb, nowMs: number): Promise<unknown>;
}

export function startSchedule(
  db: ServerDb,
  entries: readonly Periodic[],
  onError: (err: unknown, what: string) => void,
  now: () => number = Date.now,
): { stop(): void } {
  const timers = entries.map((e) => {
    const t = setInterval(
      () => void e.enqueue(db, now()).catch((err: unknown) => onError(err, e.what)),
      e.every_ms,
    );
    t.unref();
    return t;
  });
  return { stop: () => timers.forEach((t) => clearInterval(t)) };
}
