/**
 * Starts the settlement server: opens and migrates its database, seeds demo
 * data when asked, runs this process's background-job worker, listens.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fastUlid } from './db/ids';
import { buildApp } from './app';
import { migrateServerDb, openServerDb } from './db/database';
import { seedDemo } from './demo/seed';
import { JOB_KINDS, periodicJobs } from './jobs/handlers';
import { startSchedule } from './jobs/schedule';
import { startJobWorker } from './jobs/worker';
import type { PaymentsOptions } from './payments/config';
import { paymentsContext, paymentsFromSim, startPayments } from './payments/setup';
import { institutionReconPorts } from './recon/institution-ports';
import { createServices } from './services';
import { TerminalEventHub } from './terminals/event-hub';
import { startPgFanout } from './terminals/pg-fanout';

export interface ServerOptions {
  host?: string;
  port: number;
  dataDir: string;
  dbUrl?: string;
  demo?: boolean;
  log?: boolean;
  /** Background jobs: on unless `false`; several processes on one PostgreSQL database share them. */
  jobs?: false | { worker_id?: string; poll_ms?: number };
  /** Payments: the institutions and timings, or `sim` = a simulator's data dir (its sim-config.json). */
  payments?: PaymentsOptions;
  sim?: string;
  /** Behind a TLS-terminating reverse proxy: the proxies believed (see AppOptions.trustProxy). */
  trustProxy?: readonly string[];
  /** Heartbeat of the terminal event streams (15 s unless said). */
  eventHeartbeatMs?: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Where `--demo` leaves the enrolment details for the demo's terminal. */
export const DEMO_PAIRING_FILE = 'demo-pairing.json';

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  // The data folder holds keys, the demo's pairing code and (on SQLite) the database, whatever the database is.
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const { db, dialect } = openServerDb({ dataDir: opts.dataDir, dbUrl: opts.dbUrl });
  await migrateServerDb(db);
  if (opts.demo) {
    // All or nothing: the pairing file is written before the demo data commits, so a start that fails at
    // either leaves an empty database and the next start seeds again (and a file it overwrites).
    await db.transaction().execute(async (trx) => {
      const pairing = await seedDemo(trx, Date.now());
      if (pairing)
        writeFileSync(join(opts.dataDir, DEMO_PAIRING_FILE), JSON.stringify(pairing), { mode: 0o600 });
    });
  }
  // The services routes and jobs reach through their context, made once here (services.ts).
  const events = new TerminalEventHub();
  const paymentOpts = opts.payments ?? (opts.sim ? paymentsFromSim(opts.sim) : null);
  const paymentsCtx = paymentOpts ? paymentsContext(paymentOpts, '', events) : null;
  const firstInstitution = paymentOpts?.institutions[0];
  const services = createServices({
    events,
    payments: paymentsCtx,
    recon: paymentsCtx && firstInstitution ? institutionReconPorts(db, paymentsCtx, firstInstitution) : null,
  });
  const app = buildApp({
    db,
    services,
    log: opts.log,
    trustProxy: opts.trustProxy,
    eventHeartbeatMs: opts.eventHeartbeatMs,
  });
  // Several processes on one PostgreSQL database: terminal events fan out through LISTEN/NOTIFY.
  const fanout =
    dialect === 'postgres' && opts.dbUrl
      ? await startPgFanout(events, db, opts.dbUrl, (err) =>
          app.log.error({ err }, 'terminal events fan-out'),
        )
      : null;
  const worker =
    opts.jobs === false
      ? null
      : startJobWorker({
          db,
          worker_id: opts.jobs?.worker_id ?? `${hostname()}:${process.pid}:${fastUlid(Date.now())}`,
          services,
          kinds: JOB_KINDS,
          poll_ms: opts.jobs?.poll_ms,
          onError: (err) => app.log.error({ err }, 'job worker'),
        });
  const payments = paymentsCtx
    ? startPayments(db, paymentsCtx, {
        worker: opts.jobs !== false,
        onError: (err) => app.log.error({ err }, 'payments worker'),
      })
    : null;
  const schedule = worker
    ? startSchedule(db, periodicJobs(services), (err, what) => app.log.error({ err }, what))
    : null;
  await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : opts.port;
  if (payments && !payments.ctx.public_url)
    payments.ctx.public_url = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    async close() {
      schedule?.stop();
      await payments?.stop();
      await worker?.stop();
      await fanout?.stop();
      await app.close();
      await db.destroy();
    },
  };
}
