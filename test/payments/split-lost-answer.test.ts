// The split instruction reaches the institution, which makes it, but its answer is lost (the connection dropped:
// on a loaded machine the server's call timed out). The server asks about its instruction before making it again:
// what the split already shared is not frozen any more and is not the institution's fee. Before, the next attempt
// read the unsplit amount with the market's share already gone and booked it as channel fee — at the full-size
// market day 104 orders' channel fees were 1.5 times the institution's, leaving 45 stalls' cards short (3,966 fen).
import { beforeAll, describe, expect, it } from 'vitest';
import { saleTenders } from '../../src-main/sales/sale-store';
import { loadSimSettings } from '../../src-server/payments/config';
import { readBooks } from './books';
import { paidBagsSale, until, type PayStack } from './stack';
import { payStackSession } from './session';

/** the first split attempt is made this long after payment: time to move the institution's clock past its hold first */
const FIRST_TRY_MS = 3_000;
const session = payStackSession({ split_delay_ms: FIRST_TRY_MS, split_probe_ms: undefined });
let s: PayStack;
beforeAll(() => {
  s = session.s;
});

type Row = { split_state: string; channel_fee_fen: number | null; market_fee_fen: number | null };
const order = (no: string): Row =>
  s
    .serverDb()
    .prepare('SELECT split_state, channel_fee_fen, market_fee_fen FROM payment_order WHERE out_trade_no = ?')
    .get(no) as Row;
const num = (v: unknown): number => Number((v as { n: number | null } | undefined)?.n ?? 0);

describe('a split whose answer is lost', () => {
  it('is asked about, not taken twice: the channel fee is the institution’s, the books agree to the fen', async () => {
    const { sale_id, no } = await paidBagsSale(s);
    await until(
      () => saleTenders(s.core.db, sale_id)[0]?.status === 'paid',
      10_000,
      'the till to know it paid',
    );
    // Past the institution's 30 s hold before the first attempt; that attempt is made, and its answer dropped.
    await s.control('POST', '/clock/advance', { ms: 31_000 });
    await s.control('POST', '/faults', {
      kind: 'timeout_but_succeeded',
      count: 1,
      path_prefix: '/v3/profitsharing/orders',
      method: 'POST',
    });
    await until(() => order(no).split_state === 'done', 30_000, 'the split');
    expect((await s.control<{ faults: unknown[] }>('GET', '/faults')).faults).toEqual([]);

    const sim = s.simDb();
    const simFee = num(sim.prepare('SELECT fee_fen AS n FROM orders WHERE out_trade_no = ?').get(no));
    const booked = num(
      s
        .serverDb()
        .prepare(
          "SELECT SUM(p.amount_fen) AS n FROM ledger_posting p JOIN ledger_entry e ON e.id = p.entry_id WHERE e.txn_type = 'channel_fee' AND p.chart_code = 'M6102'",
        )
        .get(),
    );
    // Fee 0.60 % of 15,000 = 90; the market's 1 % = 150, made once.
    expect(simFee).toBe(90);
    expect(order(no)).toMatchObject({ split_state: 'done', channel_fee_fen: 90, market_fee_fen: 150 });
    expect(booked).toBe(simFee);
    const market = loadSimSettings(s.simDir).sp_mchid;
    await until(
      () => readBooks(s, market).server_stall_fen === readBooks(s, market).sim_stall_fen,
      5_000,
      'the stall books to agree',
    ).catch(() => undefined);
    const books = readBooks(s, market);
    expect(books.server_stall_fen).toBe(books.sim_stall_fen);
    expect(books.server_market_fen).toBe(books.sim_market_fen);
    expect(books.server_market_fen).toBe(150);
    expect(books.sim_balanced).toBe(true);
  }, 60_000);
});
