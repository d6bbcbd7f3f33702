/**
 * Row types of the reconciliation tables (migration 006-recon), mirroring it
 * exactly; `rdb(db)` widens any server Kysely to see them and the payment tables.
 */
import type { Kysely } from 'kysely';
import type { ServerSchema } from '../db/schema';
import type { PaymentsSchema } from '../payments/schema';
import type { Difference } from './types';

/** running: fetching and matching; done: every row classified; failed: no bill or a bad one (error says why). */
export type RunState = 'running' | 'done' | 'failed';
/** open: unexplained; resolved: explained, by the job (`auto`) or a staff member. */
export type ItemStatus = 'open' | 'resolved';
/** What was done: the automatic ones, then the staff actions. */
export type Resolution =
  'marked_paid' | 'redated' | 'requeried' | 'healed' | 'bu_dan' | 'refund' | 'suspense' | 'explained';

export interface ReconRunTable {
  id: string;
  bill_date: string;
  state: RunState;
  rows: number;
  matched: number;
  matched_fen: number;
  differences: number;
  auto_resolved: number;
  sha1: string | null;
  error: string | null;
  started_by: string;
  started_ms: number;
  finished_ms: number | null;
}

/** A difference as found (its fields are `Difference`'s), with where it came from and what became of it. */
export interface ReconItemTable extends Difference {
  id: string;
  bill_date: string;
  run_id: string;
  /** bill date, record, order and refund number: a re-run never queues the same difference twice */
  item_key: string;
  status: ItemStatus;
  resolution: Resolution | null;
  resolved_by: string | null;
  resolved_ms: number | null;
  note: string | null;
  ledger_ref: string | null;
  created_ms: number;
}

export interface ReconMerchantDayTable {
  bill_date: string;
  sub_mchid: string;
  pays: number;
  gross_fen: number;
  refunds: number;
  refund_fen: number;
  fee_fen: number;
}
export interface DayConfirmationTable {
  business_day: string;
  stall_id: string;
  confirmed_by: string;
  confirmed_ms: number;
  note: string;
}

// A type alias, not an interface: Kysely's withTables wants an implicit index signature.
export type ReconSchema = {
  recon_run: ReconRunTable;
  recon_item: ReconItemTable;
  recon_merchant_day: ReconMerchantDayTable;
  day_confirmation: DayConfirmationTable;
};

export type ReconDb = Kysely<ServerSchema & PaymentsSchema & ReconSchema>;

export function rdb(db: Kysely<ServerSchema>): ReconDb {
  return db.withTables<PaymentsSchema>().withTables<ReconSchema>();
}
