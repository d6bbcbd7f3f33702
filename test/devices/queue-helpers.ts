/** Shared set-up for the print queue tests: a real SQLite file with the print_job schema, a real printer driver over TCP. */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReceiptDoc } from '../../shared/receipt/model';
import { SAMPLE_CASH_RECEIPT } from '../../shared/receipt/samples';
import { createPrinter } from '../../src-main/devices/printer/driver';
import { PROFILES } from '../../src-main/devices/printer/profiles';
import { tcpTransport } from '../../src-main/devices/printer/transport-tcp';
import type { Db } from '../../src-main/store/db';
import { migrate } from '../../src-main/store/db';
import * as m001 from '../../src-main/store/migrations/001-init';

/** print_job is defined by migration 001; later migrations (the core's) do not touch it. */
export function openQueueDb(): { db: Db; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'mt-queue-'));
  const db = new Database(join(dir, 'terminal.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  migrate(db, [m001]);
  return {
    db,
    cleanup: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tcpPrinter(port: number) {
  return createPrinter({
    connect: tcpTransport({ host: '127.0.0.1', port, connectTimeoutMs: 500 }),
    profile: PROFILES['generic-58'],
    statusTimeoutMs: 200,
    confirmPollMs: 20,
    confirmMsMax: 1000,
  });
}

export const FAST = { retryDelayMsMin: 20, retryDelayMsMax: 100 } as const;

/** Cash receipts T01-000201, T01-000202, … (same length, so every job has the same size). */
export function receipts(n: number): ReceiptDoc[] {
  return Array.from({ length: n }, (_, i) => ({
    ...SAMPLE_CASH_RECEIPT,
    receipt_no: `T01-${String(201 + i).padStart(6, '0')}`,
  }));
}

export function receiptNo(text: string): string | null {
  return /T01-\d{6}/.exec(text)?.[0] ?? null;
}

export async function until(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
