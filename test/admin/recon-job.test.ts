/**
 * Reconciliation through the jobs queue, on SQLite and on PostgreSQL: the morning schedule enqueues the
 * day's job once however often it ticks and a worker completes it; a staff member's run answers 202 at once
 * with the job (the same job while it is pending) and the job reaches done; an institution that cannot be
 * reached fails the attempt with its reason, is retried with backoff and, after the last attempt, leaves
 * the job failed with the reason — one run row per job throughout, and a job run again doubles nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { JobView } from '../../shared/api/jobs';
import type { ServerDb } from '../../src-server/db/database';
import { JOB_KINDS } from '../../src-server/jobs/handlers';
import { startJobWorker } from '../../src-server/jobs/worker';
import type { ReconPorts } from '../../src-server/recon/ports';
import { RECON_ATTEMPTS_MAX, enqueueScheduledRecon, reconJob } from '../../src-server/recon/job';
import { shanghaiMidnightMs } from '../../src-server/recon/days';
import { rdb } from '../../src-server/recon/schema';
import { createServices } from '../../src-server/services';
import { describeEachDialect } from '../server/helpers/dialects';
import { startTestServer, type TestServer } from '../server/helpers/server';
import { institutionDouble, seedMarketDay } from './fixtures';

const DAY = '20261120';
const BILL_DATE = '2026-11-20';
const H = 3_600_000;
/** The next morning, 11:00 in Shanghai: the schedule reconciles yesterday. */
const NEXT_MORNING_MS = shanghaiMidnightMs(BILL_DATE) + 35 * H;
const UNREACHABLE = 'connect ECONNREFUSED 127.0.0.1:1 (the institution)';

/** The double of fixtures.ts, until told the institution is gone. */
function switchable(db: ServerDb): { ports: ReconPorts; down(v: boolean): void } {
  const real = institutionDouble(db, DAY);
  let isDown = false;
  return {
    down: (v) => void (isDown = v),
    ports: {
      ...real,
      fetchBill: async (d) => (isDown ? { kind: 'unknown', message: UNREACHABLE } : real.fetchBill(d)),
    },
  };
}

const count = async (db: ServerDb, table: 'recon_run' | 'recon_item') =>
  Number(
    (
      await rdb(db)
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describeEachDialect('reconciliation through the jobs queue', (dialect) => {
  let s: TestServer;
  let inst: ReturnType<typeof switchable>;
  // The worker's clock runs ahead of the real one (the routes enqueue at the real time) past each backoff.
  let ahead = 0;
  const worker = () =>
    startJobWorker(
      {
        db: s.fresh.db,
        services: s.services,
        worker_id: `w-${dialect}`,
        kinds: JOB_KINDS,
        now: () => Date.now() + ahead,
      },
      false,
    );
  const job = async (id: string) =>
    (await s.call('finance', 'GET', `/api/v1/admin/jobs/${id}`)).body as JobView;

  beforeAll(async () => {
    s = await startTestServer(dialect, { recon: (db) => (inst = switchable(db)).ports });
    await seedMarketDay(s.fresh.db, DAY, Date.now());
  });
  afterAll(async () => {
    await s?.app.close();
    await s?.fresh.drop();
  });

  it('the schedule enqueues the day once however often it ticks, and a worker completes the job', async () => {
    expect(await enqueueScheduledRecon(s.fresh.db, shanghaiMidnightMs(BILL_DATE) + 33 * H)).toBeNull(); // 09:00: no bill yet
    const id = await enqueueScheduledRecon(s.fresh.db, NEXT_MORNING_MS);
    expect(id).toMatch(/^recon:2026-11-20:/);
    expect(await enqueueScheduledRecon(s.fresh.db, NEXT_MORNING_MS + 60_000)).toBe(id);
    expect(await worker().runOnce()).toBe(1);
    expect(await job(id ?? '')).toMatchObject({
      kind: 'recon',
      state: 'done',
      attempts: 1,
      last_error: null,
    });
    const run = await rdb(s.fresh.db).selectFrom('recon_run').selectAll().executeTakeFirstOrThrow();
    expect(run).toMatchObject({
      id,
      bill_date: BILL_DATE,
      state: 'done',
      started_by: 'schedule',
      differences: 5,
    });
    // Done: the schedule leaves the day alone.
    expect(await enqueueScheduledRecon(s.fresh.db, NEXT_MORNING_MS + 2 * H)).toBeNull();
  });

  it('a job run again (a retry, or a second worker after a lost lease) doubles nothing', async () => {
    const [runs, items] = [await count(s.fresh.db, 'recon_run'), await count(s.fresh.db, 'recon_item')];
    const run = await rdb(s.fresh.db).selectFrom('recon_run').select('id').executeTakeFirstOrThrow();
    const services = createServices({ recon: inst.ports });
    await reconJob.run(
      s.fresh.db,
      { bill_date: BILL_DATE, by: 'schedule' },
      { job_id: run.id, now_ms: Date.now(), services },
    );
    expect([await count(s.fresh.db, 'recon_run'), await count(s.fresh.db, 'recon_item')]).toEqual([
      runs,
      items,
    ]);
  });

  it('a staff run answers at once with the job (the same one while it waits), and the job reaches done', async () => {
    const r = await s.call('finance', 'POST', `/api/v1/admin/recon/days/${BILL_DATE}/run`, {});
    expect(r.status).toBe(202);
    const queued = r.body as JobView;
    expect(queued).toMatchObject({
      kind: 'recon',
      state: 'queued',
      attempts: 0,
      max_attempts: RECON_ATTEMPTS_MAX,
    });
    const again = await s.call('admin', 'POST', `/api/v1/admin/recon/days/${BILL_DATE}/run`, {});
    expect((again.body as JobView).id).toBe(queued.id);
    expect(await worker().runOnce()).toBe(1);
    expect(await job(queued.id)).toMatchObject({ state: 'done', attempts: 1, last_error: null });
    const day = (await s.call('finance', 'GET', `/api/v1/admin/recon/days/${BILL_DATE}`)).body as {
      run: { id: string; state: string; started_by: string };
    };
    expect(day.run).toMatchObject({ id: queued.id, state: 'done', started_by: 'U02' });
    expect((await s.call('owner1', 'POST', `/api/v1/admin/recon/days/${BILL_DATE}/run`, {})).status).toBe(
      403,
    );
  });

  it('an unreachable institution fails the attempt with its reason, is retried with backoff, then the job is failed', async () => {
    inst.down(true);
    const id = (
      (await s.call('finance', 'POST', `/api/v1/admin/recon/days/${BILL_DATE}/run`, {})).body as JobView
    ).id;
    const w = worker();
    for (let attempt = 1; attempt <= RECON_ATTEMPTS_MAX; attempt++) {
      expect(await w.runOnce()).toBe(1);
      const j = await job(id);
      expect(j).toMatchObject({
        state: attempt < RECON_ATTEMPTS_MAX ? 'queued' : 'failed',
        attempts: attempt,
        last_error: UNREACHABLE,
      });
      expect(await w.runOnce()).toBe(0); // backing off
      ahead += 60_000;
    }
    const runs = await rdb(s.fresh.db).selectFrom('recon_run').selectAll().where('id', '=', id).execute();
    expect(runs).toMatchObject([{ state: 'failed', error: UNREACHABLE }]);
    const attempts = await s.fresh.db
      .selectFrom('job_run')
      .select(['ok', 'error'])
      .where('job_id', '=', id)
      .execute();
    expect(attempts).toEqual(
      Array.from({ length: RECON_ATTEMPTS_MAX }, () => ({ ok: 0, error: UNREACHABLE })),
    );
    inst.down(false);
  });

  it('without an institution the run is refused and nothing is enqueued', async () => {
    const bare = await startTestServer(dialect);
    try {
      const r = await bare.call('finance', 'POST', `/api/v1/admin/recon/days/${BILL_DATE}/run`, {});
      expect(r.status).toBe(409);
      expect(await bare.fresh.db.selectFrom('job').select('id').execute()).toEqual([]);
      expect((await bare.call('finance', 'GET', '/api/v1/admin/jobs/recon:none')).status).toBe(404);
    } finally {
      await bare.app.close();
      await bare.fresh.drop();
    }
  });
});
