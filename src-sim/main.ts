/**
 * The payment-institution simulator process ("SimPay"). See README.md for
 * the contract with the settlement server.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createClock } from './clock';
import { buildSimConfig, writeSimConfig } from './config';
import type { Sim } from './context';
import { createFaults } from './control/faults';
import { registerControlRoutes } from './control/routes';
import { registerWorldRoutes } from './control/world-routes';
import { getMeta, openDb, setMeta } from './db/open';
import { registerCashierRoutes } from './cashier/routes';
import { seedBuyers } from './buyers/store';
import { createHttp } from './http/server';
import { createJobRunner } from './jobs/runner';
import { JOB_REVIEW, reviewApplyment } from './merchants/applyment';
import { registerMerchantRoutes } from './merchants/routes';
import { deliverDue, resetInFlight } from './notify/deliver';
import { JOB_USERPAYING_TIMEOUT, userpayingTimeout } from './orders/codepay';
import { registerOrderRoutes } from './orders/routes';
import { loadOrCreateIdentity } from './protocol/keys';
import { registerMerchantKey } from './protocol/merchant-keys';
import { registerDomainJobs, registerDomainRoutes, runPeriodic } from './domains';

export interface StartSimOptions {
  host?: string;
  port: number;
  dataDir: string;
  testControl?: boolean;
  /** Divides every asynchronous delay (notification retries, processing); 1 = real time. */
  timeScale?: number;
  log?: boolean;
}

export interface RunningSim {
  url: string;
  close(): Promise<void>;
}

export async function startSim(opts: StartSimOptions): Promise<RunningSim> {
  const timeScale = opts.timeScale ?? 1;
  if (!(timeScale >= 1 && timeScale <= 1_000_000)) throw new RangeError(`timeScale must be within 1..1e6, got ${timeScale}`);
  mkdirSync(opts.dataDir, { recursive: true });
  const id = loadOrCreateIdentity(opts.dataDir);
  const db = openDb(join(opts.dataDir, 'sim.sqlite'));
  const clock = createClock(Number(getMeta(db, 'clock_offset_ms') ?? '0'), (off) => setMeta(db, 'clock_offset_ms', String(off)));
  registerMerchantKey(db, id.spMchid, id.merchantSerial, id.merchantPublicPem, clock.now());

  let baseUrl = '';
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let closed = false;
  const tickMs = Math.min(200, Math.max(5, Math.round(1000 / timeScale)));

  const sim: Sim = {
    db, clock, id, dataDir: opts.dataDir, timeScale, testControl: opts.testControl === true, faults: createFaults(),
    baseUrl: () => baseUrl,
    wake: () => {
      if (closed || timer === undefined) return;
      clearTimeout(timer);
      timer = setTimeout(loop, 0);
    },
    warn: (msg, extra) => {
      if (opts.log === true) console.warn(`[sim] ${msg}`, extra ?? '');
    },
  };

  const runner = createJobRunner(sim);
  runner.register(JOB_USERPAYING_TIMEOUT, userpayingTimeout);
  runner.register(JOB_REVIEW, reviewApplyment);
  registerDomainJobs(runner);

  /** One pass over all due work; passes never overlap. */
  const runNow = async (): Promise<void> => {
    while (running !== undefined) await running;
    running = (async () => {
      try {
        runPeriodic(sim);
        while ((await runner.runDue()) > 0) { /* drain jobs that became due while running */ }
        await deliverDue(sim);
      } catch (e) {
        sim.warn('tick failed', { err: e instanceof Error ? e.stack : String(e) });
      }
    })();
    await running;
    running = undefined;
  };
  function loop(): void {
    if (closed) return;
    void runNow().finally(() => {
      if (!closed) timer = setTimeout(loop, tickMs);
    });
  }

  const app = createHttp(sim, opts.log === true);
  registerOrderRoutes(app, sim);
  registerMerchantRoutes(app, sim);
  registerCashierRoutes(app, sim);
  registerWorldRoutes(app, sim);
  registerDomainRoutes(app, sim);
  if (sim.testControl) registerControlRoutes(app, sim, runNow);

  const address = await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port });
  baseUrl = address.replace('[::1]', '127.0.0.1');
  writeSimConfig(opts.dataDir, buildSimConfig(id, opts.dataDir, baseUrl, sim.testControl));
  seedBuyers(sim);
  resetInFlight(sim);
  timer = setTimeout(loop, 0);

  return {
    url: baseUrl,
    async close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      await app.close();
      while (running !== undefined) await running;
      db.close();
    },
  };
}
