/** `markettill terminal verify --data DIR`: walks a till's journal chain read-only and reports the first bad entry. */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { verifyJournal, type VerifyResult } from './journal';

export function verifyDataDir(dataDir: string): VerifyResult {
  const file = join(dataDir, 'terminal.sqlite');
  if (!existsSync(file)) throw new Error(`no till database at ${file}`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return verifyJournal(db);
  } finally {
    db.close();
  }
}
