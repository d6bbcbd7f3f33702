/**
 * Wiping a till (to re-enrol it, or hand the PC to another stall). Entries
 * the server has not acknowledged would be lost with it, so a wipe with any
 * unsynced entry needs a manager's PIN and is told how many are at risk
 * (`at-risk.ts`, the same guard as signing out and updating).
 * The data folder is set aside, never deleted: a mistake can be undone.
 */
import { renameSync } from 'node:fs';
import { approveAtRiskInFolder } from './at-risk';

export type WipeResult =
  | { wiped: true; moved_to: string; unsynced: number; approved_by: string | null }
  | { wiped: false; unsynced: number; oldest_ms: number | null; reason: string };

export function wipeTill(dataDir: string, managerPin: string | undefined, nowMs: number): WipeResult {
  const check = approveAtRiskInFolder(dataDir, 'wipe', managerPin);
  if (!check.ok)
    return { wiped: false, unsynced: check.unsynced, oldest_ms: check.oldest_ms, reason: check.reason };
  const movedTo = `${dataDir.replace(/\/+$/, '')}.wiped-${nowMs}`;
  renameSync(dataDir, movedTo);
  return {
    wiped: true,
    moved_to: movedTo,
    unsynced: check.approval.unsynced,
    approved_by: check.approval.approved_by?.id ?? null,
  };
}
