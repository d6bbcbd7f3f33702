/**
 * Delayed work of the institution (refunds finishing, splits finishing,
 * onboarding decisions, unpaid code-pay orders revoked at 45 s), kept in the
 * `jobs` table so a restart loses nothing. Due times are on the sim clock, so
 * advancing the clock makes work due; delays are compressed by timeScale.
 */
import type { Sim } from '../context';
import { scaled } from '../context';

export type JobHandler = (sim: Sim, ref: string) => void | Promise<void>;

/** Jobs run per tick; the rest wait for the next tick. */
const JOBS_PER_TICK = 200;

export function scheduleJob(sim: Sim, kind: string, ref: string, delaySimMs: number, compress = true): void {
  const due = sim.clock.now() + (compress ? scaled(sim, delaySimMs) : delaySimMs);
  sim.db.prepare('INSERT INTO jobs (kind, ref, due_at) VALUES (?, ?, ?)').run(kind, ref, due);
  sim.wake();
}

export interface JobRunner {
  register(kind: string, handler: JobHandler): void;
  runDue(): Promise<number>;
}

export function createJobRunner(sim: Sim): JobRunner {
  const handlers = new Map<string, JobHandler>();
  return {
    register(kind, handler) {
      if (handlers.has(kind)) throw new Error(`duplicate job handler ${kind}`);
      handlers.set(kind, handler);
    },
    async runDue() {
      const due = sim.db
        .prepare('SELECT id, kind, ref FROM jobs WHERE due_at <= ? ORDER BY due_at, id LIMIT ?')
        .all(sim.clock.now(), JOBS_PER_TICK) as { id: number; kind: string; ref: string }[];
      for (const j of due) {
        sim.db.prepare('DELETE FROM jobs WHERE id = ?').run(j.id);
        const h = handlers.get(j.kind);
        if (h === undefined) {
          sim.warn('no handler for job', { kind: j.kind });
          continue;
        }
        try {
          await h(sim, j.ref);
        } catch (e) {
          sim.warn('job failed', { kind: j.kind, ref: j.ref, err: e instanceof Error ? e.stack : String(e) });
        }
      }
      return due.length;
    },
  };
}
