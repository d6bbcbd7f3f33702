/**
 * After the last sale: the cashiers settle what is still open (asking the institution about pending
 * tenders, as a cashier would before closing), every till closes its shifts and its day, the payments
 * run through (splits, refunds), and the institution's clock moves to T+1: settlement at 06:00, the
 * day's bill from 09:00, which the server fetches and reconciles.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { JobView } from '../../shared/api/jobs';
import type { ZReport } from '../../shared/sales/z-report';
import { pendingRefunds } from '../../src-main/payments/institution-refunds';
import { pendingCount } from '../../src-main/print/print-job-store';
import type { StaffClient } from '../../bin/cli/staff-client';
import { until } from '../payments/stack';
import { MANAGER_PIN, type Stall } from './stall';
import type { World } from './world';

/** how long the harness waits for the parts to finish what they owe (not an assertion: what is left shows in the checks) */
export const SETTLE_WAIT_MS_MAX = 240_000;
const ROUND_MS = 2_000;
const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

const n = (db: Database.Database, sql: string): number => (db.prepare(sql).get() as { n: number }).n;

function pendingWallet(st: Stall): string[] {
  return (
    st.core.db
      .prepare(
        "SELECT DISTINCT sale_id FROM tender WHERE status = 'pending' AND kind IN ('qr', 'payment_code')",
      )
      .all() as { sale_id: string }[]
  ).map((r) => r.sale_id);
}

/** Asks about pending tenders until the server has no payment in flight (QR never opened stays pending). */
async function settleTenders(w: World, stalls: Stall[], server: Database.Database): Promise<void> {
  const end = Date.now() + SETTLE_WAIT_MS_MAX;
  for (;;) {
    const inFlight = n(
      server,
      "SELECT COUNT(*) AS n FROM payment_order WHERE state IN ('created', 'paying')",
    );
    const queries = stalls.flatMap((st) =>
      pendingWallet(st).map((sale_id) =>
        Promise.resolve()
          .then(() => st.core.handlers['payment-query']({ sale_id }))
          .catch(() => undefined),
      ),
    );
    await Promise.all(queries);
    if (inFlight === 0 || Date.now() > end) return;
    await new Promise((r) => setTimeout(r, ROUND_MS));
  }
}

async function drained(stalls: Stall[]): Promise<void> {
  await until(
    () => stalls.every((st) => st.core.sync.status().queue_depth === 0),
    SETTLE_WAIT_MS_MAX,
    'every till synced',
  ).catch(() => undefined);
}

/** The manager (signed in since the handover) closes the shift and the day: the Z report. */
async function closeTill(st: Stall): Promise<ZReport> {
  const h = st.core.handlers;
  const cur = await h['shift-current']({});
  if (cur.shift) await h['shift-close']({ counted_fen: cur.expected_cash_fen ?? 0 });
  // QR never paid stays open: closing the day with open sales takes the manager's PIN.
  return (await h['day-close']({ manager_pin: MANAGER_PIN })) as ZReport;
}

/** Splits and refunds through: the institution's clock moves on a little each round (its 30 s split hold, its minute between refunds). */
async function paymentsThrough(w: World, stalls: Stall[], server: Database.Database): Promise<void> {
  const end = Date.now() + SETTLE_WAIT_MS_MAX;
  for (;;) {
    const open =
      n(
        server,
        "SELECT COUNT(*) AS n FROM payment_order WHERE state = 'succeeded' AND split_state IN ('due', 'processing')",
      ) +
      n(server, "SELECT COUNT(*) AS n FROM payment_refund WHERE state IN ('returning', 'processing')") +
      stalls.reduce((a, st) => a + pendingRefunds(st.core.db).length, 0);
    if (open === 0 || Date.now() > end) return;
    await w.sim.control('POST', '/clock/advance', { ms: 31_000 });
    await new Promise((r) => setTimeout(r, ROUND_MS));
  }
}

export interface ClosedDay {
  z: Map<string, ZReport>;
  business_day: string;
  bill_date: string;
  /** the reconciliation job as it ended (its last_error is the failed attempt's reason) */
  recon: JobView;
}

export async function closeTheDay(
  w: World,
  stalls: Stall[],
  serverDir: string,
  staff: StaffClient,
): Promise<ClosedDay> {
  const server = new Database(join(serverDir, 'server.sqlite'), { readonly: true });
  try {
    await settleTenders(w, stalls, server);
    await drained(stalls);
    const z = new Map<string, ZReport>();
    for (const st of stalls) z.set(st.setup.stall_id, await closeTill(st));
    await drained(stalls);
    // The paper is back: what waited in the printers' queues prints (a till with no printer keeps its receipts queued).
    await until(
      () => stalls.every((st) => !st.printer || pendingCount(st.core.db) === 0),
      SETTLE_WAIT_MS_MAX,
      'every print queue empty',
    ).catch(() => undefined);
    await paymentsThrough(w, stalls, server);
    const simNow = (await w.sim.control<{ now_ms: number }>('GET', '/clock')).now_ms;
    const dayNo = Math.floor((simNow + SHANGHAI_MS) / DAY_MS);
    const bill_date = new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
    // T+1: 06:00 settlement to the cards, 09:00 the bill.
    const nextMidnight = (dayNo + 1) * DAY_MS - SHANGHAI_MS;
    await w.sim.control('POST', '/clock/advance', { ms: nextMidnight + 6 * 3_600_000 + 5 * 60_000 - simNow });
    await w.sim.control('POST', '/run');
    await w.sim.control('POST', '/clock/advance', { ms: 3 * 3_600_000 });
    await w.sim.control('POST', '/run');
    // The run answers at once with its job, which the server's worker runs: followed until it ends.
    let recon = await staff.call<JobView>('POST', `/api/v1/admin/recon/days/${bill_date}/run`, {});
    const end = Date.now() + SETTLE_WAIT_MS_MAX;
    while ((recon.state === 'queued' || recon.state === 'running') && Date.now() < end) {
      await new Promise((r) => setTimeout(r, ROUND_MS / 4));
      recon = await staff.call<JobView>('GET', `/api/v1/admin/jobs/${encodeURIComponent(recon.id)}`);
    }
    const first = z.values().next().value;
    return { z, business_day: first?.business_day ?? bill_date.replaceAll('-', ''), bill_date, recon };
  } finally {
    server.close();
  }
}
