/**
 * Journal entries the server has not acknowledged (seq > acked_seq) exist
 * only on this PC. Every action that takes the till out of a cashier's hands
 * or puts its data at stake — signing out, updating the program, wiping the
 * data folder — asks here first: with any entry at risk it needs a manager's
 * PIN, and the refusal says how many entries and since when.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError, type ErrorDetails } from '../../shared/contract/envelope';
import { findByPin, type Cashier } from '../cashiers/cashier-store';
import { PIN_RE } from '../cashiers/pin';
import type { Db } from '../store/db';
import { getSetting } from '../store/settings';
import { stmt } from '../store/sql';

export interface AtRisk {
  unsynced: number;
  /** when the oldest unsynced entry was written; null when none is */
  oldest_ms: number | null;
}

export type GuardedAction = 'sign_out' | 'update' | 'wipe';

const DOING: Record<GuardedAction, string> = {
  sign_out: 'signing out',
  update: 'updating the till',
  wipe: 'wiping the till',
};

/**
 * Two lookups on the journal's key, whatever the backlog (the status bar asks after every sale): seqs run
 * without a gap from 1 (appendJournal writes last + 1 and nothing deletes), so the count is a difference.
 */
export function unsyncedEntries(db: Db): AtRisk {
  const acked = Number(getSetting(db, 'acked_seq') ?? '0');
  const last = stmt(db, 'SELECT MAX(seq) AS seq FROM journal').get() as { seq: number | null };
  const oldest = stmt(db, 'SELECT at_ms FROM journal WHERE seq > ? ORDER BY seq LIMIT 1').get(acked) as
    { at_ms: number } | undefined;
  return { unsynced: Math.max(0, (last.seq ?? 0) - acked), oldest_ms: oldest?.at_ms ?? null };
}

export interface Approval extends AtRisk {
  /** the manager whose PIN allowed it; null when nothing was at risk */
  approved_by: Cashier | null;
}

/**
 * Allows `action` when nothing is at risk or `managerPin` is a manager's.
 * Otherwise throws `manager_required` (no PIN) or `wrong_pin`, both carrying
 * the count in `details.unsynced` so the UI can say it.
 */
export function approveAtRisk(db: Db, action: GuardedAction, managerPin: string | undefined): Approval {
  const risk = unsyncedEntries(db);
  if (risk.unsynced === 0) return { ...risk, approved_by: null };
  const details: ErrorDetails = { unsynced: risk.unsynced, oldest_unsynced_ms: risk.oldest_ms };
  if (!managerPin)
    throw new CodedError(
      'manager_required',
      `${risk.unsynced} journal entries have not reached the server: ${DOING[action]} needs a manager's PIN`,
      details,
    );
  const manager = PIN_RE.test(managerPin) ? findByPin(db, managerPin, 'manager') : null;
  if (!manager)
    throw new CodedError(
      'wrong_pin',
      `that PIN is not a manager’s, and ${risk.unsynced} journal entries have not reached the server`,
      details,
    );
  return { ...risk, approved_by: manager };
}

export type FolderCheck =
  | { ok: true; approval: Approval }
  | { ok: false; unsynced: number; oldest_ms: number | null; reason: string };

/** The same guard for a till whose core is not running (the CLI's wipe and update check): opens its data folder's database just to ask. */
export function approveAtRiskInFolder(
  dataDir: string,
  action: GuardedAction,
  managerPin: string | undefined,
): FolderCheck {
  const file = join(dataDir, 'terminal.sqlite');
  if (!existsSync(file))
    return { ok: false, unsynced: 0, oldest_ms: null, reason: `no till database at ${file}` };
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    return { ok: true, approval: approveAtRisk(db, action, managerPin) };
  } catch (err) {
    if (!(err instanceof CodedError)) throw err;
    return {
      ok: false,
      unsynced: err.details?.unsynced ?? 0,
      oldest_ms: err.details?.oldest_unsynced_ms ?? null,
      reason: err.message,
    };
  } finally {
    db.close();
  }
}
