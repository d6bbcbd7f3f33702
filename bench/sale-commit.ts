/**
 * sale-commit: full sale commits (3 lines, cash tender, journal entry, print job) per second,
 * against raw single-row SQLite commits with the same pragmas (WAL, synchronous=FULL), measured
 * in the same run in alternating rounds; the ratio is the number that travels between machines.
 * WAL pages per sale are counted over a run of sales with the automatic checkpoint held off.
 *
 * Then the till core with its server down rings sales through its own sale-complete call (commit,
 * print job, the sync worker's trigger, the status bar), in alternating rounds with nothing unsynced
 * and with 5,000 unsynced sales: backlog_ratio is the second rate over the first.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { completeSale } from '../src-main/sales/complete-sale';
import { openTill } from '../test/helpers/till';
import { tempDir } from '../test/helpers/temp';
import { benchCart, offlineCore } from './lib/offline-core';
import { median, percentile, report, round } from './lib/stats';

const ROUNDS = 5;
const PER_ROUND = 600;
const WAL_SALES = 500;
const BACKLOG_SALES = 5_000;
const CORE_ROUNDS = 5;
const CORE_PER_ROUND = 300;

function rawRound(db: Database.Database): number {
  const ins = db.prepare('INSERT INTO t (a, b) VALUES (?, ?)');
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) ins.run(i, 'row');
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** WAL frames (pages) written per call of `commit`, over n calls with the automatic checkpoint held off. */
function walPagesPer(db: Database.Database, n: number, commit: (i: number) => void): number {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const auto = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  db.pragma('wal_autocheckpoint = 0');
  for (let i = 0; i < n; i++) commit(i);
  const [frames] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[];
  db.pragma(`wal_autocheckpoint = ${auto}`);
  return (frames?.log ?? NaN) / n;
}

const rawDir = tempDir('bench-raw');
const raw = new Database(join(rawDir, 'raw.sqlite'));
raw.pragma('journal_mode = WAL');
raw.pragma('synchronous = FULL');
raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a INTEGER NOT NULL, b TEXT NOT NULL) STRICT');

const till = openTill();
let at = Date.UTC(2026, 10, 25, 2);
const saleLatencies: number[] = [];
let sold = 0;
const sell = (): void => {
  completeSale(till.db, till.who, till.cashier, benchCart(sold++), at++);
};
function saleRound(): number {
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) {
    const s0 = process.hrtime.bigint();
    sell();
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
const rawPages = walPagesPer(raw, WAL_SALES, (i) =>
  raw.prepare('INSERT INTO t (a, b) VALUES (?, ?)').run(i, 'row'),
);
const salePages = walPagesPer(till.db, WAL_SALES, sell);
raw.close();
till.close();
console.log(
  `raw single-row commits (WAL, synchronous=FULL): ${Math.round(rawRate)}/s (median of ${ROUNDS} rounds × ${PER_ROUND}), ${round(rawPages, 1)} WAL pages each`,
);
console.log(
  `full sale commits (3 lines, cash, journal, print job): ${Math.round(saleRate)}/s, ${round(salePages, 1)} WAL pages each (over ${WAL_SALES})`,
);
console.log(
  `ratio sale/raw: ${round(saleRate / rawRate)}; sale latency p50 ${round(percentile(sorted, 50), 3)} ms, p99 ${round(percentile(sorted, 99), 3)} ms over ${sorted.length} sales`,
);

// The core with its server down: nothing unsynced against BACKLOG_SALES unsynced, alternating rounds.
const core = await offlineCore(BACKLOG_SALES);
const emptyRates: number[] = [];
const backlogRates: number[] = [];
const coreLatencies: number[] = [];
await core.ring(CORE_PER_ROUND);
let backlogSeen = 0;
for (let r = 0; r < CORE_ROUNDS; r++) {
  core.setBacklog(0);
  const empty = await core.ring(CORE_PER_ROUND);
  emptyRates.push(CORE_PER_ROUND / empty.seconds);
  coreLatencies.push(...empty.latencies);
  core.setBacklog(BACKLOG_SALES);
  backlogSeen = core.unsynced();
  const backlog = await core.ring(CORE_PER_ROUND);
  backlogRates.push(CORE_PER_ROUND / backlog.seconds);
}
await core.close();
const emptyRate = median(emptyRates);
const backlogRate = median(backlogRates);
const coreSorted = coreLatencies.sort((a, b) => a - b);
console.log(
  `till core, server down, sale-complete call: ${Math.round(emptyRate)}/s with nothing unsynced, ${Math.round(backlogRate)}/s with ${BACKLOG_SALES} sales unsynced (${backlogSeen} entries; median of ${CORE_ROUNDS} rounds × ${CORE_PER_ROUND}); p99 ${round(percentile(coreSorted, 99), 3)} ms`,
);
console.log(`backlog_ratio: ${round(backlogRate / emptyRate)}`);
report({
  bench: 'sale-commit',
  raw_commits_per_s: Math.round(rawRate),
  sale_commits_per_s: Math.round(saleRate),
  ratio: round(saleRate / rawRate),
  sale_p50_ms: round(percentile(sorted, 50), 3),
  sale_p99_ms: round(percentile(sorted, 99), 3),
  wal_pages_per_sale: round(salePages, 1),
  raw_wal_pages_per_commit: round(rawPages, 1),
  core_sales_per_s: Math.round(emptyRate),
  core_backlog_sales_per_s: Math.round(backlogRate),
  backlog_ratio: round(backlogRate / emptyRate),
});
