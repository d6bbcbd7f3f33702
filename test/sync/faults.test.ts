// Sync through a faulty network: 5,000 sales pushed through a TCP proxy that drops, cuts, delays and
// blackholes at least 20% of requests. Afterwards the server holds every entry exactly once, in order,
// with the chain verified, and the terminal's acked seq equals the server's.
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../shared/journal/canonical';
import { chainHash, journalAfter } from '../../src-main/journal/journal';
import { completeSale } from '../../src-main/sales/complete-sale';
import { SyncWorker } from '../../src-main/sync/sync-worker';
import { DEMO_PAIRING_FILE, startServer, type RunningServer } from '../../src-server/main';
import { FAULTS, startFaultProxy, type Fault, type FaultProxy } from '../emulators/fault-proxy/fault-proxy';
import { enrolTill, type EnrolledTill } from '../helpers/enrolled-till';
import { tempDir } from '../helpers/temp';

const SALES = 5000;
let server: RunningServer;
let serverDir: string;
let proxy: FaultProxy;
let till: EnrolledTill;

beforeAll(async () => {
  serverDir = tempDir('faults-server');
  server = await startServer({ port: 0, dataDir: serverDir, demo: true });
  const { pairing_code } = JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as {
    pairing_code: string;
  };
  till = await enrolTill(server.url, pairing_code);
  const [cabbage, tomato, garlic] = ['S01-V001', 'S01-V003', 'S01-V006'];
  const t0 = Date.now() - 3_600_000;
  for (let i = 0; i < SALES; i++) {
    completeSale(
      till.db,
      till.who,
      till.cashier,
      {
        lines: [
          {
            product_id: cabbage!,
            entry: { kind: 'weight', gross_g: 500 + (i % 977), tare_g: 0 },
            discount_fen: 0,
          },
          {
            product_id: tomato!,
            entry: { kind: 'weight', gross_g: 250 + (i % 613), tare_g: 30 },
            discount_fen: 0,
          },
          { product_id: garlic!, entry: { kind: 'count', count: 1 + (i % 4) }, discount_fen: 0 },
        ],
        sale_discount_fen: 0,
        tenders: [{ kind: 'cash', tendered_fen: 100_000 }],
      },
      t0 + i * 500,
    );
  }
  proxy = await startFaultProxy({ host: '127.0.0.1', port: Number(new URL(server.url).port) });
}, 180_000);

afterAll(async () => {
  await proxy?.close();
  await server?.close();
  till?.db.close();
});

describe('sync through network faults', () => {
  it('delivers every entry exactly once, in order, with the chain intact', async () => {
    const faults = fc.sample(
      fc.oneof(
        { weight: 70, arbitrary: fc.constant<Fault>('none') },
        { weight: 30, arbitrary: fc.constantFrom<Fault>(...FAULTS.filter((f) => f !== 'none')) },
      ),
      { numRuns: 100_000, seed: 4242 },
    );
    let n = 0;
    proxy.setPolicy(() => faults[n++ % faults.length] ?? 'none');
    const worker = new SyncWorker(till.db, proxy.url, till.auth, () => {}, {
      batchEntries: 40,
      requestTimeoutMs: 1_000,
    });
    const total = (till.db.prepare('SELECT COUNT(*) AS n FROM journal').get() as { n: number }).n;
    let rounds = 0;
    while (!(await worker.runOnce()) || worker.status().queue_depth > 0) {
      if (++rounds > 2_000)
        throw new Error(`not drained after ${rounds} rounds: ${JSON.stringify(worker.status())}`);
    }
    await worker.stop();

    const requests = Object.values(proxy.counts).reduce((a, b) => a + b, 0);
    const faulted = requests - proxy.counts.none;
    expect(faulted / requests).toBeGreaterThanOrEqual(0.2);
    for (const f of FAULTS) expect(proxy.counts[f]).toBeGreaterThan(0);

    const sdb = new Database(join(serverDir, 'server.sqlite'), { readonly: true });
    const stored = sdb
      .prepare(
        'SELECT seq, id, type, at_ms, payload, prev_hash, hash FROM journal_entry WHERE terminal_id = ? ORDER BY seq',
      )
      .all(till.who.terminal_id) as ReturnType<typeof journalAfter>;
    const sales = sdb
      .prepare('SELECT COUNT(*) AS n, COUNT(DISTINCT receipt_no) AS d FROM sale WHERE terminal_id = ?')
      .get(till.who.terminal_id);
    sdb.close();
    expect(stored).toHaveLength(total);
    let prev = GENESIS_HASH;
    stored.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.prev_hash).toBe(prev);
      expect(chainHash(prev, e)).toBe(e.hash);
      prev = e.hash;
    });
    expect(stored).toEqual(journalAfter(till.db, 0, total + 1));
    expect(sales).toEqual({ n: SALES, d: SALES });
    expect(worker.ackedSeq()).toBe(total);
    console.log(
      `faults test: ${requests} requests, ${faulted} faulted (${Math.round((100 * faulted) / requests)}%): ${JSON.stringify(proxy.counts)}`,
    );
  }, 300_000);
});
