/**
 * Wiping a till (to re-enrol it, or hand the PC to another stall). Entries
 * the server has not acknowledged would be lost with it, so a wipe with any
 * unsynced entry needs a manager's PIN and is told how many are at risk.
 * The data folder is set aside, never deleted: a mistake can be undone.
 */
import Database from 'better-sqlite3';
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { findByPin } from '../cashiers/cashier-store';

export type WipeResult = { wiped: true; moved_to: string; unsynced: number } | { wiped: false; unsynced: number; oldest_ms: number | null; reason: string };

export function wipeTill(dataDir: string, managerPin: string | undefined, nowMs: number): WipeResult {
  const file = join(dataDir, 'terminal.sqlite');
  if (!existsSync(file)) return { wiped: false, unsynced: 0, oldest_ms: null, reason: `no till database at ${file}` };
  const db = new Database(file);
  let unsynced: { n: number; oldest: number | null };
  try {
    const acked = Number((db.prepare("SELECT value FROM setting WHERE key = 'acked_seq'").get() as { value: string } | undefined)?.value ?? '0');
    unsynced = db.prepare('SELECT COUNT(*) AS n, MIN(at_ms) AS oldest FROM journal WHERE seq > ?').get(acked) as { n: number; oldest: number | null };
    if (unsynced.n > 0 && !(managerPin && findByPin(db, managerPin, 'manager'))) {
      return { wiped: false, unsynced: unsynced.n, oldest_ms: unsynced.oldest, reason: `${unsynced.n} journal entries have not reached the server and would be lost: a manager's PIN is needed` };
    }
  } finally {
    db.close();
  }
  const movedTo = `${dataDir.replace(/\/+$/, '')}.wiped-${nowMs}`;
  renameSync(dataDir, movedTo);
  return { wiped: true, moved_to: movedTo, unsynced: unsynced.n };
}
