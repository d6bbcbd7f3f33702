// Two terminals of one stall sell offline at the same time, then sync in interleaved batches:
// the server's totals for the stall equal the sum of both tills' sales.
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSale } from '../../src-main/sales/complete-sale';
import { SyncWorker } from '../../src-main/sync/sync-worker';
import { createTerminal } from '../../src-server/terminals/terminals';
import { openServerDb } from '../../src-server/db/database';
import { DEMO_PAIRING_FILE, startServer, type RunningServer } from '../../src-server/main';
import { enrolTill, type EnrolledTill } from '../helpers/enrolled-till';
import { tempDir } from '../helpers/temp';

let server: RunningServer;
let serverDir: string;
let tills: EnrolledTill[];

beforeAll(async () => {
  serverDir = tempDir('two');
  server = await startServer({ port: 0, dataDir: serverDir, demo: true });
  const first = (
    JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as { pairing_code: string }
  ).pairing_code;
  const { db } = openServerDb({ dataDir: serverDir });
  const second = (await createTerminal(db, 'S01', '2号收银台', Date.now())).pairing_code;
  await db.destroy();
  tills = [await enrolTill(server.url, first), await enrolTill(server.url, second)];
}, 60_000);
afterAll(() => server.close());

describe('two terminals, one stall', () => {
  it('both sell offline, sync interleaved, and the stall total is the sum', async () => {
    const at = Date.now() - 600_000;
    const local = [0, 0];
    for (let i = 0; i < 120; i++) {
      const k = i % 2;
      const t = tills[k]!;
      const s = completeSale(
        t.db,
        t.who,
        t.cashier,
        {
          lines: [
            {
              product_id: 'S01-V002',
              entry: { kind: 'weight', gross_g: 700 + i * 13, tare_g: 0 },
              discount_fen: 0,
            },
            { product_id: 'S01-V006', entry: { kind: 'count', count: 1 + (i % 3) }, discount_fen: 0 },
          ],
          sale_discount_fen: i % 5,
          tenders: [{ kind: 'cash', tendered_fen: 100_000 }],
        },
        at + i * 1000,
      );
      local[k]! += s.total_fen;
    }
    const workers = tills.map((t) => new SyncWorker(t.db, server.url, t.auth, () => {}, { batchEntries: 7 }));
    // Interleave: one batch from each in turn.
    for (let round = 0; round < 100 && workers.some((w) => w.status().queue_depth > 0); round++) {
      for (const w of workers) await w.runOnce(1);
    }
    for (const w of workers) expect(w.status().queue_depth).toBe(0);
    const sdb = new Database(join(serverDir, 'server.sqlite'), { readonly: true });
    const byTerminal = sdb
      .prepare(
        'SELECT terminal_id, SUM(total_fen) AS total, COUNT(*) AS n FROM sale WHERE stall_id = ? GROUP BY terminal_id ORDER BY terminal_id',
      )
      .all('S01') as { terminal_id: string; total: number; n: number }[];
    const stall = sdb.prepare('SELECT SUM(total_fen) AS total FROM sale WHERE stall_id = ?').get('S01') as {
      total: number;
    };
    sdb.close();
    expect(byTerminal.map((r) => r.n)).toEqual([60, 60]);
    expect(new Map(byTerminal.map((r) => [r.terminal_id, r.total]))).toEqual(
      new Map(tills.map((t, i) => [t.who.terminal_id, local[i]])),
    );
    expect(stall.total).toBe(local[0]! + local[1]!);
  }, 120_000);
});
