// A refund after the split whose answer is lost (the connection dropped: on a loaded machine the server's call timed
// out) and whose end the server then hears from the institution's notification: the order's refunded total and the
// institution's fee that came back are booked all the same, once. Before, only the answer booked them: at the
// full-size market day one stall's card was 17 fen short — the server kept the whole channel fee of a half-refunded order.
import { beforeAll, describe, expect, it } from 'vitest';
import { saleTenders } from '../../src-main/sales/sale-store';
import { pendingRefunds } from '../../src-main/payments/institution-refunds';
import { loadSimSettings } from '../../src-server/payments/config';
import { readBooks } from './books';
import { paidBagsSale, splitDone, until, type PayStack } from './stack';
import { payStackSession } from './session';

const session = payStackSession();
let s: PayStack;
beforeAll(() => {
  s = session.s;
});

const num = (v: unknown): number => Number((v as { n: number | null } | undefined)?.n ?? 0);

describe('a refund whose answer is lost', () => {
  it('is booked from its notification: refunded total and the fee that came back, once', async () => {
    const { sale_id, no } = await paidBagsSale(s);
    await splitDone(s, no);
    await until(
      () => saleTenders(s.core.db, sale_id)[0]?.status === 'paid',
      10_000,
      'the till to know it paid',
    );
    await s.control('POST', '/faults', {
      kind: 'timeout_but_succeeded',
      count: 1,
      path_prefix: '/v3/refund/domestic/refunds',
      method: 'POST',
    });
    // 5 of 10 bags back: the institution makes the refund, the server never hears its answer.
    const r = await s.core.handlers['refund-create']({
      sale_id,
      lines: [{ line_no: 1, quantity: 5 }],
      reason: '坏了五袋',
      manager_pin: '8888',
    });
    expect(r.amount_fen).toBe(7_500);
    const srv = s.serverDb();
    await until(
      () =>
        (
          srv.prepare('SELECT state FROM payment_refund WHERE refund_id = ?').get(r.refund_id) as
            { state: string } | undefined
        )?.state === 'succeeded',
      30_000,
      'the refund to end (its notification)',
    );
    // The till asks again with the same refund id until the server says where it stands.
    await until(() => pendingRefunds(s.core.db).length === 0, 30_000, 'the till to hear the refund');
    expect((await s.control<{ faults: unknown[] }>('GET', '/faults')).faults).toEqual([]);

    const sim = s.simDb();
    const simFee = num(sim.prepare('SELECT fee_fen AS n FROM orders WHERE out_trade_no = ?').get(no));
    const simBack = num(
      sim
        .prepare(
          "SELECT SUM(r.fee_fen) AS n FROM refunds r JOIN orders o ON o.transaction_id = r.transaction_id WHERE o.out_trade_no = ? AND r.state = 'SUCCESS'",
        )
        .get(no),
    );
    const booked = num(
      srv
        .prepare(
          "SELECT SUM(p.amount_fen) AS n FROM ledger_posting p JOIN ledger_entry e ON e.id = p.entry_id WHERE p.chart_code = 'M6102'",
        )
        .get(),
    );
    // Fee 0.60 % of 15,000 = 90; half refunded brings 45 back.
    expect([simFee, simBack]).toEqual([90, 45]);
    expect(booked).toBe(simFee - simBack);
    expect(
      num(srv.prepare('SELECT refunded_fen AS n FROM payment_order WHERE out_trade_no = ?').get(no)),
    ).toBe(7_500);
    const market = loadSimSettings(s.simDir).sp_mchid;
    await until(
      () => readBooks(s, market).server_stall_fen === readBooks(s, market).sim_stall_fen,
      5_000,
      'the stall books to agree',
    ).catch(() => undefined);
    const books = readBooks(s, market);
    expect(books.server_stall_fen).toBe(books.sim_stall_fen);
    expect(books.server_market_fen).toBe(books.sim_market_fen);
    expect(books.sim_net_fen).toBe(books.server_net_fen);
    expect(books.sim_balanced).toBe(true);
  }, 90_000);
});
