// A receipt QR printed while the till is offline, paid by the buyer's phone (which is online), learned by the till on reconnect.
import { beforeAll, describe, expect, it } from 'vitest';
import { getSale, saleTenders } from '../../src-main/sales/sale-store';
import { WECHAT_UA, buyerPays, until, type PayStack } from './stack';
import { payStackSession } from './session';

const session = payStackSession({}, { via_proxy: true });
let s: PayStack;
beforeAll(() => {
  s = session.s;
});

describe('offline QR', () => {
  it('is signed and printed with the till offline, paid by the buyer before the till reconnects, and the tender turns paid on reconnect', async () => {
    const proxy = s.proxy;
    if (!proxy) throw new Error('no proxy');
    proxy.setDown(true);
    const r = await s.core.handlers['sale-complete']({
      lines: [
        { product_id: 'S01-V001', entry: { kind: 'weight', gross_g: 5000, tare_g: 0 }, discount_fen: 0 },
      ],
      sale_discount_fen: 0,
      tenders: [{ kind: 'qr', amount_fen: 1200 }],
    });
    expect(r.status).toBe('pending');
    if (!r.pay_url) throw new Error('no pay url');
    await until(() => !s.core.sync.status().online, 5_000, 'the till to see it is offline');
    // A payment code cannot be used offline; the cashier is told at once.
    await expect(
      s.core.handlers['sale-complete']({
        lines: [
          { product_id: 'S01-V001', entry: { kind: 'weight', gross_g: 500, tare_g: 0 }, discount_fen: 0 },
        ],
        sale_discount_fen: 0,
        tenders: [{ kind: 'payment_code', amount_fen: 120, code: '134567890123456789' }],
      }),
    ).rejects.toThrow(/离线/);
    // The server does not know the sale yet (nothing synced), yet the signed token is enough.
    expect(s.serverDb().prepare('SELECT id FROM sale WHERE id = ?').get(r.sale_id)).toBeUndefined();
    // The phone reaches the server over its own network: same path and token, the server's address.
    const phoneUrl = `${s.server.url}/p/${r.pay_url.split('/p/')[1] ?? ''}`;
    const buyer = await s.buyer('WECHAT');
    expect((await buyerPays(phoneUrl, WECHAT_UA, buyer)).confirm).toContain('支付成功');
    const no = `Q${r.sale_id}01`;
    await until(
      () =>
        (
          s.serverDb().prepare('SELECT state FROM payment_order WHERE out_trade_no = ?').get(no) as
            { state: string } | undefined
        )?.state === 'succeeded',
      10_000,
      'the server to have it paid',
    );
    // Still offline: the till cannot know, the tender stays pending (a receivable).
    await new Promise((res) => setTimeout(res, 2_300));
    expect(saleTenders(s.core.db, r.sale_id)[0]).toMatchObject({ status: 'pending' });
    proxy.setDown(false);
    s.core.sync.trigger();
    await until(
      () => saleTenders(s.core.db, r.sale_id)[0]?.status === 'paid',
      15_000,
      'the till to learn it on reconnect',
    );
    expect(getSale(s.core.db, r.sale_id)?.status).toBe('completed');
    // The sale synced too, and the server's copy of the tender agrees.
    await until(
      () =>
        (
          s.serverDb().prepare('SELECT status FROM sale_tender WHERE sale_id = ?').get(r.sale_id) as
            { status: string } | undefined
        )?.status === 'paid',
      15_000,
      'the server to have the synced tender paid',
    );
  });
  it('charges a payment code whose charge was lost when the link dropped, once, when the cashier asks about it', async () => {
    const proxy = s.proxy;
    if (!proxy) throw new Error('no proxy');
    await until(() => s.core.sync.status().online, 15_000, 'the till online');
    const buyer = await s.buyer('WECHAT');
    const code = await s.code(buyer);
    // The link drops between the scan and the charge: the till still thinks it is online.
    proxy.setDown(true);
    const r = await s.core.handlers['sale-complete']({
      lines: [
        { product_id: 'S01-V001', entry: { kind: 'weight', gross_g: 2500, tare_g: 0 }, discount_fen: 0 },
      ],
      sale_discount_fen: 0,
      tenders: [{ kind: 'payment_code', amount_fen: 600, code }],
    });
    expect(r.status).toBe('pending');
    const no = `C${r.sale_id}01`;
    expect(
      s.serverDb().prepare('SELECT state FROM payment_order WHERE out_trade_no = ?').get(no),
    ).toBeUndefined();
    proxy.setDown(false);
    const q = await s.core.handlers['payment-query']({ sale_id: r.sale_id });
    expect(q.tenders[0]).toMatchObject({ status: 'paid', state: 'succeeded' });
    expect(getSale(s.core.db, r.sale_id)?.status).toBe('completed');
    // Asked again: the same order, charged once.
    await s.core.handlers['payment-query']({ sale_id: r.sale_id });
    expect(s.simDb().prepare('SELECT COUNT(*) AS n FROM orders WHERE out_trade_no = ?').get(no)).toEqual({
      n: 1,
    });
  });
});
