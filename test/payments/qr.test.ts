// QR on the receipt, buyer scans: through the real simulator, server and terminal core over HTTP.
import { beforeAll, describe, expect, it } from 'vitest';
import { saleTenders, getSale } from '../../src-main/sales/sale-store';
import { ALIPAY_UA, UNIONPAY_UA, WECHAT_UA, buyerPays, until, type PayStack } from './stack';
import { payStackSession } from './session';

const session = payStackSession();
let s: PayStack;
beforeAll(() => {
  s = session.s;
});

async function qrSale(gross_g = 5000): Promise<{ sale_id: string; pay_url: string; total_fen: number }> {
  const r = await s.core.handlers['sale-complete']({
    lines: [{ product_id: 'S01-V001', entry: { kind: 'weight', gross_g, tare_g: 0 }, discount_fen: 0 }],
    sale_discount_fen: 0,
    tenders: [{ kind: 'qr', amount_fen: Math.round((gross_g / 500) * 120) }],
  });
  expect(r.status).toBe('pending');
  if (!r.pay_url) throw new Error('no pay url');
  return { sale_id: r.sale_id, pay_url: r.pay_url, total_fen: r.total_fen };
}

describe('receipt QR paid by the buyer', () => {
  it.each([
    ['WeChat', WECHAT_UA, 'WECHAT'],
    ['Alipay', ALIPAY_UA, 'ALIPAY'],
    ['UnionPay', UNIONPAY_UA, 'UNIONPAY'],
  ] as const)(
    'is paid with %s: one order, notification, tender paid on the till, split booked',
    async (_name, ua, channel) => {
      const buyer = await s.buyer(channel);
      const sale = await qrSale();
      const paid = await buyerPays(sale.pay_url, ua, buyer);
      expect(paid.landing).toBe(302);
      expect(paid.confirm).toContain('支付成功');
      await until(
        () => getSale(s.core.db, sale.sale_id)?.status === 'completed',
        10_000,
        'the till to learn of the payment',
      );
      expect(saleTenders(s.core.db, sale.sale_id)[0]).toMatchObject({ status: 'paid' });
      const db = s.serverDb();
      // The institution refuses splits in the first 30 s after payment (its clock).
      await s.control('POST', '/clock/advance', { ms: 31_000 });
      const order = await until(
        () =>
          db
            .prepare("SELECT * FROM payment_order WHERE sale_id = ? AND split_state = 'done'")
            .get(sale.sale_id) as { channel: string; market_fee_fen: number } | undefined,
        10_000,
        'the split',
      );
      expect(order.channel).toBe(channel);
      expect(order.market_fee_fen).toBe(Math.round(sale.total_fen / 100));
      // Scanning again after payment finds the same, paid order.
      const again = await fetch(sale.pay_url, { headers: { 'user-agent': ua }, redirect: 'manual' });
      expect(await again.text()).toContain('已支付');
      expect(
        (
          db.prepare('SELECT COUNT(*) AS n FROM payment_order WHERE sale_id = ?').get(sale.sale_id) as {
            n: number;
          }
        ).n,
      ).toBe(1);
    },
  );

  it('sends other browsers to a page naming the apps, and refuses altered tokens without an order', async () => {
    const sale = await qrSale(1000);
    const plain = await fetch(sale.pay_url, { headers: { 'user-agent': 'Mozilla/5.0 Chrome/120' } });
    expect(await plain.text()).toContain('请在微信/支付宝/银联应用内扫码进入');
    const token = sale.pay_url.split('/p/')[1] ?? '';
    const altered = `${sale.pay_url.split('/p/')[0]}/p/${token.slice(0, 40)}${token[40] === 'A' ? 'B' : 'A'}${token.slice(41)}`;
    const bad = await fetch(altered, { headers: { 'user-agent': WECHAT_UA }, redirect: 'manual' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('二维码无效');
    expect(
      (
        s
          .serverDb()
          .prepare('SELECT COUNT(*) AS n FROM payment_order WHERE sale_id = ?')
          .get(sale.sale_id) as { n: number }
      ).n,
    ).toBe(0);
  });
});
