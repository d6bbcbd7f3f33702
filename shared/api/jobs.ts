/**
 * Background jobs as staff see them: a long run started from a page (a reconciliation) answers at once with
 * its job, and the page follows the job here until it ends.
 */
import { z } from 'zod';
import { MARKET_STAFF } from './roles';
import { defineApi, staffAuth } from './route';
import { idSchema, int } from './schemas';

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export const jobViewSchema = z.object({
  id: z.string(),
  kind: z.string(),
  /** queued (waiting, or waiting to retry: then last_error says why the last attempt failed), running, done, failed (gave up) */
  state: z.enum(JOB_STATES),
  attempts: int,
  max_attempts: int,
  last_error: z.string().nullable(),
  created_ms: int,
  finished_ms: int.nullable(),
});
export type JobView = z.output<typeof jobViewSchema>;

export const jobsApi = {
  jobGet: defineApi({
    id: 'jobGet',
    method: 'GET',
    path: '/api/v1/admin/jobs/:job_id',
    summary: 'A background job: its state, attempts and the last failure in words',
    tag: 'jobs',
    auth: staffAuth(MARKET_STAFF),
    params: z.object({ job_id: idSchema }),
    response: jobViewSchema,
    errors: ['not_found'],
  }),
};
