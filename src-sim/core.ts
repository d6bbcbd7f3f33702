/**
 * The institution without its HTTP face: data dir, keys, database, clock,
 * jobs and the one "run everything due" pass. main.ts puts HTTP and a timer
 * around it; property tests drive it directly.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { seedBuyers } from './buyers/store';
import { createClock } from './clock';
import type { Sim } from './context';
import { createFaults } from './control/faults';
import { getMeta, openDb, setMeta } from './db/open';
import { registerDomainJobs, runPeriodic } from './domains';
import { createJobRunner } from './jobs/runner';
import { JOB_REVIEW, reviewApplyment } from './merchants/applyment';
import { deliverDue, resetInFlight } from './notify/deliver';
import { JOB_USERPAYING_TIMEOUT, userpayingTimeout } from './orders/codepay';
import { loadOrCreateIdentity } from './protocol/keys';
import { registerMerchantKey } from './protocol/merchant-keys';
import { marketCard } from './settlement/settle';

export interface SimCore {
  sim: Sim;
  /** One pass over all due work (settlement, jobs, notifications); passes never overlap. */
  runNow(): Promise<void>;
  setWake(fn: () => void): void;
  setBaseUrl(url: string): void;
  close(): Promise<void>;
}

export function openSimCore(opts: {
  dataDir: string;
  testControl?: boolean;
  timeScale?: number;
  log?: boolean;
}): SimCore {
  const timeScale = opts.timeScale ?? 1;
  if (!(timeScale >= 1 && timeScale <= 1_000_000))
    throw new RangeError(`timeScale must be within 1..1e6, got ${timeScale}`);
  // Keys and the payment log: the owner's alone.
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const id = loadOrCreateIdentity(opts.dataDir);
  const db = openDb(join(opts.dataDir, 'sim.sqlite'));
  const clock = createClock(Number(getMeta(db, 'clock_offset_ms') ?? '0'), (off) =>
    setMeta(db, 'clock_offset_ms', String(off)),
  );
  registerMerchantKey(db, id.spMchid, id.merchantSerial, id.merchantPublicPem, clock.now());
  let baseUrl = '';
  let wake: () => void = () => undefined;
  const sim: Sim = {
    db,
    clock,
    id,
    dataDir: opts.dataDir,
    timeScale,
    testControl: opts.testControl === true,
    faults: createFaults(),
    baseUrl: () => baseUrl,
    wake: () => wake(),
    warn: (msg, extra) => {
      if (opts.log === true) console.warn(`[sim] ${msg}`, extra ?? '');
    },
  };
  const runner = createJobRunner(sim);
  runner.register(JOB_USERPAYING_TIMEOUT, userpayingTimeout);
  runner.register(JOB_REVIEW, reviewApplyment);
  registerDomainJobs(runner);
  seedBuyers(sim);
  marketCard(sim);
  resetInFlight(sim);

  let running: Promise<void> | undefined;
  const runNow = async (): Promise<void> => {
    while (running !== undefined) await running;
    running = (async () => {
      try {
        // Jobs before settlement: a refund due before the cut-off must be booked before the day is paid out.
        while ((await runner.runDue()) > 0) {
          /* drain work that became due while running */
        }
        runPeriodic(sim);
        await deliverDue(sim);
      } catch (e) {
        sim.warn('tick failed', { err: e instanceof Error ? e.stack : String(e) });
      }
    })();
    await running;
    running = undefined;
  };
  return {
    sim,
    runNow,
    setWake: (fn) => {
      wake = fn;
    },
    setBaseUrl: (url) => {
      baseUrl = url;
    },
    async close() {
      while (running !== undefined) await running;
      db.close();
    },
  };
}
