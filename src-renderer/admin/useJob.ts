/**
 * Follows a background job the server answered with (a reconciliation started from its page) until it ends:
 * asks for it every JOB_POLL_MS and answers its latest view, calling `ended` once when it is done or failed.
 */
import { useEffect, useRef, useState } from 'react';
import type { JobView } from '../../shared/api/jobs';
import { api, call } from './api';

export const JOB_POLL_MS = 1_000;

export function jobEnded(j: JobView): boolean {
  return j.state === 'done' || j.state === 'failed';
}

export function useJob(
  first: JobView | null,
  ended: (j: JobView) => void,
): { job: JobView | null; error: string | null } {
  // What was last heard of the job `of`; a new first job starts from itself.
  const [heard, setHeard] = useState<{ of: JobView | null; job: JobView | null; error: string | null }>({
    of: first,
    job: first,
    error: null,
  });
  const onEnd = useRef(ended);
  useEffect(() => {
    onEnd.current = ended;
  });
  useEffect(() => {
    if (!first) return;
    if (jobEnded(first)) {
      onEnd.current(first);
      return;
    }
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const look = () =>
      call(api.jobGet, { params: { job_id: first.id } }).then(
        (j) => {
          if (!live) return;
          setHeard({ of: first, job: j, error: null });
          if (jobEnded(j)) onEnd.current(j);
          else timer = setTimeout(look, JOB_POLL_MS);
        },
        (e: unknown) => {
          if (!live) return;
          // A lost answer is not the job's failure: say so and keep asking.
          const error = e instanceof Error ? e.message : String(e);
          setHeard((h) => ({ of: first, job: h.of === first ? h.job : first, error }));
          timer = setTimeout(look, JOB_POLL_MS);
        },
      );
    timer = setTimeout(look, JOB_POLL_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [first]);
  return heard.of === first ? { job: heard.job, error: heard.error } : { job: first, error: null };
}
