/**
 * sale-commit: full sale commits (3 lines, cash tender, journal entry, print job) per second,
 * against raw single-row SQLite commits with the same pragmas (WAL, synchronous=FULL), measured
 * in the same run in alternating rounds; the ratio is the number that travels between machines.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { completeSale } from '../src-main/sales/complete-sale';
import { openTill, pieces, weight } from '../test/helpers/till';
import { tempDir } from '../test/helpers/temp';
import { median, percentile, report, round } from './lib/stats';

const ROUNDS = 5;
const PER_ROUND = 600;

function rawRound(db: Database.Database): number {
  const ins = db.prepare('INSERT INTO t (a, b) VALUES (?, ?)');
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) ins.run(i, 'row');
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

const rawDir = tempDir('bench-raw');
const raw = new Database(join(rawDir, 'raw.sqlite'));
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = FULL');
raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b TEXT NOT NULL) STRICT');

const till = openTill();
let at = Date.UTC(2026, 10, 25, 2);
const saleLatencies: number[] = [];
function saleRound(): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) {
    const s0 = process.hrtime.bigint();
    completeSale(
      till.db,
      till.who,
      till.cashier,
      {
        lines: [
          weight('P-CAB', 1000 + (i % 500)),
          weight('P-TOM', 800 + (i % 300), 50),
          pieces('P-GAR', 1 + (i % 3)),
        ],
        sale_discount_fen: 0,
        tenders: [{ kind: 'cash', tendered_fen: 100_000 }],
      },
      at++,
    );
    saleLatencies.push(Number(process.hrtime.bigint() - s0) / 1e6);
  }
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

// Warm up both paths (statement caches, WAL file growth).
rawRound(raw);
saleRound();
saleLatencies.length = 0;
const rawRates: number[] = [];
const saleRates: number[] = [];
for (let r = 0; r < ROUNDS; r++) {
  rawRates.push(PER_ROUND / rawRound(raw));
  saleRates.push(PER_ROUND / saleRound());
}
const rawRate = median(rawRates);
const saleRate = median(saleRates);
const sorted = [...saleLatencies].sort((a, b) => a - b);
console.log(
  `raw single-row commits (WAL, synchronous=FULL): ${Math.round(rawRate)}/s (median of ${ROUNDS} rounds × ${PER_ROUND})`,
);
console.log(`full sale commits (3 lines, cash, journal, print job): ${Math.round(saleRate)}/s`);
console.log(
  `ratio sale/raw: ${round(saleRate / rawRate)}; sale latency p50 ${round(percentile(sorted, 50), 3)} ms, p99 ${round(percentile(sorted, 99), 3)} ms over ${sorted.length} sales`,
);
report({
  bench: 'sale-commit',
  raw_commits_per_s: Math.round(rawRate),
  sale_commits_per_s: Math.round(saleRate),
  ratio: round(saleRate / rawRate),
  sale_p50_ms: round(percentile(sorted, 50), 3),
  sale_p99_ms: round(percentile(sorted, 99), 3),
});
raw.close();
till.close();
