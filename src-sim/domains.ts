/**
 * The domains added after orders (refunds, profit sharing, settlement,
 * bills) hook in here, so main.ts stays the process shell.
 */
import type { FastifyInstance } from 'fastify';
import type { Sim } from './context';
import type { JobRunner } from './jobs/runner';

export function registerDomainJobs(_runner: JobRunner): void {}

export function registerDomainRoutes(_app: FastifyInstance, _sim: Sim): void {}

/** Clock-driven work that is not a job (e.g. T+1 settlement when a day has passed). */
export function runPeriodic(_sim: Sim): void {}
