// Ringing with the server down costs the same per sale whatever the backlog: a sale through the core's
// sale-complete call reads (and so serialises) no journal entry for a push while the link waits to retry,
// and each retry builds its batch once. Counted, not timed: bench/sale-commit measures the rate.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCore, type Core } from '../../src-main/core';
import { dispatch } from '../../src-main/rpc/registry';
import { completeSale } from '../../src-main/sales/complete-sale';
import { tx } from '../../src-main/store/sql';
import { MAX_PUSH_ENTRIES } from '../../shared/sync/push';
import { openTill, pieces, weight } from '../helpers/till';

const BACKLOG = 3_000;
const SALES = 40;
const PAUSE_MS = 25;
let core: Core;

/** An address on this machine where nothing listens: every connection is refused, as with the server down. */
async function deadServerUrl(): Promise<string> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as { port: number };
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

const cart = (i: number) => ({
  lines: [weight('P-CAB', 1000 + i), pieces('P-GAR', 1 + (i % 3))],
  sale_discount_fen: 0,
  tenders: [{ kind: 'cash' as const, tendered_fen: 100_000 }],
});

/** Sales at a cashier's pace: between two, a push started by the first has had time to fail. */
async function ring(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const res = await dispatch(core.handlers, 'sale-complete', cart(i));
    expect(res).toMatchObject({ ok: true });
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}

beforeAll(async () => {
  const till = openTill();
  till.close();
  core = await startCore({
    dataDir: till.dir,
    serverUrl: await deadServerUrl(),
    // Retries far apart, so that none falls inside the counted sales.
    sync: { retryDelayMsMin: 600_000, retryDelayMsMax: 600_000, probeDelayMs: 600_000 },
  });
  expect(await dispatch(core.handlers, 'cashier-signin', { pin: '1234' })).toMatchObject({ ok: true });
  await core.sync.runOnce();
  expect(core.sync.status().link.state).toBe('offline');
});
afterAll(() => core.close());

describe('ringing while the server is down', () => {
  it('reads no journal entry per sale, with a small backlog and with a large one', async () => {
    const before = core.sync.entriesRead;
    await ring(SALES);
    const small = core.sync.entriesRead - before;

    const who = core.identity;
    const cashier = core.session.require();
    // One commit for the lot: the backlog is the point here, not how it was rung.
    tx(core.db, () => {
      for (let i = 0; i < BACKLOG; i++) completeSale(core.db, who, cashier, cart(i), Date.now());
    });
    const queued = core.sync.status().queue_depth;
    expect(queued).toBeGreaterThan(BACKLOG);

    const mid = core.sync.entriesRead;
    await ring(SALES);
    const large = core.sync.entriesRead - mid;
    expect({ small, large }).toEqual({ small: 0, large: 0 });
    // The status bar's count is right and cheap: every sale rung is there.
    expect(core.sync.status().queue_depth).toBeGreaterThanOrEqual(queued + SALES);
  });

  it('builds one batch per attempt, not one per sale', async () => {
    const depth = core.sync.status().queue_depth;
    const before = core.sync.entriesRead;
    expect(await core.sync.runOnce()).toBe(false);
    expect(core.sync.entriesRead - before).toBe(Math.min(depth, MAX_PUSH_ENTRIES));
    expect(core.sync.status().link.state).toBe('offline');
  });
});
