/**
 * The job worker every server process runs: claim a batch, run each job's
 * handler in a transaction together with its completion, back off when idle.
 * Handlers are registered by kind; an unknown kind fails (and is kept) rather than vanishing.
 */
import type { ServerDb } from '../db/database';
import { claimJobs, completeJob, failJob, type ClaimedJob } from './queue';

export type JobHandler = (trx: ServerDb, payload: unknown, nowMs: number) => Promise<void>;

export interface WorkerOptions {
  db: ServerDb;
  worker_id: string;
  handlers: Record<string, JobHandler>;
  poll_ms?: number;
  batch?: number;
  now?: () => number;
  onError?: (err: unknown) => void;
}

export interface JobWorker {
  /** Claims and runs one batch; answers how many jobs it ran. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

class LostLease extends Error {}

export function startJobWorker(o: WorkerOptions, autostart = true): JobWorker {
  const now = o.now ?? Date.now;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();

  async function runJob(job: ClaimedJob): Promise<void> {
    const started = now();
    const handler = o.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const payload: unknown = JSON.parse(job.payload);
      await o.db.transaction().execute(async (trx) => {
        await handler(trx, payload, started);
        if (!(await completeJob(trx, job, o.worker_id, started, now()))) throw new LostLease();
      });
    } catch (err) {
      if (err instanceof LostLease) return;
      await failJob(o.db, job, o.worker_id, err instanceof Error ? err.message : String(err), started, now());
    }
  }

  async function runOnce(): Promise<number> {
    const jobs = await claimJobs(o.db, o.worker_id, o.batch ?? 20, now());
    for (const j of jobs) await runJob(j);
    return jobs.length;
  }

  const tick = (): void => {
    if (stopped) return;
    running = runOnce()
      .catch((err: unknown) => {
        o.onError?.(err);
        return 0;
      })
      .then((n) => {
        if (!stopped) timer = setTimeout(tick, n > 0 ? 0 : (o.poll_ms ?? 500));
      });
  };
  if (autostart) tick();

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
