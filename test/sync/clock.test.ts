// A till whose clock is 20 minutes slow still syncs (it signs with the server's time, learned from
// the first answer), its entries keep both times, and the server flags the skew for staff once.
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
beforeAll(async () => {
  serverDir = tempDir('clock');
  server = await startServer({ port: 0, dataDir: serverDir, demo: true });
  till = await enrolTill(
    server.url,
    (JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as { pairing_code: string })
      .pairing_code,
  );
});
afterAll(() => server.close());

describe('a till with a wrong clock', () => {
  it('syncs anyway, keeps both times, and is flagged once', async () => {
    const realNow = Date.now;
    const slow = (): number => realNow() - 20 * 60_000;
    const spy = vi.spyOn(Date, 'now').mockImplementation(slow);
    try {
      completeSale(
        till.db,
        till.who,
        till.cashier,
        {
          lines: [{ product_id: 'S01-V006', entry: { kind: 'count', count: 1 }, discount_fen: 0 }],
          sale_discount_fen: 0,
          tenders: [{ kind: 'cash', tendered_fen: 2000 }],
        },
        slow(),
      );
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
    const flags = db.prepare("SELECT detail FROM sync_flag WHERE kind = 'clock_skew'").all() as {
      detail: string;
    }[];
    db.close();
    expect(entry.received_ms - entry.at_ms).toBeGreaterThan(19 * 60_000);
    expect(flags).toEqual([{ detail: "the till's clock is 20 min behind the server's" }]);
  });
});
