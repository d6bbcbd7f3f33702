/**
 * sync-drain: a backlog of 10,000 realistic sales (600–900 bytes each) drained from a terminal to the
 * server on loopback — signed requests, chain verification, projections — against, in the same run,
 * the same rows pushed by a naive batched HTTP insert into SQLite with the same pragmas. The worker
 * pushes with its production bounds (2,000 entries / 4 MB; SYNC_BATCH=500 to compare at the
 * baseline's batch size); the baseline keeps its batches of 500. After the drain the server's
 * database is read to check it holds every sale, with no entry flagged.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { spawnRole } from '../bin/cli/children';
import { journalAfter } from '../src-main/journal/journal';
import { completeSale } from '../src-main/sales/complete-sale';
import { tx } from '../src-main/store/sql';
import { SyncWorker } from '../src-main/sync/sync-worker';
import { MAX_PUSH_ENTRIES } from '../shared/sync/push';
import { DEMO_PAIRING_FILE } from '../src-server/main';
import { enrolTill } from '../test/helpers/enrolled-till';
import { tempDir } from '../test/helpers/temp';
import { report, round } from './lib/stats';

const SALES = Number(process.env.SALES ?? 10_000);
/** The naive baseline's batches (BENCHMARKS.md). */
const BATCH = 500;
/** The sync worker pushes with its own bounds (MAX_PUSH_ENTRIES / MAX_PUSH_BYTES) unless SYNC_BATCH says otherwise. */
const SYNC_BATCH = process.env.SYNC_BATCH ? Number(process.env.SYNC_BATCH) : MAX_PUSH_ENTRIES;

async function main(): Promise<void> {
  const serverDir = tempDir('bench-drain');
  const server = await spawnRole('server', ['--port', '0', '--data', serverDir, '--demo']);
  try {
    const { pairing_code } = JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as {
      pairing_code: string;
    };
    const till = await enrolTill(server.url, pairing_code);
    const t0 = Date.now() - SALES * 1000;
    tx(till.db, () => {
      for (let i = 0; i < SALES; i++) {
        const lines = [
          {
            product_id: 'S01-V001',
            entry: { kind: 'weight' as const, gross_g: 800 + (i % 4000), tare_g: 0 },
            discount_fen: 0,
          },
        ];
        if (i % 2 === 0)
          lines.push({
            product_id: 'S01-V003',
            entry: { kind: 'weight' as const, gross_g: 300 + (i % 900), tare_g: 0 },
            discount_fen: 0,
          });
        completeSale(
          till.db,
          till.who,
          till.cashier,
          { lines, sale_discount_fen: 0, tenders: [{ kind: 'cash', tendered_fen: 100_000 }] },
          t0 + i * 1000,
        );
      }
    });
    const entries = journalAfter(till.db, 0, SALES + 10).filter((e) => e.type === 'sale.completed');
    const sizes = entries.map((e) => e.payload.length).sort((a, b) => a - b);
    console.log(
      `backlog: ${entries.length} sales, payload ${sizes[0]}–${sizes.at(-1)} bytes (median ${sizes[Math.floor(sizes.length / 2)]})`,
    );

    const worker = new SyncWorker(till.db, server.url, till.auth, () => {}, { batchEntries: SYNC_BATCH });
    const d0 = process.hrtime.bigint();
    while (!(await worker.runOnce()) || worker.status().queue_depth > 0) {
      /* runOnce drains; loop only on a failed push */
    }
    const drainS = Number(process.hrtime.bigint() - d0) / 1e9;
    console.log(serverHolds(serverDir));

    const baselineS = await naiveBaseline(entries.map((e) => e.payload));
    const salesPerS = SALES / drainS;
    const baselinePerS = SALES / baselineS;
    console.log(
      `MarketTill sync: ${SALES} sales in ${round(drainS, 3)} s = ${Math.round(salesPerS)} sales/s (batches of up to ${SYNC_BATCH}, signed, chain-verified, projected)`,
    );
    console.log(
      `naive batched HTTP insert into SQLite (batches of ${BATCH}): ${Math.round(baselinePerS)} rows/s; ratio ${round(salesPerS / baselinePerS)}`,
    );
    report({
      bench: 'sync-drain',
      sales: SALES,
      sync_batch: SYNC_BATCH,
      drain_s: round(drainS, 3),
      sales_per_s: Math.round(salesPerS),
      baseline_per_s: Math.round(baselinePerS),
      ratio: round(salesPerS / baselinePerS),
    });
    till.db.close();
  } finally {
    await server.stop();
  }
}

/** What the server stored, read from its database after the drain: every sale projected, nothing flagged. */
function serverHolds(serverDir: string): string {
  const db = new Database(join(serverDir, 'server.sqlite'), { readonly: true });
  const count = (sql: string): number => (db.prepare(sql).get() as { n: number }).n;
  const held = {
    sales: count('SELECT COUNT(*) AS n FROM sale'),
    postings: count('SELECT COUNT(*) AS n FROM ledger_posting'),
    flagged: count('SELECT COUNT(*) AS n FROM journal_entry WHERE flag IS NOT NULL'),
  };
  db.close();
  if (held.sales !== SALES || held.flagged !== 0)
    throw new Error(`the server holds ${JSON.stringify(held)}, expected ${SALES} sales and no flags`);
  return `server holds ${held.sales} sales, ${held.postings} ledger postings, ${held.flagged} flagged entries`;
}

/** The baseline: a child process with a bare HTTP server inserting each batch in one transaction. */
async function naiveBaseline(payloads: string[]): Promise<number> {
  const dir = tempDir('bench-naive');
  const child = spawn(process.execPath, ['--import', 'tsx', import.meta.filename, '--naive-server', dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) =>
    child.stdout.once('data', (d: Buffer) => resolve(d.toString().trim())),
  );
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < payloads.length; i += BATCH) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payloads.slice(i, i + BATCH).map((p, k) => ({ seq: i + k + 1, payload: p }))),
    });
    if (!res.ok) throw new Error(`naive server: ${res.status}`);
  }
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  child.kill();
  return s;
}

function naiveServer(dir: string): void {
  const db = new Database(join(dir, 'naive.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE doc (seq INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT');
  const ins = db.prepare('INSERT INTO doc (seq, payload) VALUES (?, ?)');
  const batch = db.transaction((docs: { seq: number; payload: string }[]) => {
    for (const d of docs) ins.run(d.seq, d.payload);
  });
  const srv = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      batch(JSON.parse(Buffer.concat(chunks).toString()) as { seq: number; payload: string }[]);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  srv.listen(0, '127.0.0.1', () => {
    const a = srv.address();
    process.stdout.write(`http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}\n`);
  });
}

if (process.argv[2] === '--naive-server') naiveServer(process.argv[3] ?? '.');
else await main();
