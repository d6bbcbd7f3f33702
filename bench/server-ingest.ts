/**
 * server-ingest: terminal journal entries applied per second by the server's
 * ingest (hash-chain check, sale projection, ledger posting, journal store),
 * on SQLite and on PostgreSQL in one run. Entries are 2-line cash sales in
 * batches of 500, as a terminal pushes them. Baseline per dialect, in the same
 * run: the same entries inserted raw into the journal table, one transaction
 * per batch — the ratio says what projections and checks cost.
 * PostgreSQL: a throwaway database created and dropped here, on MT_TEST_PG_URL or else on a cluster
 * started for this run as the tests do (test/setup/postgres.ts), with PostgreSQL's durable defaults.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { migrateServerDb, openServerDb, type ServerDb } from '../src-server/db/database';
import { seedDemo } from '../src-server/demo/seed';
import { ingestBatch } from '../src-server/sync/ingest';
import { createTerminal } from '../src-server/terminals/terminals';
import type { JournalEntryWire } from '../shared/sync/push';
import { tempDir } from '../test/helpers/temp';
import { startTestPostgres } from '../test/setup/postgres';
import { JournalBuilder, cashSale } from '../test/server/helpers/journal';
import { median, report, round } from './lib/stats';

const ENTRIES = 5_000;
const BATCH = 500;
const REPS = 3;
const cluster = process.env.MT_TEST_PG_URL ? null : await startTestPostgres({ durable: true });
const PG_ADMIN_URL = cluster?.url ?? String(process.env.MT_TEST_PG_URL);

async function admin(text: string): Promise<void> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

function journal(terminalId: string): JournalEntryWire[][] {
  const j = new JournalBuilder();
  const entries = Array.from({ length: ENTRIES }, (_, i) =>
    j.next(
      'sale.completed',
      cashSale(`${terminalId}-S${i}`, `${terminalId}-20260315-${i}`, '20260315', [300 + (i % 50), 768]),
    ),
  );
  const batches: JournalEntryWire[][] = [];
  for (let i = 0; i < entries.length; i += BATCH) batches.push(entries.slice(i, i + BATCH));
  return batches;
}

async function ingestRun(db: ServerDb): Promise<number> {
  const t = await createTerminal(db, 'S01', 'bench', Date.now());
  const batches = journal(t.terminal_id);
  const t0 = performance.now();
  for (const b of batches) await ingestBatch(db, { id: t.terminal_id, stall_id: 'S01' }, b, Date.now());
  return ENTRIES / ((performance.now() - t0) / 1000);
}

async function baselineRun(db: ServerDb): Promise<number> {
  const t = await createTerminal(db, 'S01', 'bench-raw', Date.now());
  const batches = journal(t.terminal_id);
  const now = Date.now();
  const t0 = performance.now();
  for (const b of batches) {
    await db.transaction().execute(async (trx) => {
      for (const e of b)
        await trx
          .insertInto('journal_entry')
          .values({ terminal_id: t.terminal_id, ...e, received_ms: now, flag: null })
          .execute();
    });
  }
  return ENTRIES / ((performance.now() - t0) / 1000);
}

async function measure(
  label: string,
  dbUrl: string | undefined,
): Promise<{ per_s: number; baseline_per_s: number }> {
  const dir = tempDir(`bench-ingest-${label}`);
  const { db } = openServerDb({ dataDir: dir, dbUrl });
  try {
    await migrateServerDb(db);
    await seedDemo(db, Date.now());
    const ingest: number[] = [];
    const base: number[] = [];
    for (let r = 0; r < REPS; r++) {
      base.push(await baselineRun(db));
      ingest.push(await ingestRun(db));
    }
    const per_s = median(ingest);
    const baseline_per_s = median(base);
    console.log(
      `${label}: ${Math.round(per_s)} entries/s applied (median of ${REPS} × ${ENTRIES}), raw journal inserts ${Math.round(baseline_per_s)}/s, ratio ${round(per_s / baseline_per_s)}`,
    );
    return { per_s, baseline_per_s };
  } finally {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

const sqlite = await measure('sqlite', undefined);
const name = `mt_bench_${randomBytes(6).toString('hex')}`;
await admin(`CREATE DATABASE ${name}`);
let postgres: { per_s: number; baseline_per_s: number };
try {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${name}`;
  postgres = await measure('postgres', u.toString());
} finally {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await cluster?.stop();
}
console.log(
  `PostgreSQL applies ${round(postgres.per_s / sqlite.per_s)}× SQLite's rate (goal: within 2×, i.e. ≥ 0.5)`,
);
report({
  bench: 'server-ingest',
  sqlite_entries_per_s: Math.round(sqlite.per_s),
  postgres_entries_per_s: Math.round(postgres.per_s),
  pg_to_sqlite: round(postgres.per_s / sqlite.per_s),
  sqlite_baseline_per_s: Math.round(sqlite.baseline_per_s),
  postgres_baseline_per_s: Math.round(postgres.baseline_per_s),
  sqlite_ratio: round(sqlite.per_s / sqlite.baseline_per_s),
  postgres_ratio: round(postgres.per_s / postgres.baseline_per_s),
  entries: ENTRIES,
  batch: BATCH,
  reps: REPS,
});
