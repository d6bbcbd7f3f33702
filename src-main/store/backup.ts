/**
 * Daily online backups of the till's database (better-sqlite3's db.backup,
 * safe while selling), kept with rotation in <data>/backups.
 */
import { mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from './db';

export const BACKUPS_KEPT = 7;
const NAME_RE = /^terminal-(\d{8})\.sqlite$/;

export function backupFileName(nowMs: number): string {
  const d = new Date(nowMs);
  return `terminal-${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}.sqlite`;
}

/** Makes today's backup unless it exists, then keeps the newest BACKUPS_KEPT. Returns the file written, or null. */
export async function dailyBackup(
  db: Db,
  dataDir: string,
  nowMs: number,
  kept = BACKUPS_KEPT,
): Promise<string | null> {
  const dir = join(dataDir, 'backups');
  mkdirSync(dir, { recursive: true });
  const name = backupFileName(nowMs);
  const existing = readdirSync(dir)
    .filter((f) => NAME_RE.test(f))
    .sort();
  let written: string | null = null;
  if (!existing.includes(name)) {
    const tmp = join(dir, `${name}.partial`);
    await db.backup(tmp);
    // Rename only a finished copy, so a half-written file never looks like a backup.
    renameSync(tmp, join(dir, name));
    existing.push(name);
    existing.sort();
    written = join(dir, name);
  }
  for (const old of existing.slice(0, Math.max(0, existing.length - kept))) rmSync(join(dir, old));
  return written;
}
