/**
 * The payment-institution simulator process ("SimPay"). See README.md for
 * the contract with the settlement server.
 */
import { registerCashierRoutes } from './cashier/routes';
import { buildSimConfig, writeSimConfig } from './config';
import { registerControlRoutes } from './control/routes';
import { registerWorldRoutes } from './control/world-routes';
import { openSimCore } from './core';
import { registerDomainRoutes } from './domains';
import { createHttp } from './http/server';
import { registerMerchantRoutes } from './merchants/routes';
import { registerOrderRoutes } from './orders/routes';
import { createTicker } from '../shared/ticker';

export interface StartSimOptions {
  host?: string;
  port: number;
  dataDir: string;
  /** Registers /sim/control/* (clock, faults, instant merchants and buyers). Never in production. */
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
  const core = openSimCore(opts);
  const { sim } = core;
  const ticker = createTicker(core.runNow, Math.min(200, Math.max(5, Math.round(1000 / sim.timeScale))), {
    set: (fn, ms) => setTimeout(fn, ms),
    clear: (h) => clearTimeout(h as NodeJS.Timeout),
  });
  core.setWake(() => ticker.wake());

  const app = createHttp(sim, opts.log === true);
  registerOrderRoutes(app, sim);
  registerMerchantRoutes(app, sim);
  registerCashierRoutes(app, sim);
  registerWorldRoutes(app, sim);
  registerDomainRoutes(app, sim);
  if (sim.testControl) registerControlRoutes(app, sim, core.runNow);

  let url: string;
  try {
    const address = await app.listen({ host: opts.host ?? '127.0.0.1', port: opts.port });
    url = address.replace('[::1]', '127.0.0.1');
  } catch (e) {
    await core.close();
    throw e;
  }
  core.setBaseUrl(url);
  writeSimConfig(opts.dataDir, buildSimConfig(sim.id, opts.dataDir, url, sim.testControl));
  ticker.start();

  return {
    url,
    async close() {
      await ticker.stop();
      await app.close();
      await core.close();
    },
  };
}
