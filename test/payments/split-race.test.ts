// A refund that lands while the split is in flight (the institution slow to answer what is still frozen): the split and
// the refund of one order never interleave, so the channel fee and the stall's share come out the same at the server
// and at the institution. Before the order lease, the refund was accepted mid-split and the server booked a channel fee
// too large by the refund, leaving the stall 3,000 fen apart.
import { beforeAll, describe, expect, it } from 'vitest';
import { saleTenders } from '../../src-main/sales/sale-store';
import { loadSimSettings } from '../../src-server/payments/config';
import { readBooks } from './books';
import { paidBagsSale, until, type PayStack } from './stack';
import { payStackSession } from './session';

const session = payStackSession();
let s: PayStack;
beforeAll(() => {
  s = session.s;
});

type Row = {
  split_state: string;
  channel_fee_fen: number | null;
  market_fee_fen: number | null;
  refunded_fen: number;
  last_error: string | null;
};
const order = (no: string): Row =>
  s
    .serverDb()
    .prepare(
      'SELECT split_state, channel_fee_fen, market_fee_fen, refunded_fen, last_error FROM payment_order WHERE out_trade_no = ?',
    )
    .get(no) as Row;
const refundState = (saleId: string): string | undefined =>
  (
    s
      .serverDb()
      .prepare(
        'SELECT f.state FROM payment_refund f JOIN payment_order o ON o.out_trade_no = f.out_trade_no WHERE o.sale_id = ?',
      )
      .get(saleId) as { state: string } | undefined
  )?.state;

describe('a refund while the split is in flight', () => {
  it('waits for the split; channel fee, stall share and market share agree to the fen', async () => {
    const { sale_id, no } = await paidBagsSale(s);
    await until(
      () => saleTenders(s.core.db, sale_id)[0]?.status === 'paid',
      10_000,
      'the till to know it paid',
    );

    // The server has asked for the split and heard "too early"; it asks again every 100 ms.
    await until(() => order(no).last_error?.includes('too early'), 10_000, 'a too-early answer');
    // The institution takes 2.5 s to say what is still frozen for the split; then the split may be made.
    // (In this order: the server asks every 100 ms, and between the clock's move and the fault's it could
    // have split already. A slow answer to an ask before the move still leads to the split after it.)
    await s.control('POST', '/faults', {
      kind: 'slow',
      count: 1,
      path_prefix: '/v3/profitsharing/transactions/',
      delay_ms: 2_500,
    });
    await s.control('POST', '/clock/advance', { ms: 31_000 });
    await until(
      async () => (await s.control<{ faults: unknown[] }>('GET', '/faults')).faults.length === 0,
      10_000,
      'the split to be in flight',
    );
    // 2 of 10 bags refunded while the split's question is with the institution.
    const r = await s.core.handlers['refund-create']({
      sale_id: sale_id,
      lines: [{ line_no: 1, quantity: 2 }],
      reason: '坏了两袋',
    });
    expect(r.amount_fen).toBe(3_000);

    await until(() => order(no).split_state === 'done', 15_000, 'the split');
    await until(() => refundState(sale_id) === 'succeeded', 20_000, 'the refund, sent again after the split');
    await until(() => s.core.sync.status().queue_depth === 0, 10_000, 'the till journal synced');
    const market = loadSimSettings(s.simDir).sp_mchid;
    await until(
      () => readBooks(s, market).server_stall_fen === readBooks(s, market).sim_stall_fen,
      5_000,
      'the stall books to agree',
    ).catch(() => undefined);
    const books = readBooks(s, market);
    // Fee 0.60 % of 15,000 = 90, of which 18 came back with the refund; the market's 1 % = 150, 30 of it returned.
    expect(order(no)).toMatchObject({ channel_fee_fen: 90, market_fee_fen: 150, refunded_fen: 3_000 });
    expect(books.server_stall_fen).toBe(books.sim_stall_fen);
    expect(books.server_market_fen).toBe(books.sim_market_fen);
    expect(books.server_market_fen).toBe(120);
    expect(books.sim_net_fen).toBe(books.server_net_fen);
    expect(books.till_net_fen).toBe(books.server_net_fen);
  }, 60_000);
});
