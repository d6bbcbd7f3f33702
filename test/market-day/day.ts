/**
 * The trading day: every stall's cashiers ring up their planned sales at market time (one sale at a time per
 * till, all tills at once), hand over the shift once, and refund now and then; meanwhile the fault plan
 * takes groups of tills off the network, restarts the server, loses and duplicates the institution's
 * notifications and runs printers out of paper.
 */
import type { FaultProxy } from '../emulators/fault-proxy/fault-proxy';
import type { Processes } from './processes';
import type { DayPlan, FaultEvent } from './plan';
import { refund, sell } from './sell';
import { changeShift, type Stall } from './stall';
import type { World } from './world';

export interface FaultLog {
  network_down: number;
  server_restart: number;
  server_away_ms: number[];
  lost_notification: number;
  duplicate_notification: number;
  paper_out: number;
}

async function runStall(w: World, st: Stall): Promise<void> {
  let handedOver = false;
  for (const s of st.plan.sales) {
    if (!handedOver && s.at_ms >= st.plan.shift_change_ms) {
      await w.clock.sleepUntil(st.plan.shift_change_ms);
      await changeShift(st);
      handedOver = true;
    }
    await w.clock.sleepUntil(s.at_ms);
    try {
      const paid = await sell(w, st, s);
      if (paid) st.refundable.push(paid);
      if (s.refund) await refund(st, s.refund.pick, s.refund.full);
    } catch (err) {
      // Not what a till should do: kept, and counted as a failed check at the end.
      st.book.errors.push(`sale ${s.n} (${s.kind}): ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (!handedOver) await changeShift(st);
}

async function paperOut(w: World, st: Stall, log: FaultLog): Promise<void> {
  for (const p of st.plan.paper_out) {
    await w.clock.sleepUntil(p.from_ms);
    st.printer?.setState({ paperOut: true });
    log.paper_out++;
    await w.clock.sleepUntil(p.to_ms);
    st.printer?.setState({ paperOut: false });
  }
}

async function fault(
  w: World,
  f: FaultEvent,
  proxies: FaultProxy[],
  proc: Processes,
  log: FaultLog,
): Promise<void> {
  await w.clock.sleepUntil(f.at_ms);
  switch (f.kind) {
    case 'network_down': {
      const p = proxies[f.group];
      if (!p) return;
      p.setDown(true);
      log.network_down++;
      await w.clock.sleepUntil(f.at_ms + f.for_ms);
      p.setDown(false);
      return;
    }
    case 'server_restart':
      log.server_restart++;
      log.server_away_ms.push(await proc.restartServer(f.signal));
      return;
    case 'lost_notification':
    case 'duplicate_notification':
      await w.sim.control('POST', '/faults', { kind: f.kind, count: f.count });
      log[f.kind] += f.count;
      return;
  }
}

export async function tradingDay(
  w: World,
  plan: DayPlan,
  stalls: Stall[],
  proxies: FaultProxy[],
  proc: Processes,
): Promise<FaultLog> {
  const log: FaultLog = {
    network_down: 0,
    server_restart: 0,
    server_away_ms: [],
    lost_notification: 0,
    duplicate_notification: 0,
    paper_out: 0,
  };
  // Server restarts run one after the other; the other faults each on their own.
  const restarts = plan.faults.filter((f) => f.kind === 'server_restart');
  const serial = (async () => {
    for (const f of restarts) await fault(w, f, proxies, proc, log);
  })();
  await Promise.all([
    ...stalls.map((st) => runStall(w, st)),
    ...stalls.map((st) => paperOut(w, st, log)),
    ...plan.faults.filter((f) => f.kind !== 'server_restart').map((f) => fault(w, f, proxies, proc, log)),
    serial,
  ]);
  await Promise.all(w.later);
  for (const p of proxies) p.setDown(false);
  return log;
}

export function faultCount(log: FaultLog): number {
  return (
    log.network_down + log.server_restart + log.lost_notification + log.duplicate_notification + log.paper_out
  );
}
