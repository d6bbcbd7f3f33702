// A refund the institution gives up (CLOSED) after the market's fee share was already returned (分账回退): the money is the
// stall's again at the institution, so the server books it back (refund_closed) and bills the returned fee to the stall
// (market_fee): the stall's and the market's books agree with the institution's, market cash took no stall money.
import { beforeAll, describe, expect, it } from 'vitest';
import { saleTenders } from '../../src-main/sales/sale-store';
import { loadSimSettings } from '../../src-server/payments/config';
import { readBooks } from './books';
import { paidBagsSale, splitDone, until, type PayStack } from './stack';
import { payStackSession } from './session';

const session = payStackSession();
let s: PayStack;
beforeAll(() => {
  s = session.s;
});

const posted = (key: string, book: string): number =>
  (
    s
      .serverDb()
      .prepare(
        'SELECT COALESCE(SUM(amount_fen), 0) AS n FROM ledger_posting p JOIN ledger_entry e ON e.id = p.entry_id WHERE e.idem_key = ? AND p.amount_fen > 0 AND p.book = ?',
      )
      .get(key, book) as { n: number }
  ).n;

describe('a refund closed after the fee return', () => {
  it('is booked back: stall and market books agree with the institution', async () => {
    const { sale_id, no } = await paidBagsSale(s);
    await splitDone(s, no);
    await until(
      () => saleTenders(s.core.db, sale_id)[0]?.status === 'paid',
      30_000,
      'the till to know it paid',
    );

    await s.control('POST', '/faults', { kind: 'refund_closed', count: 1 });
    const r = await s.core.handlers['refund-create']({
      sale_id: sale_id,
      lines: [{ line_no: 1, quantity: 4 }],
      reason: '退回',
      manager_pin: '8888',
    });
    const outRefundNo = `R${r.refund_id}01`;
    const row = () =>
      s
        .serverDb()
        .prepare('SELECT state, return_fen FROM payment_refund WHERE out_refund_no = ?')
        .get(outRefundNo) as { state: string; return_fen: number } | undefined;
    await until(() => row()?.state === 'closed', 15_000, 'the refund to be closed');
    expect(row()?.return_fen).toBe(60);
    // 6,000 back with the stall less the 36 fen fee the institution keeps again; the 60 fen fee share billed to the stall.
    expect(posted(`refund-closed:${outRefundNo}`, 'memo')).toBe(6_000);
    expect(posted(`fee-rebill:${outRefundNo}`, 'gl')).toBe(60);
    expect(
      (
        s.serverDb().prepare('SELECT refunded_fen FROM payment_order WHERE out_trade_no = ?').get(no) as {
          refunded_fen: number;
        }
      ).refunded_fen,
    ).toBe(0);

    await until(() => s.core.sync.status().queue_depth === 0, 10_000, 'the till journal synced');
    const market = loadSimSettings(s.simDir).sp_mchid;
    await until(
      () => readBooks(s, market).server_stall_fen === readBooks(s, market).sim_stall_fen,
      5_000,
      'the stall books',
    ).catch(() => undefined);
    const books = readBooks(s, market);
    expect(books.sim_balanced).toBe(true);
    expect(books.server_stall_fen).toBe(books.sim_stall_fen);
    expect(books.server_market_fen).toBe(books.sim_market_fen);
    // The till's journal keeps its refund (the buyer is owed it until staff settle it); the institution refunded nothing.
    expect(books.sim_net_fen).toBe(15_000);
    expect(books.till_net_fen).toBe(9_000);
    const inv = await s.admin<{ ok: boolean; secondary_clearing: unknown[] }>(
      '/api/v1/admin/ledger/invariants',
    );
    expect(inv).toMatchObject({ ok: true, secondary_clearing: [] });
  }, 60_000);
});
