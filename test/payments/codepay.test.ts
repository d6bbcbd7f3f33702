// Payment code scanned by the cashier: through the real simulator, server and terminal core.
import { beforeAll, describe, expect, it } from 'vitest';
import { getSale, saleTenders } from '../../src-main/sales/sale-store';
import { simTransactionId, until, type PayStack } from './stack';
import { payStackSession } from './session';

const session = payStackSession();
let s: PayStack;
beforeAll(() => {
  s = session.s;
});

const line = [
  { product_id: 'S01-V001', entry: { kind: 'weight' as const, gross_g: 5000, tare_g: 0 }, discount_fen: 0 },
];

describe('payment code', () => {
  it('is paid at once: the sale completes in the same call', async () => {
    const buyer = await s.buyer('WECHAT');
    const code = await s.code(buyer);
    const r = await s.core.handlers['sale-complete']({
      lines: line,
      sale_discount_fen: 0,
      tenders: [{ kind: 'payment_code', amount_fen: 1200, code }],
    });
    expect(r.status).toBe('completed');
    expect(saleTenders(s.core.db, r.sale_id)[0]).toMatchObject({ status: 'paid' });
  });

  it('waits for the password (USERPAYING), the buyer types it, and the polled order turns paid on the till', async () => {
    const buyer = await s.buyer('WECHAT');
    const code = await s.code(buyer);
    const big = [{ product_id: 'S01-V006', entry: { kind: 'count' as const, count: 200 }, discount_fen: 0 }];
    const r = await s.core.handlers['sale-complete']({
      lines: big,
      sale_discount_fen: 0,
      tenders: [{ kind: 'payment_code', amount_fen: 300_000, code }],
    });
    expect(r.status).toBe('pending');
    expect(saleTenders(s.core.db, r.sale_id)[0]).toMatchObject({ status: 'pending' });
    const no = `C${r.sale_id}01`;
    // Past the 400 ms limit the server tries to reverse; the institution refuses while the buyer is typing, so it keeps polling.
    await new Promise((res) => setTimeout(res, 600));
    expect(
      (
        s.serverDb().prepare('SELECT state FROM payment_order WHERE out_trade_no = ?').get(no) as {
          state: string;
        }
      ).state,
    ).toBe('paying');
    await s.control('POST', `/buyers/${buyer}/password`, {
      transaction_id: await simTransactionId(s, no),
      password: '123456',
    });
    await until(() => saleTenders(s.core.db, r.sale_id)[0]?.status === 'paid', 10_000, 'the tender paid');
    expect(getSale(s.core.db, r.sale_id)?.status).toBe('completed');
    const o = s
      .serverDb()
      .prepare('SELECT state, transaction_id FROM payment_order WHERE out_trade_no = ?')
      .get(no) as { state: string; transaction_id: string };
    expect(o).toMatchObject({ state: 'succeeded' });
    expect(
      (
        s
          .serverDb()
          .prepare('SELECT COUNT(*) AS n FROM ledger_entry WHERE idem_key = ?')
          .get(`payment:${no}`) as { n: number }
      ).n,
    ).toBe(1);
  });

  it('waits for the password (USERPAYING), is never confirmed, and is reversed; the tender turns reversed, with the reason', async () => {
    const buyer = await s.buyer('ALIPAY');
    const code = await s.code(buyer);
    // 3,000 元 and more needs the buyer's password.
    const big = [{ product_id: 'S01-V006', entry: { kind: 'count' as const, count: 200 }, discount_fen: 0 }];
    const r = await s.core.handlers['sale-complete']({
      lines: big,
      sale_discount_fen: 0,
      tenders: [{ kind: 'payment_code', amount_fen: 300_000, code }],
    });
    expect(r.status).toBe('pending');
    // Past the institution's 45 s the unconfirmed order is revoked; the server's reverse then succeeds.
    await s.control('POST', '/clock/advance', { ms: 46_000 });
    await until(
      () => saleTenders(s.core.db, r.sale_id)[0]?.status === 'reversed',
      15_000,
      'the reversed tender',
    );
    expect(getSale(s.core.db, r.sale_id)?.status).toBe('pending');
    const o = s.serverDb().prepare('SELECT state FROM payment_order WHERE sale_id = ?').get(r.sale_id) as {
      state: string;
    };
    expect(o.state).toBe('reversed');
  });
});
