// Refunds from the till through the server to the institution, after the split: the market's share returned first, then the refund; never above what was paid.
import { api } from '../../shared/api';
import { beforeAll, describe, expect, it } from 'vitest';
import { saleTenders } from '../../src-main/sales/sale-store';
import { loadOrCreateKey } from '../../src-main/sync/signer';
import { callServer, ServerError } from '../../src-main/sync/server-client';
import { count, paidBagsSale, splitDone, until, type PayStack } from './stack';
import { payStackSession } from './session';

const session = payStackSession();
let s: PayStack;
beforeAll(() => {
  s = session.s;
});

const refundRow = (refundId: string) =>
  s.serverDb().prepare('SELECT * FROM payment_refund WHERE refund_id = ?').get(refundId) as
    { state: string; amount_fen: number; return_fen: number } | undefined;
const posted = (key: string): number =>
  (
    s
      .serverDb()
      .prepare(
        'SELECT COALESCE(SUM(amount_fen), 0) AS n FROM ledger_posting p JOIN ledger_entry e ON e.id = p.entry_id WHERE e.idem_key = ? AND p.amount_fen > 0 AND p.book = ?',
      )
      .get(key, 'gl') as { n: number }
  ).n;

describe('refunds through the institution', () => {
  it('refunds part twice (market share returned first, booked), then refuses a refund above what is left', async () => {
    const { sale_id, no, buyer } = await paidBagsSale(s);
    await splitDone(s, no);
    await until(
      () => saleTenders(s.core.db, sale_id)[0]?.status === 'paid',
      10_000,
      'the till to know it paid',
    );
    const balanceBefore = (
      s
        .simDb()
        .prepare("SELECT -COALESCE(SUM(amount_fen), 0) AS b FROM postings WHERE account = 'buyer:' || ?")
        .get(buyer) as { b: number }
    ).b;

    // First partial refund: 2 of 10 bags through the till.
    const r1 = await s.core.handlers['refund-create']({
      sale_id: sale_id,
      lines: [{ line_no: 1, quantity: 2 }],
      reason: '坏了两袋',
    });
    expect(r1.amount_fen).toBe(3_000);
    await until(() => refundRow(r1.refund_id)?.state === 'succeeded', 10_000, 'the first refund to succeed');
    expect(refundRow(r1.refund_id)).toMatchObject({ amount_fen: 3_000, return_fen: 30 });
    expect(posted(`split-return:R${r1.refund_id}01`)).toBe(30);

    // The institution wants refunds of one order a minute apart.
    await s.control('POST', '/clock/advance', { ms: 61_000 });
    const r2 = await s.core.handlers['refund-create']({
      sale_id: sale_id,
      lines: [{ line_no: 1, quantity: 3 }],
      reason: '',
    });
    expect(r2.amount_fen).toBe(4_500);
    await until(() => refundRow(r2.refund_id)?.state === 'succeeded', 10_000, 'the second refund to succeed');
    expect(refundRow(r2.refund_id)?.return_fen).toBe(45);
    expect(
      (
        s.serverDb().prepare('SELECT refunded_fen FROM payment_order WHERE out_trade_no = ?').get(no) as {
          refunded_fen: number;
        }
      ).refunded_fen,
    ).toBe(7_500);
    expect(
      (
        s.simDb().prepare('SELECT refunded_fen FROM orders WHERE out_trade_no = ?').get(no) as {
          refunded_fen: number;
        }
      ).refunded_fen,
    ).toBe(7_500);
    await until(
      () =>
        (
          s
            .simDb()
            .prepare("SELECT -COALESCE(SUM(amount_fen), 0) AS b FROM postings WHERE account = 'buyer:' || ?")
            .get(buyer) as { b: number }
        ).b ===
        balanceBefore + 7_500,
      10_000,
      'the buyer to have the money back',
    );

    // Over-refund: 7,501 fen when 7,500 are left, asked of the server directly with the till's key — refused, nothing recorded.
    await s.control('POST', '/clock/advance', { ms: 61_000 });
    const link = {
      url: s.server.url,
      auth: { key: loadOrCreateKey(s.terminalDir).privateKey, terminalId: s.core.identity.terminal_id },
    };
    const err = await callServer(link, api.terminalPaymentRefund, {
      body: { refund_id: 'OVER1', sale_id: sale_id, tender_no: 1, amount_fen: 7_501, reason: '' },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).status).toBe(409);
    expect(refundRow('OVER1')).toBeUndefined();
    // The till refuses it too: only 5 bags are left to refund.
    await expect(
      s.core.handlers['refund-create']({
        sale_id: sale_id,
        lines: [{ line_no: 1, quantity: 6 }],
        reason: '',
      }),
    ).rejects.toThrow();
    expect(
      (
        s.simDb().prepare('SELECT refunded_fen FROM orders WHERE out_trade_no = ?').get(no) as {
          refunded_fen: number;
        }
      ).refunded_fen,
    ).toBe(7_500);
    expect(count(s.serverDb(), 'SELECT COUNT(*) AS n FROM payment_refund WHERE out_trade_no = ?', no)).toBe(
      2,
    );
    // The market gave back exactly its share of what was refunded; market cash only ever received fee shares.
    expect(
      (
        s
          .simDb()
          .prepare("SELECT COALESCE(SUM(amount_fen), 0) AS n FROM share_returns WHERE state = 'SUCCESS'")
          .get() as { n: number }
      ).n,
    ).toBe(75);
    const inv = await s.admin<{ ok: boolean; secondary_clearing: unknown[] }>(
      '/api/v1/admin/ledger/invariants',
    );
    expect(inv).toMatchObject({ ok: true, secondary_clearing: [] });
  });
});
