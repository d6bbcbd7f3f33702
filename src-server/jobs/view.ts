/** A job as staff see it (shared/api/jobs.ts), and its route. */
import { api } from '../../shared/api';
import type { JobView } from '../../shared/api/jobs';
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';
import { implement } from '../http/route';

export async function jobView(db: ServerDb, id: string): Promise<JobView | null> {
  const j = await db
    .selectFrom('job')
    .select(['id', 'kind', 'state', 'attempts', 'max_attempts', 'last_error', 'created_ms', 'finished_ms'])
    .where('id', '=', id)
    .executeTakeFirst();
  return j ?? null;
}

export const jobRoutes = [
  implement(api.jobGet, async ({ db, params }) => {
    const j = await jobView(db, params.job_id);
    if (!j) throw new ApiError('not_found', `no job ${params.job_id}`);
    return j;
  }),
];
