// Background jobs: claimed from the database, run exactly once, retried with backoff, given up after a
// limit — on both dialects with two competing workers, and on PostgreSQL with two server processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerDb } from '../../src-server/db/database';
import { JOB_KINDS, housekeepingJobId } from '../../src-server/jobs/handlers';
import type { JobKind } from '../../src-server/jobs/worker';
import { createServices } from '../../src-server/services';
import { postEntry, type LedgerEvent } from '../../src-server/ledger/post';
import { enqueueJob, JOB_MAX_ATTEMPTS } from '../../src-server/jobs/queue';
import { startJobWorker } from '../../src-server/jobs/worker';
import { describeEachDialect, freshDb, type FreshDb } from './helpers/dialects';

const DAY = '20260315';
const ledgerJob = (i: number): LedgerEvent => ({
  idem_key: `job-${i}`,
  txn_type: 'sale_cash',
  business_day: DAY,
  stall_id: 'S01',
  amount_fen: 100 + i,
});
/** A job whose effect is visible (a ledger entry per job), to see that effects commit once with the done mark. */
const postJob: JobKind = {
  transactional: true,
  run: async (trx, payload, { now_ms }) => void (await postEntry(trx, payload as LedgerEvent, now_ms)),
};
const KINDS = { ...JOB_KINDS, 'test.post': postJob };
const services = createServices();

async function runsPerJob(f: FreshDb): Promise<Map<string, number>> {
  const rows = await f.db.selectFrom('job_run').select(['job_id', 'ok']).execute();
  const m = new Map<string, number>();
  for (const r of rows) if (r.ok === 1) m.set(r.job_id, (m.get(r.job_id) ?? 0) + 1);
  return m;
}

describeEachDialect('jobs', (dialect) => {
  let f: FreshDb;
  beforeAll(async () => {
    f = await freshDb(dialect);
  });
  afterAll(() => f.drop());

  it('two competing workers (on PostgreSQL with separate pools) run every job exactly once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) ids.push(await enqueueJob(f.db, 'test.post', ledgerJob(i), Date.now()));
    // PostgreSQL: a second pool, as a second process would have. SQLite: one connection per process by design.
    const second = dialect === 'postgres' ? openServerDb({ dataDir: f.dataDir, dbUrl: f.dbUrl }).db : null;
    const w1 = startJobWorker({ db: f.db, worker_id: 'w1', services, kinds: KINDS, batch: 5 }, false);
    const w2 = startJobWorker(
      { db: second ?? f.db, worker_id: 'w2', services, kinds: KINDS, batch: 5 },
      false,
    );
    const drain = async (w: typeof w1) => {
      while ((await w.runOnce()) > 0);
    };
    await Promise.all([drain(w1), drain(w2)]);
    await second?.destroy();
    const runs = await runsPerJob(f);
    expect(ids.every((id) => runs.get(id) === 1)).toBe(true);
    const entries = await f.db
      .selectFrom('ledger_entry')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('idem_key', 'like', 'job-%')
      .executeTakeFirstOrThrow();
    expect(Number(entries.n)).toBe(120);
  });

  it('housekeeping is enqueued once per period however many processes ask, and prunes expired sessions', async () => {
    const now = Date.now();
    await f.db
      .insertInto('staff_user')
      .values({ id: 'HK', username: 'hk', password_hash: 'x', role: 'admin', stall_id: null })
      .execute();
    await f.db
      .insertInto('staff_session')
      .values({ id_hash: 'old', staff_id: 'HK', csrf_token: 'c', created_ms: 1, expires_ms: 2 })
      .execute();
    await f.db
      .insertInto('staff_session')
      .values({ id_hash: 'live', staff_id: 'HK', csrf_token: 'c', created_ms: now, expires_ms: now + 60_000 })
      .execute();
    await enqueueJob(f.db, 'housekeeping', {}, now, { id: housekeepingJobId(now) });
    await enqueueJob(f.db, 'housekeeping', {}, now, { id: housekeepingJobId(now) });
    const w = startJobWorker({ db: f.db, worker_id: 'hk', services, kinds: JOB_KINDS }, false);
    expect(await w.runOnce()).toBe(1);
    expect(
      (await f.db.selectFrom('staff_session').select('id_hash').execute()).map((r) => r.id_hash),
    ).toEqual(['live']);
  });

  it('retries a failing job with backoff and gives up after the limit, keeping it', async () => {
    let clock = Date.now();
    const id = await enqueueJob(f.db, 'no.such.kind', {}, clock);
    const w = startJobWorker(
      { db: f.db, worker_id: 'w3', services, kinds: JOB_KINDS, now: () => clock },
      false,
    );
    for (let i = 0; i < JOB_MAX_ATTEMPTS; i++) {
      expect(await w.runOnce()).toBe(1);
      expect(await w.runOnce()).toBe(0); // backing off
      clock += 11 * 60_000;
    }
    const job = await f.db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'failed', attempts: JOB_MAX_ATTEMPTS });
    expect(job.last_error).toContain('no handler');
  });
});

describe('jobs across two server processes [postgres]', () => {
  let f: FreshDb;
  const procs: ChildProcess[] = [];
  const script = fileURLToPath(new URL('./fixtures/server-process.ts', import.meta.url));

  function start(worker: string): Promise<void> {
    const p = spawn(process.execPath, ['--import', 'tsx', script, f.dbUrl ?? '', worker], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    procs.push(p);
    return new Promise((resolve, reject) => {
      p.once('exit', (code) => reject(new Error(`server ${worker} exited with ${code}`)));
      createInterface({ input: p.stdout! }).on('line', (l) => l.startsWith('ready ') && resolve());
    });
  }

  beforeAll(async () => {
    f = await freshDb('postgres');
    await Promise.all([start('proc-a'), start('proc-b')]);
  }, 60_000);
  afterAll(async () => {
    for (const p of procs) {
      p.removeAllListeners('exit');
      p.kill('SIGTERM');
    }
    await Promise.all(procs.map((p) => (p.exitCode === null ? new Promise((r) => p.once('exit', r)) : null)));
    await f.drop();
  });

  it('every job runs exactly once, and both processes take part', async () => {
    const n = 200;
    const ids: string[] = [];
    // The processes run the server's own kinds: housekeeping under distinct ids, one run each.
    for (let i = 0; i < n; i++)
      ids.push(await enqueueJob(f.db, 'housekeeping', {}, Date.now(), { id: `hk-test-${i}` }));
    const deadline = Date.now() + 30_000;
    for (;;) {
      const left = await f.db
        .selectFrom('job')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '!=', 'done')
        .executeTakeFirstOrThrow();
      if (Number(left.n) === 0) break;
      if (Date.now() > deadline) throw new Error(`${left.n} jobs not done in time`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const runs = await runsPerJob(f);
    expect(ids.filter((id) => runs.get(id) !== 1)).toEqual([]);
    const failed = await f.db.selectFrom('job_run').select('id').where('ok', '=', 0).execute();
    expect(failed).toEqual([]);
    const byWorker = await f.db
      .selectFrom('job_run')
      .select(['worker', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('worker')
      .execute();
    expect(byWorker.map((w) => w.worker).sort()).toEqual(['proc-a', 'proc-b']);
  }, 60_000);
});
