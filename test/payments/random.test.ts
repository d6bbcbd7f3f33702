// A fixed-seed randomized run of payments, refunds and institution faults; afterwards the till's journal, the server's ledger and the
// simulator's ledger agree to the fen, and market cash only ever received fee shares. SOAK=1 runs 5,000 operations; npm test runs a short one.
import { beforeAll, describe, expect, it } from 'vitest';
import { pendingRefunds } from '../../src-main/payments/institution-refunds';
import { loadSimSettings } from '../../src-server/payments/config';
import { readBooks } from './books';
import { ops, runOp, settleTill, type RunStats } from './soak';
import { count, until, type PayStack } from './stack';
import { payStackSession } from './session';

const SOAK = process.env.SOAK === '1';
const N = SOAK ? 5_000 : 100;
/** SOAK_SEED=<n> replays another run. */
const SEED = Number(process.env.SOAK_SEED ?? 20_250_707);
const BATCH = 20;

const session = payStackSession();
let s: PayStack;
beforeAll(() => {
  s = session.s;
});

describe('randomized payments run', () => {
  it(
    `${N} payments, refunds and faults (seed ${SEED}) leave the three sets of books equal to the fen`,
    async () => {
      const plan = ops(N, SEED);
      const stats: RunStats = { payments: 0, paid: 0, failed: 0, refunds: 0, refused_refunds: 0, faults: 0 };
      const paidSales: { sale_id: string; bags: number }[] = [];
      const refunded = new Set<string>();
      const t0 = Date.now();
      for (let i = 0; i < plan.length; i += BATCH) {
        const batch = plan.slice(i, i + BATCH);
        // Payments of a batch run at once (faults apply to whichever call comes next, so they stay one at a time); refunds after, one by one.
        const faulted = batch.filter((o) => o.kind !== 'refund' && o.fault !== 'none');
        const clean = batch.filter((o) => o.kind !== 'refund' && o.fault === 'none');
        const settled = paidSales.length;
        for (const op of faulted) await runOp(s, op, paidSales, refunded, stats);
        await Promise.all(clean.map((op) => runOp(s, op, paidSales, refunded, stats)));
        await settleTill(s, paidSales, 30_000, settled);
        for (const op of batch.filter((o) => o.kind === 'refund'))
          await runOp(s, op, paidSales, refunded, stats);
        // A minute of the institution's clock: splits become due, the same order may be refunded again.
        await s.control('POST', '/clock/advance', { ms: 61_000 });
        refunded.clear();
        if (SOAK && (i + BATCH) % 500 === 0)
          console.log(
            `[random] ${i + BATCH}/${N} ops, ${Math.round((Date.now() - t0) / 1000)} s`,
            JSON.stringify(stats),
          );
      }
      const db = s.serverDb();
      await until(
        () =>
          count(
            db,
            "SELECT COUNT(*) AS n FROM payment_order WHERE state IN ('created', 'paying') OR (state = 'succeeded' AND split_state IN ('due', 'processing'))",
          ) === 0,
        120_000,
        'every order ended and split',
      );
      await until(
        () =>
          pendingRefunds(s.core.db).length === 0 &&
          count(db, "SELECT COUNT(*) AS n FROM payment_refund WHERE state IN ('returning', 'processing')") ===
            0,
        60_000,
        'every refund through',
      );
      await until(() => s.core.sync.status().queue_depth === 0, 30_000, 'the till journal synced');
      await until(
        () => {
          const b = readBooks(s, loadSimSettings(s.simDir).sp_mchid);
          return (
            b.till_net_fen === b.server_net_fen &&
            b.sim_net_fen === b.server_net_fen &&
            b.server_stall_fen === b.sim_stall_fen
          );
        },
        30_000,
        'the books to agree',
      ).catch(() => undefined);
      const books = readBooks(s, loadSimSettings(s.simDir).sp_mchid);
      stats.paid = count(db, "SELECT COUNT(*) AS n FROM payment_order WHERE state = 'succeeded'");
      stats.failed = count(db, "SELECT COUNT(*) AS n FROM payment_order WHERE state <> 'succeeded'");
      stats.refused_refunds = count(
        db,
        "SELECT COUNT(*) AS n FROM payment_refund WHERE state <> 'succeeded'",
      );
      console.log(
        `[random] ${N} ops in ${Math.round((Date.now() - t0) / 1000)} s`,
        JSON.stringify({ ...stats, ...books }),
      );
      expect(books.sim_balanced).toBe(true);
      expect(books.till_net_fen).toBe(books.server_net_fen);
      expect(books.sim_net_fen).toBe(books.server_net_fen);
      expect(books.server_stall_fen).toBe(books.sim_stall_fen);
      expect(books.server_market_fen).toBe(books.sim_market_fen);
      expect(count(db, "SELECT COUNT(*) AS n FROM payment_order WHERE split_state = 'failed'")).toBe(0);
      const inv = await s.admin<{ ok: boolean; secondary_clearing: unknown[] }>(
        '/api/v1/admin/ledger/invariants',
      );
      expect(inv).toMatchObject({ ok: true, secondary_clearing: [] });
      expect(stats.refunds).toBeGreaterThan(0);
    },
    SOAK ? 3_600_000 : 120_000,
  );
});
