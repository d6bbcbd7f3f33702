/**
 * The domains added after orders (refunds, profit sharing, settlement,
 * bills) hook in here, so main.ts stays the process shell.
 */
import type { FastifyInstance } from 'fastify';
import type { Sim } from './context';
import type { JobRunner } from './jobs/runner';
import { registerRefundRoutes } from './refunds/routes';
import { JOB_REFUND_FINISH, finishRefund } from './refunds/service';

export function registerDomainJobs(runner: JobRunner): void {
  runner.register(JOB_REFUND_FINISH, (sim, ref) => finishRefund(sim, ref));
}

export function registerDomainRoutes(app: FastifyInstance, sim: Sim): void {
  registerRefundRoutes(app, sim);
}

/** Clock-driven work that is not a job (e.g. T+1 settlement when a day has passed). */
export function runPeriodic(_sim: Sim): void {}
