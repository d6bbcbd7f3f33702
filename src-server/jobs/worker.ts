/**
 * The job worker every server process runs: claim a batch, run each job's
 * handler in a transaction together with its completion, back off when idle.
 * Handlers are registered by kind; an unknown kind fails (and is kept) rather than vanishing.
 */
import { createTicker } from '../../shared/ticker';
import type { ServerDb } from '../db/database';
import { claimJobs, completeJob, failJob, type ClaimedJob } from './queue';
import { workerTimers } from './timers';

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

  // A batch that ran jobs means more may be waiting: go round at once; an idle one waits poll_ms.
  const ticker = createTicker(
    async () => (await runOnce().catch((err: unknown) => (o.onError?.(err), 0))) > 0,
    o.poll_ms ?? 500,
    workerTimers,
  );
  if (autostart) ticker.start();
  return { runOnce, stop: () => ticker.stop() };
}
