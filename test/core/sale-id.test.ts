// Idempotent sale completion: the UI names each sale with a client-made ULID; completing the same id again —
// after the core was SIGKILLed between the commit and its answer, or restarted — answers the committed sale.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newId as ulid } from '../../src-main/ids';
import { completeSale } from '../../src-main/sales/complete-sale';
import { openTerminalDb } from '../../src-main/store/db';
import { loadIdentity } from '../../src-main/sync/identity';
import { SyncWorker } from '../../src-main/sync/sync-worker';
import { DEMO_PAIRING_FILE, startServer } from '../../src-server/main';
import { enrolTill } from '../helpers/enrolled-till';
import { bundleChild, runAndKill } from '../helpers/kill-child';
import { tempDir } from '../helpers/temp';
import { openTill, pieces } from '../helpers/till';

const sale = (sale_id: string, count = 2, product = 'P-GAR') => ({
  sale_id,
  lines: [pieces(product, count)],
  sale_discount_fen: 0,
  tenders: [{ kind: 'cash' as const, tendered_fen: 50_000 }],
});
const counts = (db: ReturnType<typeof openTill>['db']) =>
  db
    .prepare(
      "SELECT (SELECT COUNT(*) FROM sale) AS sales, (SELECT COUNT(*) FROM journal WHERE type = 'sale.completed') AS entries",
    )
    .get();

describe('a sale named by the client', () => {
  it('a SIGKILL between commit and answer, then a retry of the same sale id, answers the committed sale once', async () => {
    const prepared = openTill();
    prepared.close();
    const id = ulid(Date.now());
    const child = await bundleChild('test/core/sale-id-child.ts');
    await runAndKill(child, [prepared.dir, id], 0);
    const till = openTill({ dir: prepared.dir });
    try {
      const first = till.db.prepare('SELECT receipt_no FROM sale WHERE id = ?').get(id) as {
        receipt_no: string;
      };
      const retry = completeSale(till.db, till.who, till.cashier, sale(id), Date.now());
      expect(retry).toMatchObject({
        sale_id: id,
        receipt_no: first.receipt_no,
        total_fen: 3000,
        change_fen: 47_000,
        replayed: true,
      });
      // One sale and one journal entry — what the server will receive.
      expect(counts(till.db)).toEqual({ sales: 1, entries: 1 });
      // The same id with another cart is refused, and writes nothing.
      expect(() =>
        completeSale(
          till.db,
          till.who,
          till.cashier,
          { ...sale(id), lines: [pieces('P-CAB', 1)] },
          Date.now(),
        ),
      ).toThrow(expect.objectContaining({ code: 'conflict' }));
      expect(counts(till.db)).toEqual({ sales: 1, entries: 1 });
      // A new id is a new sale.
      expect(completeSale(till.db, till.who, till.cashier, sale(ulid(Date.now())), Date.now()).replayed).toBe(
        false,
      );
      expect(counts(till.db)).toEqual({ sales: 2, entries: 2 });
    } finally {
      till.close();
    }
  });

  it('after the SIGKILL and the retry, the server has exactly one sale with that id once synced', async () => {
    const serverDir = tempDir('sale-id-server');
    const server = await startServer({ port: 0, dataDir: serverDir, demo: true });
    try {
      const { pairing_code } = JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as {
        pairing_code: string;
      };
      const enrolled = await enrolTill(server.url, pairing_code);
      enrolled.db.close();
      const id = ulid(Date.now());
      const child = await bundleChild('test/core/sale-id-child.ts');
      // The core commits the sale and dies before it answers the UI.
      await runAndKill(child, [enrolled.dir, id, 'S01-V006'], 0);
      const db = openTerminalDb(enrolled.dir);
      let receiptNo = '';
      try {
        const who = loadIdentity(db);
        if (!who) throw new Error('identity lost');
        const committed = db.prepare('SELECT receipt_no, total_fen FROM sale WHERE id = ?').get(id) as {
          receipt_no: string;
          total_fen: number;
        };
        receiptNo = committed.receipt_no;
        // The UI asks again under the same id (after the core restarted): the committed sale answers.
        const retry = completeSale(db, who, enrolled.cashier, sale(id, 2, 'S01-V006'), Date.now());
        expect(retry).toMatchObject({ sale_id: id, receipt_no: committed.receipt_no, replayed: true });
        const worker = new SyncWorker(db, server.url, enrolled.auth, () => {});
        for (let i = 0; i < 20 && worker.status().queue_depth > 0; i++) await worker.runOnce(1);
        expect(worker.status().queue_depth).toBe(0);
        // A retry after sync is still the same sale, and sends nothing new.
        expect(completeSale(db, who, enrolled.cashier, sale(id, 2, 'S01-V006'), Date.now()).replayed).toBe(
          true,
        );
        expect(worker.status().queue_depth).toBe(0);
      } finally {
        db.close();
      }
      const sdb = new Database(join(serverDir, 'server.sqlite'), { readonly: true });
      try {
        // Exactly one sale under that id and that receipt number (the demo may hold other sales).
        expect(
          sdb.prepare('SELECT id, receipt_no FROM sale WHERE id = ? OR receipt_no = ?').all(id, receiptNo),
        ).toEqual([{ id, receipt_no: receiptNo }]);
      } finally {
        sdb.close();
      }
    } finally {
      await server.close();
    }
  }, 90_000);
});
