/**
 * The simulated market day, start to end: the institution and the server as real processes, the market
 * set up by the office, one till core per stall (several in this process), the trading day with its
 * faults, the close, T+1, the figures from every source and the checks. Used by `npm run soak:market-day`
 * (main.ts) and, small, by market-day.test.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_STAFF } from '../../src-server/demo/seed';
import { staffLogin } from '../../bin/cli/staff-client';
import { startFaultProxy, type FaultProxy } from '../emulators/fault-proxy/fault-proxy';
import { simClient } from '../payments/sim-client';
import { dayCheck, runChecks, type Check } from './checks';
import { closeTheDay } from './close';
import { faultCount, tradingDay } from './day';
import type { DayConfig } from './env';
import { readFigures } from './figures';
import { dayCutoffHour, setUpMarket } from './market';
import { makePlan, STALLS_PER_GROUP } from './plan';
import { startProcesses } from './processes';
import { dayLine, failures, table, type DayLine } from './report';
import { startStall, stopStall, type Stall } from './stall';
import { closeSimDb, DayClock, type World } from './world';

export interface DayResult {
  line: DayLine;
  checks: Check[];
  table: string[];
  failures: string[];
}

export async function runMarketDay(
  c: DayConfig,
  say: (line: string) => void = console.log,
): Promise<DayResult> {
  const t0 = Date.now();
  const plan = makePlan(c);
  const proc = await startProcesses();
  const proxies: FaultProxy[] = [];
  const stalls: Stall[] = [];
  try {
    const staff = await staffLogin(proc.serverUrl, DEMO_STAFF.username, DEMO_STAFF.password);
    const cutoff = dayCutoffHour(Date.now());
    const setups = await setUpMarket(staff, proc.simUrl, proc.serverUrl, c.stalls, cutoff);
    const port = Number(new URL(proc.serverUrl).port);
    for (let g = 0; g < plan.groups; g++) proxies.push(await startFaultProxy({ host: '127.0.0.1', port }));
    const root = join(proc.serverDir, '..', 'tills');
    mkdirSync(root, { recursive: true });
    for (const s of setups) {
      const proxy = proxies[Math.floor(s.index / STALLS_PER_GROUP)];
      const sp = plan.stalls[s.index];
      if (!proxy || !sp) throw new Error(`no network or plan for stall ${s.index}`);
      stalls.push(await startStall(s, sp, proxy.url, root));
    }
    say(
      `[market-day] ${c.stalls} stalls open (${Math.round((Date.now() - t0) / 1000)} s), the day cut at ${String(cutoff).padStart(2, '0')}:00 Shanghai time; trading ${c.sales} sales at ${c.time_scale}× market time`,
    );
    const w: World = {
      sim: simClient(proc.simUrl),
      simDir: proc.simDir,
      serverUrl: proc.serverUrl,
      clock: new DayClock(c.time_scale),
      later: [],
      usedCodes: [],
      faults: 0,
    };
    const log = await tradingDay(w, plan, stalls, proxies, proc);
    say(`[market-day] trading over (${Math.round((Date.now() - t0) / 1000)} s): ${JSON.stringify(log)}`);
    const closed = await closeTheDay(w, stalls, proc.serverDir, staff);
    say(
      `[market-day] day ${closed.business_day} closed, bill ${closed.bill_date} reconciled: ${closed.recon.state}${closed.recon.last_error ? ` (${closed.recon.last_error})` : ''} (${Math.round((Date.now() - t0) / 1000)} s)`,
    );
    const figures = await readFigures(w, stalls, closed, proc.serverDir, staff);
    const checks = [...runChecks(figures), dayCheck(closed.business_day, closed.bill_date)];
    const sales = stalls.reduce((a, st) => a + st.book.sales, 0);
    const result: DayResult = {
      line: dayLine(c, sales, faultCount(log), checks, Date.now() - t0),
      checks,
      table: table(figures, checks),
      failures: failures(checks),
    };
    for (const l of result.table) say(l);
    for (const l of result.failures) say(l);
    for (const st of stalls)
      for (const e of st.book.errors.slice(0, 5)) say(`[stall ${st.setup.index + 1}] ${e}`);
    return result;
  } finally {
    for (const st of stalls) await stopStall(st).catch(() => undefined);
    for (const p of proxies) await p.close();
    closeSimDb();
    await proc.close();
  }
}
