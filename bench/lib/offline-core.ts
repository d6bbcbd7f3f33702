/**
 * A till core whose server is down (its address refuses every connection), ringing sales through the core's
 * own sale-complete call — commit, print job, the sync worker's trigger and the status bar — with the
 * unsynced backlog set before each round: none, or a given number of sales the server never acknowledged.
 */
import { createServer } from 'node:net';
import { startCore, type Core } from '../../src-main/core';
import { dispatch } from '../../src-main/rpc/registry';
import { completeSale } from '../../src-main/sales/complete-sale';
import { setSetting } from '../../src-main/store/settings';
import { stmt, tx } from '../../src-main/store/sql';
import { openTill, pieces, weight } from '../../test/helpers/till';

/** An address on this machine where nothing listens, as with the server down. */
export async function deadServerUrl(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export const benchCart = (i: number) => ({
  lines: [
    weight('P-CAB', 1000 + (i % 500)),
    weight('P-TOM', 800 + (i % 300), 50),
    pieces('P-GAR', 1 + (i % 3)),
  ],
  sale_discount_fen: 0,
  tenders: [{ kind: 'cash' as const, tendered_fen: 100_000 }],
});

export interface OfflineCore {
  /** Rings n sales through sale-complete, one after the other; answers the seconds they took and each one's ms. */
  ring(n: number): Promise<{ seconds: number; latencies: number[] }>;
  /** Makes the last `sales` sales unsynced and everything before them acknowledged (0: nothing unsynced). */
  setBacklog(sales: number): void;
  /** What the status bar says is unsynced. */
  unsynced(): number;
  close(): Promise<void>;
}

/** A core with `seedSales` sales already in its journal (rung in one commit), its server down. */
export async function offlineCore(seedSales: number): Promise<OfflineCore> {
  const till = openTill();
  tx(till.db, () => {
    for (let i = 0; i < seedSales; i++)
      completeSale(till.db, till.who, till.cashier, benchCart(i), Date.now() - (seedSales - i) * 1_000);
  });
  till.close();
  const core: Core = await startCore({ dataDir: till.dir, serverUrl: await deadServerUrl() });
  const signin = await dispatch(core.handlers, 'cashier-signin', { pin: '1234' });
  if (!signin.ok) throw new Error(`sign-in failed: ${signin.error.message}`);
  let n = 0;
  return {
    async ring(count) {
      const latencies: number[] = [];
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < count; i++) {
        const s0 = process.hrtime.bigint();
        const res = await dispatch(core.handlers, 'sale-complete', benchCart(n++));
        if (!res.ok) throw new Error(`sale failed: ${res.error.message}`);
        latencies.push(Number(process.hrtime.bigint() - s0) / 1e6);
      }
      return { seconds: Number(process.hrtime.bigint() - t0) / 1e9, latencies };
    },
    setBacklog(sales) {
      // The seq just before the backlog's first sale: what the server would have acknowledged.
      const first = stmt(
        core.db,
        "SELECT seq FROM journal WHERE type = 'sale.completed' ORDER BY seq DESC LIMIT 1 OFFSET ?",
      ).get(Math.max(0, sales - 1)) as { seq: number } | undefined;
      const last = stmt(core.db, 'SELECT MAX(seq) AS seq FROM journal').get() as { seq: number | null };
      const acked = sales === 0 ? (last.seq ?? 0) : (first?.seq ?? 1) - 1;
      setSetting(core.db, 'acked_seq', String(acked));
    },
    unsynced: () => core.sync.status().queue_depth,
    close: () => core.close(),
  };
}
