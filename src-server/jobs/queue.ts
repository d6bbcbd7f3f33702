/**
 * Background jobs in the database, so any number of server processes can
 * share them. A job is claimed by one UPDATE whose candidate rows are picked
 * with `FOR UPDATE SKIP LOCKED` on PostgreSQL (SQLite has one writer at a
 * time, so its UPDATE … RETURNING is already exclusive). A job's effects, its
 * `done` mark and its run record commit in one transaction, guarded by the
 * claimer's lease, so a job's work is applied exactly once even if a lease
 * expires and another worker re-claims it. A kind that talks to the outside
 * world (reconciliation calls the institution over HTTP) runs outside that
 * transaction, renews its lease while it works, and is idempotent by its own
 * keys (worker.ts).
 */
import { fastUlid } from '../db/ids';
import type { ServerDb } from '../db/database';
import { isPostgres } from '../db/dialect';
import type { JobTable } from '../db/schema';

export const JOB_LEASE_MS = 60_000;
export const JOB_MAX_ATTEMPTS = 8;
export const JOB_CLAIM_BATCH_MAX = 100;
export const JOB_PAYLOAD_MAX_CHARS = 64_000;

export type ClaimedJob = Pick<JobTable, 'id' | 'kind' | 'payload' | 'attempts' | 'max_attempts'>;

export async function enqueueJob(
  db: ServerDb,
  kind: string,
  payload: unknown,
  nowMs: number,
  opts: { id?: string; run_after_ms?: number; max_attempts?: number } = {},
): Promise<string> {
  const text = JSON.stringify(payload);
  if (text.length > JOB_PAYLOAD_MAX_CHARS)
    throw new Error(`job payload of ${text.length} chars is over the limit`);
  const id = opts.id ?? fastUlid(nowMs);
  await db
    .insertInto('job')
    .values({
      id,
      kind,
      payload: text,
      state: 'queued',
      run_after_ms: opts.run_after_ms ?? nowMs,
      attempts: 0,
      max_attempts: Math.max(1, Math.min(opts.max_attempts ?? JOB_MAX_ATTEMPTS, JOB_MAX_ATTEMPTS)),
      locked_by: null,
      locked_until_ms: null,
      last_error: null,
      created_ms: nowMs,
      finished_ms: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}

/** Claims up to `limit` ready jobs (queued and due, or running with an expired lease) for `worker`. */
export async function claimJobs(
  db: ServerDb,
  worker: string,
  limit: number,
  nowMs: number,
): Promise<ClaimedJob[]> {
  const n = Math.max(1, Math.min(limit, JOB_CLAIM_BATCH_MAX));
  let candidates = db
    .selectFrom('job')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'queued'), eb('run_after_ms', '<=', nowMs)]),
        eb.and([eb('state', '=', 'running'), eb('locked_until_ms', '<', nowMs)]),
      ]),
    )
    .orderBy('run_after_ms')
    .limit(n);
  if (isPostgres(db)) candidates = candidates.forUpdate().skipLocked();
  return db
    .updateTable('job')
    .set((eb) => ({
      state: 'running',
      locked_by: worker,
      locked_until_ms: nowMs + JOB_LEASE_MS,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', 'in', candidates)
    .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
    .execute();
}

/** A job running outside a transaction keeps its lease while it works; false when another worker has it now. */
export async function renewLease(
  db: ServerDb,
  jobId: string,
  worker: string,
  nowMs: number,
): Promise<boolean> {
  const r = await db
    .updateTable('job')
    .set({ locked_until_ms: nowMs + JOB_LEASE_MS })
    .where('id', '=', jobId)
    .where('state', '=', 'running')
    .where('locked_by', '=', worker)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Inside the job's transaction: mark done only if this worker still holds the lease; false means roll back. */
export async function completeJob(
  trx: ServerDb,
  job: ClaimedJob,
  worker: string,
  startedMs: number,
  nowMs: number,
): Promise<boolean> {
  const r = await trx
    .updateTable('job')
    .set({ state: 'done', finished_ms: nowMs, locked_until_ms: null })
    .where('id', '=', job.id)
    .where('state', '=', 'running')
    .where('locked_by', '=', worker)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  await trx
    .insertInto('job_run')
    .values({
      id: fastUlid(nowMs),
      job_id: job.id,
      worker,
      started_ms: startedMs,
      finished_ms: nowMs,
      ok: 1,
      error: null,
    })
    .execute();
  return true;
}

/** After a failed attempt: retry later with backoff, or give up after max_attempts. */
export async function failJob(
  db: ServerDb,
  job: ClaimedJob,
  worker: string,
  error: string,
  startedMs: number,
  nowMs: number,
): Promise<void> {
  const last = job.attempts >= job.max_attempts;
  const backoff = Math.min(2 ** job.attempts * 1000, 10 * 60_000);
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('job')
      .set({
        state: last ? 'failed' : 'queued',
        run_after_ms: nowMs + backoff,
        locked_by: null,
        locked_until_ms: null,
        last_error: error.slice(0, 1000),
        finished_ms: last ? nowMs : null,
      })
      .where('id', '=', job.id)
      .where('locked_by', '=', worker)
      .where('state', '=', 'running')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1)
      await trx
        .insertInto('job_run')
        .values({
          id: fastUlid(nowMs),
          job_id: job.id,
          worker,
          started_ms: startedMs,
          finished_ms: nowMs,
          ok: 0,
          error: error.slice(0, 1000),
        })
        .execute();
  });
}
