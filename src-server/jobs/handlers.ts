/**
 * The job kinds the server knows (jobs/worker.ts says the two sorts). Each must be idempotent by its keys.
 * Ledger postings are not jobs: each is posted in the transaction of the change it books (a sale's projection, a
 * payment's state, a split or refund), so the books and the change commit together or not at all.
 */
import { enqueueScheduledRecon, RECON_JOB, RECON_SCHEDULE_EVERY_MS, reconJob } from '../recon/job';
import type { ServerServices } from '../services';
import { LOGIN_WINDOW_MS } from '../staff/rate-limit';
import { pruneNonces } from '../terminals/terminal-auth';
import { enqueueJob } from './queue';
import type { Periodic } from './schedule';
import type { JobKind } from './worker';

export const JOB_KINDS: Readonly<Record<string, JobKind>> = {
  /** Housekeeping: forget request nonces that can no longer be replayed, expired sessions, old login attempts. */
  housekeeping: {
    transactional: true,
    run: async (trx, _payload, { now_ms }) => {
      await pruneNonces(trx, now_ms);
      await trx.deleteFrom('staff_session').where('expires_ms', '<', now_ms).execute();
      await trx
        .deleteFrom('login_attempt')
        .where('at_ms', '<', now_ms - 2 * LOGIN_WINDOW_MS)
        .execute();
    },
  },
  [RECON_JOB]: reconJob,
};

export const HOUSEKEEPING_EVERY_MS = 10 * 60_000;

/** One housekeeping job per period however many processes ask: its id is the period. */
export function housekeepingJobId(nowMs: number): string {
  return `housekeeping:${Math.floor(nowMs / HOUSEKEEPING_EVERY_MS)}`;
}

/** What a server process enqueues on its schedule (jobs/schedule.ts): housekeeping, and with an institution the morning reconciliation. */
export function periodicJobs(services: ServerServices): Periodic[] {
  const housekeeping: Periodic = {
    what: 'housekeeping',
    every_ms: HOUSEKEEPING_EVERY_MS,
    enqueue: (db, nowMs) => enqueueJob(db, 'housekeeping', {}, nowMs, { id: housekeepingJobId(nowMs) }),
  };
  const recon: Periodic = {
    what: 'reconciliation',
    every_ms: RECON_SCHEDULE_EVERY_MS,
    enqueue: enqueueScheduledRecon,
  };
  return services.recon ? [housekeeping, recon] : [housekeeping];
}
