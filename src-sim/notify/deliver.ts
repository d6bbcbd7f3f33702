import type { Sim } from '../context';
import { scaled } from '../context';
import { platformHeaders } from '../protocol/sign';

/** Gaps between attempts after a failure, in seconds (WeChat's published schedule, 24h4m in total). */
export const RETRY_SCHEDULE_S: readonly number[] = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
];
/** The receiver must answer within this (real) time. */
export const ANSWER_TIMEOUT_MS = 5000;
const DELIVERIES_PER_TICK = 50;

interface Row {
  id: string;
  url: string;
  body: string;
  attempts: number;
}

async function send(sim: Sim, r: Row): Promise<number> {
  const headers = platformHeaders(r.body, sim.id.platformPrivatePem, sim.id.platformSerial);
  try {
    const res = await fetch(r.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Mozilla/4.0 MarketTill-SimPay',
        ...headers,
      },
      body: r.body,
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch {
    return 0;
  }
}

/** Attempts every due notification once. Returns how many were attempted. */
export async function deliverDue(sim: Sim): Promise<number> {
  const due = sim.db
    .prepare(
      `SELECT id, url, body, attempts FROM notifications WHERE state = 'PENDING' AND next_at <= ? ORDER BY next_at LIMIT ?`,
    )
    .all(sim.clock.now(), DELIVERIES_PER_TICK) as Row[];
  for (const r of due) sim.db.prepare(`UPDATE notifications SET state = 'SENDING' WHERE id = ?`).run(r.id);
  await Promise.all(
    due.map(async (r) => {
      if (r.attempts === 0 && sim.faults.take('lost_notification')) {
        sim.db.prepare(`UPDATE notifications SET state = 'LOST' WHERE id = ?`).run(r.id);
        return;
      }
      const twice = r.attempts === 0 && sim.faults.take('duplicate_notification') !== undefined;
      let status = await send(sim, r);
      if (twice) {
        const second = await send(sim, r);
        if (status !== 200 && status !== 204) status = second;
      }
      const attempts = r.attempts + 1;
      if (status === 200 || status === 204) {
        sim.db
          .prepare(`UPDATE notifications SET state = 'DELIVERED', attempts = ?, last_status = ? WHERE id = ?`)
          .run(attempts, status, r.id);
        return;
      }
      const gap = RETRY_SCHEDULE_S[attempts - 1];
      if (gap === undefined) {
        sim.db
          .prepare(`UPDATE notifications SET state = 'GAVE_UP', attempts = ?, last_status = ? WHERE id = ?`)
          .run(attempts, status, r.id);
        return;
      }
      sim.db
        .prepare(
          `UPDATE notifications SET state = 'PENDING', attempts = ?, last_status = ?, next_at = ? WHERE id = ?`,
        )
        .run(attempts, status, sim.clock.now() + scaled(sim, gap * 1000), r.id);
    }),
  );
  return due.length;
}

/** A crash mid-send leaves rows SENDING; on start they are due again. */
export function resetInFlight(sim: Sim): void {
  sim.db.prepare(`UPDATE notifications SET state = 'PENDING' WHERE state = 'SENDING'`).run();
}
