/**
 * The job worker every server process runs: claim a batch, run each job by its kind, back off when idle.
 * Kinds are registered by name; an unknown kind fails (and is kept) rather than vanishing.
 *
 * Two sorts of kind. A transactional kind runs in one database transaction together with its completion,
 * so its effects commit exactly once. A kind that is not transactional (it talks to the institution over
 * HTTP, and holding a transaction open across that would hold SQLite's one writer) runs on the database
 * itself, renews its lease while it works, and must be idempotent by its own keys: a retry, or a second
 * worker after a lost lease, may run it again.
 */
import { createTicker } from '../../shared/ticker';
import type { ServerDb } from '../db/database';
import type { ServerServices } from '../services';
import { claimJobs, completeJob, failJob, JOB_LEASE_MS, renewLease, type ClaimedJob } from './queue';
import { workerTimers } from './timers';

export interface JobContext {
  job_id: string;
  /** When this attempt started. */
  now_ms: number;
  services: ServerServices;
}

export type JobKind =
  | {
      transactional: true;
      /** Runs in the job's transaction: its effects and the done mark commit together. */
      run(trx: ServerDb, payload: unknown, ctx: JobContext): Promise<void>;
    }
  | {
      transactional: false;
      /** Runs on the database itself; a throw is the attempt's failure, retried with backoff, its message kept. */
      run(db: ServerDb, payload: unknown, ctx: JobContext): Promise<void>;
    };

export interface WorkerOptions {
  db: ServerDb;
  services: ServerServices;
  worker_id: string;
  kinds: Readonly<Record<string, JobKind>>;
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

  async function runOutside(
    kind: JobKind,
    job: ClaimedJob,
    payload: unknown,
    ctx: JobContext,
  ): Promise<void> {
    const renew = setInterval(
      () => void renewLease(o.db, job.id, o.worker_id, now()).catch((err: unknown) => o.onError?.(err)),
      JOB_LEASE_MS / 3,
    );
    renew.unref();
    try {
      await kind.run(o.db, payload, ctx);
    } finally {
      clearInterval(renew);
    }
    await o.db.transaction().execute(async (trx) => {
      if (!(await completeJob(trx, job, o.worker_id, ctx.now_ms, now()))) throw new LostLease();
    });
  }

  async function runJob(job: ClaimedJob): Promise<void> {
    const started = now();
    const kind = o.kinds[job.kind];
    try {
      if (!kind) throw new Error(`no handler for job kind ${job.kind}`);
      const payload: unknown = JSON.parse(job.payload);
      const ctx: JobContext = { job_id: job.id, now_ms: started, services: o.services };
      if (!kind.transactional) return await runOutside(kind, job, payload, ctx);
      await o.db.transaction().execute(async (trx) => {
        await kind.run(trx, payload, ctx);
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
