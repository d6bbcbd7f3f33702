/**
 * Reconciliation as a kind of the jobs queue (jobs/): the morning schedule and a staff member's "run now"
 * both enqueue a `recon` job, and whichever process's worker claims it runs it. It calls the institution
 * over HTTP, so it runs outside the worker's transaction (jobs/worker.ts) and is idempotent by its own keys:
 * the job's id is its run's id, so a retried attempt runs the same run again (never a second run row),
 * differences are keyed (run.ts: a re-run never queues one twice) and marking a lost payment paid is
 * payments' own idempotent `applyPaid`.
 *
 * Bills exist from 09:00 T+1 (payments.md §1.6): from RECON_FROM_HOUR each morning yesterday is enqueued,
 * unless a run of it is done or was started recently, under an id per period so that several processes
 * asking enqueue it once.
 */
import { z } from 'zod';
import type { JobView } from '../../shared/api/jobs';
import { hourOfDay } from '../../shared/time';
import type { ServerDb } from '../db/database';
import { fastUlid } from '../db/ids';
import { enqueueJob } from '../jobs/queue';
import { jobView } from '../jobs/view';
import type { JobKind } from '../jobs/worker';
import { BILL_TIME_ZONE, billDateOf, shanghaiDayNo } from './days';
import { runRecon } from './run';
import { rdb } from './schema';

export const RECON_JOB = 'recon';
/** A failing institution is tried this many times (2 s, then 4 s apart) before the job is failed with its reason. */
export const RECON_ATTEMPTS_MAX = 3;
export const RECON_FROM_HOUR = 10;
export const RECON_SCHEDULE_EVERY_MS = 10 * 60_000;
/** A run started this recently (and not failed) is not started again by the schedule. */
export const RECON_RERUN_AFTER_MS = 60 * 60_000;

const payloadSchema = z.object({ bill_date: z.string(), by: z.string() });

export const reconJob: JobKind = {
  transactional: false,
  run: async (db, payload, { job_id, services }) => {
    const p = payloadSchema.parse(payload);
    if (!services.recon)
      throw new Error('no institution configured on this server (start it with --sim DIR)');
    const r = await runRecon(db, services.recon, p.bill_date, p.by, Date.now, job_id);
    if (r.state === 'failed') throw new Error(r.error ?? 'reconciliation failed');
  },
};

const idPrefix = (billDate: string) => `recon:${billDate}:`;

/** A staff member's run: the day's job if one is queued or running, else a new one. */
export async function enqueueRecon(
  db: ServerDb,
  billDate: string,
  by: string,
  nowMs: number,
): Promise<JobView> {
  const pending = await db
    .selectFrom('job')
    .select('id')
    .where('kind', '=', RECON_JOB)
    .where('id', 'like', `${idPrefix(billDate)}%`)
    .where('state', 'in', ['queued', 'running'])
    .orderBy('created_ms', 'desc')
    .limit(1)
    .executeTakeFirst();
  const id =
    pending?.id ??
    (await enqueueJob(db, RECON_JOB, { bill_date: billDate, by }, nowMs, {
      id: `${idPrefix(billDate)}${fastUlid(nowMs)}`,
      max_attempts: RECON_ATTEMPTS_MAX,
    }));
  const view = await jobView(db, id);
  if (!view) throw new Error(`job ${id} vanished`);
  return view;
}

/** The bill day the morning schedule should reconcile now, or null (too early, done, or under way). */
export async function scheduledBillDate(db: ServerDb, nowMs: number): Promise<string | null> {
  if (hourOfDay(nowMs, BILL_TIME_ZONE) < RECON_FROM_HOUR) return null;
  const date = billDateOf(shanghaiDayNo(nowMs) - 1);
  const last = await rdb(db)
    .selectFrom('recon_run')
    .select(['state', 'started_ms'])
    .where('bill_date', '=', date)
    .orderBy('started_ms', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last && (last.state === 'done' || nowMs - last.started_ms < RECON_RERUN_AFTER_MS)) return null;
  return date;
}

/** The schedule's tick: yesterday's job, once per period however many processes ask; its id, or null. */
export async function enqueueScheduledRecon(db: ServerDb, nowMs: number): Promise<string | null> {
  const date = await scheduledBillDate(db, nowMs);
  if (date === null) return null;
  const period = Math.floor(nowMs / RECON_RERUN_AFTER_MS);
  return enqueueJob(db, RECON_JOB, { bill_date: date, by: 'schedule' }, nowMs, {
    id: `${idPrefix(date)}schedule-${period}`,
    max_attempts: RECON_ATTEMPTS_MAX,
  });
}
