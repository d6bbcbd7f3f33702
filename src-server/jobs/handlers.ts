/**
 * The job kinds the server knows. Each handler runs in the job's own transaction and must be idempotent by its keys.
 * Ledger postings are not jobs: each is posted in the transaction of the change it books (a sale's projection, a
 * payment's state, a split or refund), so the books and the change commit together or not at all.
 */
import { LOGIN_WINDOW_MS } from '../staff/rate-limit';
import { pruneNonces } from '../terminals/terminal-auth';
import type { JobHandler } from './worker';

export const JOB_HANDLERS: Record<string, JobHandler> = {
  /** Housekeeping: forget request nonces that can no longer be replayed, expired sessions, old login attempts. */
  housekeeping: async (trx, _payload, nowMs) => {
    await pruneNonces(trx, nowMs);
    await trx.deleteFrom('staff_session').where('expires_ms', '<', nowMs).execute();
    await trx
      .deleteFrom('login_attempt')
      .where('at_ms', '<', nowMs - 2 * LOGIN_WINDOW_MS)
      .execute();
  },
};

export const HOUSEKEEPING_EVERY_MS = 10 * 60_000;

/** One housekeeping job per period however many processes ask: its id is the period. */
export function housekeepingJobId(nowMs: number): string {
  return `housekeeping:${Math.floor(nowMs / HOUSEKEEPING_EVERY_MS)}`;
}
