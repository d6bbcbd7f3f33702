/** The job kinds the server knows. Each handler runs in the job's own transaction and must be idempotent by its keys. */
import { z } from 'zod';
import { postEntry } from '../ledger/post';
import { TXN_TYPES, type TxnType } from '../ledger/templates';
import { pruneNonces } from '../terminals/terminal-auth';
import type { JobHandler } from './worker';

const ledgerEventSchema = z.object({
  idem_key: z.string().min(1).max(128),
  txn_type: z.enum(TXN_TYPES as [TxnType, ...TxnType[]]),
  business_day: z.string().regex(/^\d{8}$/),
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
  /** Housekeeping: forget request nonces that can no longer be replayed. */
  'nonces.prune': async (trx, _payload, nowMs) => pruneNonces(trx, nowMs),
};
