/** The job kinds the server knows. Each handler runs in the job's own transaction and must be idempotent by its keys. */
import { z } from 'zod';
import { businessDaySchema } from '../../shared/time';
import { postEntry } from '../ledger/post';
import { TXN_TYPES } from '../ledger/templates';
import { LOGIN_WINDOW_MS } from '../staff/rate-limit';
import { pruneNonces } from '../terminals/terminal-auth';
import type { JobHandler } from './worker';

const ledgerEventSchema = z.object({
  idem_key: z.string().min(1).max(128),
  txn_type: z.enum(TXN_TYPES),
  business_day: businessDaySchema,
  stall_id: z.string().nullable(),
  buyer_id: z.string().nullable().optional(),
  amount_fen: z.number().int().positive(),
  fee_fen: z.number().int().nonnegative().optional(),
  ref: z.string().nullable().optional(),
});

export const JOB_HANDLERS: Record<string, JobHandler> = {
  /** Posts one ledger event (splits, settlements and fees arrive this way from the payment side). */
  'ledger.post': async (trx, payload, nowMs) => {
    await postEntry(trx, ledgerEventSchema.parse(payload), nowMs);
  },
  /** Housekeeping: forget request nonces that can no longer be replayed, expired sessions, old login attempts. */
  'housekeeping': async (trx, _payload, nowMs) => {
    await pruneNonces(trx, nowMs);
    await trx.deleteFrom('staff_session').where('expires_ms', '<', nowMs).execute();
    await trx.deleteFrom('login_attempt').where('at_ms', '<', nowMs - 2 * LOGIN_WINDOW_MS).execute();
  },
};

export const HOUSEKEEPING_EVERY_MS = 10 * 60_000;

/** One housekeeping job per period however many processes ask: its id is the period. */
export function housekeepingJobId(nowMs: number): string {
  return `housekeeping:${Math.floor(nowMs / HOUSEKEEPING_EVERY_MS)}`;
}
