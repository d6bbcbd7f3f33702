/**
 * The print_job table (migration 001) and its domain view. Rows mirror the
 * schema; toView() is the one converter. last_error holds "<code>: <message>"
 * so the reason survives a restart with no extra column.
 */
import { newId } from '../ids';
import type { ReceiptDoc } from '../../shared/receipt/model';
import type { Db } from '../store/db';

/**
 * queued: stored, waiting its turn — or waiting for the printer to recover
 *   (last_error says why: paper out, cover open, offline); nothing was sent.
 * printing: bytes are going out, or the printer holds them while it is
 *   stopped (paper ran out mid-job); it goes on by itself once fixed.
 * done: the printer confirmed the job (GS r 1), or took every byte where it
 *   cannot confirm.
 * failed: will not print by itself — it may be half printed (connection lost
 *   mid-job, no confirmation) or its document is broken; a person reprints.
 */
export type PrintJobState = 'queued' | 'printing' | 'done' | 'failed';

export interface PrintJobRow {
  id: string;
  sale_id: string | null;
  document: string;
  state: PrintJobState;
  attempts: number;
  last_error: string | null;
  created_ms: number;
  updated_ms: number;
}

export interface PrintJobView {
  id: string;
  sale_id: string | null;
  receipt_no: string;
  reprint: boolean;
  state: PrintJobState;
  /** why it waits (queued), why the printer holds it (printing) or why it failed */
  message: string | null;
  attempts: number;
  created_ms: number;
  updated_ms: number;
}

/** Jobs listed at most at once. */
export const RECENT_JOBS_MAX = 200;

export function parseDoc(row: Pick<PrintJobRow, 'document'>): ReceiptDoc | null {
  try {
    const doc: unknown = JSON.parse(row.document);
    if (typeof doc !== 'object' || doc === null || !('receipt_no' in doc) || !('lines' in doc)) return null;
    return doc as ReceiptDoc;
  } catch {
    return null;
  }
}

export function toView(row: PrintJobRow): PrintJobView {
  const doc = parseDoc(row);
  return {
    id: row.id,
    sale_id: row.sale_id,
    receipt_no: doc?.receipt_no ?? '',
    reprint: doc?.reprint === true,
    state: row.state,
    message: row.state === 'done' ? null : row.last_error,
    attempts: row.attempts,
    created_ms: row.created_ms,
    updated_ms: row.updated_ms,
  };
}

const COLUMNS = 'id, sale_id, document, state, attempts, last_error, created_ms, updated_ms';

export function insertJob(db: Db, saleId: string | null, doc: ReceiptDoc, nowMs: number): string {
  const id = newId(nowMs);
  db.prepare(
    "INSERT INTO print_job (id, sale_id, document, state, created_ms, updated_ms) VALUES (?, ?, ?, 'queued', ?, ?)",
  ).run(id, saleId, JSON.stringify(doc), nowMs, nowMs);
  return id;
}

export function getJob(db: Db, id: string): PrintJobRow | null {
  return (
    (db.prepare(`SELECT ${COLUMNS} FROM print_job WHERE id = ?`).get(id) as PrintJobRow | undefined) ?? null
  );
}

/** The oldest job still to print; jobs print in the order they were stored. */
export function nextJob(db: Db): PrintJobRow | null {
  return (
    (db
      .prepare(
        `SELECT ${COLUMNS} FROM print_job WHERE state IN ('queued','printing') ORDER BY created_ms, rowid LIMIT 1`,
      )
      .get() as PrintJobRow | undefined) ?? null
  );
}

export function latestJobForSale(db: Db, saleId: string): PrintJobRow | null {
  return (
    (db
      .prepare(
        `SELECT ${COLUMNS} FROM print_job WHERE sale_id = ? ORDER BY created_ms DESC, rowid DESC LIMIT 1`,
      )
      .get(saleId) as PrintJobRow | undefined) ?? null
  );
}

export function recentJobs(db: Db, n: number): PrintJobRow[] {
  const limit = Math.max(1, Math.min(RECENT_JOBS_MAX, Math.floor(n)));
  return db
    .prepare(`SELECT ${COLUMNS} FROM print_job ORDER BY created_ms DESC, rowid DESC LIMIT ?`)
    .all(limit) as PrintJobRow[];
}

export function setJobState(
  db: Db,
  id: string,
  state: PrintJobState,
  lastError: string | null,
  nowMs: number,
  countAttempt = false,
): void {
  db.prepare(
    'UPDATE print_job SET state = ?, last_error = ?, attempts = attempts + ?, updated_ms = ? WHERE id = ?',
  ).run(state, lastError, countAttempt ? 1 : 0, nowMs, id);
}

/**
 * A job left 'printing' by a till that stopped (crash, power cut) may or may
 * not have printed: it becomes failed, for a person to reprint, rather than
 * printing twice by itself.
 */
export function failInterruptedJobs(db: Db, nowMs: number): number {
  return db
    .prepare("UPDATE print_job SET state = 'failed', last_error = ?, updated_ms = ? WHERE state = 'printing'")
    .run(
      'write_failed: the till stopped while this receipt was printing; it may or may not have printed — reprint it if it did not',
      nowMs,
    ).changes;
}

/** The newest failure not followed by a printed job, or null. */
export function unresolvedFailure(db: Db): string | null {
  const row = db
    .prepare(
      "SELECT last_error FROM print_job WHERE state = 'failed' AND updated_ms >= COALESCE((SELECT MAX(updated_ms) FROM print_job WHERE state = 'done'), 0) ORDER BY updated_ms DESC LIMIT 1",
    )
    .get() as { last_error: string | null } | undefined;
  return row?.last_error ?? null;
}

export function pendingCount(db: Db): number {
  return (
    db.prepare("SELECT COUNT(*) AS n FROM print_job WHERE state IN ('queued','printing')").get() as {
      n: number;
    }
  ).n;
}
