// A till whose clock is 20 minutes slow still syncs (it signs with the server's time, learned from
// the first answer), its entries keep both times, and the server flags the skew for staff once.
// A till whose clock is right but whose request reached the server minutes late (a loaded server)
// is not flagged: the skew is the till's own clock against the server time it signed with.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { completeSale } from '../../src-main/sales/complete-sale';
import { SyncWorker } from '../../src-main/sync/sync-worker';
import { DEMO_PAIRING_FILE, startServer, type RunningServer } from '../../src-server/main';
import { enrolTill, type EnrolledTill } from '../helpers/enrolled-till';
import { tempDir } from '../helpers/temp';

let server: RunningServer;
let serverDir: string;
let till: EnrolledTill;
async function serverAndTill(): Promise<{ server: RunningServer; dir: string; till: EnrolledTill }> {
  const dir = tempDir('clock');
  const s = await startServer({ port: 0, dataDir: dir, demo: true });
  const t = await enrolTill(
    s.url,
    (JSON.parse(readFileSync(join(dir, DEMO_PAIRING_FILE), 'utf8')) as { pairing_code: string }).pairing_code,
  );
  return { server: s, dir, till: t };
}
beforeAll(async () => {
  ({ server, dir: serverDir, till } = await serverAndTill());
});
afterAll(() => server.close());

function sellOne(t: EnrolledTill, atMs: number): void {
  completeSale(
    t.db,
    t.who,
    t.cashier,
    {
      lines: [{ product_id: 'S01-V006', entry: { kind: 'count', count: 1 }, discount_fen: 0 }],
      sale_discount_fen: 0,
      tenders: [{ kind: 'cash', tendered_fen: 2000 }],
    },
    atMs,
  );
}

function skewFlags(dir: string): { detail: string }[] {
  const db = new Database(join(dir, 'server.sqlite'), { readonly: true });
  try {
    return db.prepare("SELECT detail FROM sync_flag WHERE kind = 'clock_skew'").all() as { detail: string }[];
  } finally {
    db.close();
  }
}

describe('a till with a wrong clock', () => {
  it('syncs anyway, keeps both times, and is flagged once', async () => {
    const realNow = Date.now;
    const slow = (): number => realNow() - 20 * 60_000;
    const spy = vi.spyOn(Date, 'now').mockImplementation(slow);
    try {
      sellOne(till, slow());
      const worker = new SyncWorker(till.db, server.url, till.auth, () => {}, {
        retryDelayMsMin: 1,
        retryDelayMsMax: 2,
      });
      expect(await worker.runOnce()).toBe(false); // refused as stale: but the answer's Date teaches the offset
      expect(await worker.runOnce()).toBe(true);
      expect(worker.clockOffsetMs).toBeGreaterThan(19 * 60_000);
      await worker.stop();
    } finally {
      spy.mockRestore();
    }
    const db = new Database(join(serverDir, 'server.sqlite'), { readonly: true });
    const entry = db
      .prepare("SELECT at_ms, received_ms FROM journal_entry WHERE type = 'sale.completed'")
      .get() as { at_ms: number; received_ms: number };
    db.close();
    expect(entry.received_ms - entry.at_ms).toBeGreaterThan(19 * 60_000);
    expect(skewFlags(serverDir)).toEqual([{ detail: "the till's clock is 20 min behind the server's" }]);
  });

  it('a request that reaches the server 3 minutes after it was made is not a wrong clock', async () => {
    const late = await serverAndTill();
    try {
      // The request is made (stamped and signed) 3 minutes before the server reads it: as a request queued
      // that long would be, within the signature's 5-minute window.
      const realNow = Date.now;
      const made = (): number => realNow() - 3 * 60_000;
      sellOne(late.till, made());
      const spy = vi.spyOn(Date, 'now').mockImplementation(made);
      try {
        const worker = new SyncWorker(late.till.db, late.server.url, late.till.auth, () => {}, {
          retryDelayMsMin: 1,
          retryDelayMsMax: 2,
        });
        expect(await worker.runOnce()).toBe(true);
        await worker.stop();
      } finally {
        spy.mockRestore();
      }
      expect(skewFlags(late.dir)).toEqual([]);
    } finally {
      await late.server.close();
    }
  });
});
