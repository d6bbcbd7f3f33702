import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyReceiver, startHarness, until, type Harness } from '../testing/harness';
import { wxDecrypt } from '../testing/client';
import { WECHAT_UA, outNo, prepayBody, queryPath } from '../testing/bodies';
import { B2B_FEE_FEN } from './b2b';

let h: Harness;
let sub: string;
let rx: Awaited<ReturnType<typeof notifyReceiver>>;
beforeAll(async () => {
  h = await startHarness();
  rx = await notifyReceiver();
  sub = await h.merchant();
});
afterAll(async () => {
  await rx.close();
  await h.close();
});

describe('B2B gateway (企业网银) for a truckload', () => {
  it('takes 100,000 CNY through the bank page, notifies, freezes for sharing, and is not refundable online', async () => {
    const body = prepayBody(h, sub, 10_000_000, rx.url, { settle_info: { profit_sharing: true } });
    const r = await h.api.call<{ pay_url: string }>('POST', '/v3/pay/b2b/gateway', body);
    expect([r.status, r.verified]).toEqual([200, true]);
    expect(await (await fetch(r.body.pay_url)).text()).toContain('¥100000.00');
    const token = r.body.pay_url.split('/').at(-1) ?? '';
    expect(
      await (
        await fetch(`${h.sim.url}/cashier/pay/${token}`, { headers: { 'User-Agent': WECHAT_UA } })
      ).text(),
    ).toContain('企业网银');
    const ok = await fetch(`${r.body.pay_url}/confirm`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'company=%E5%8C%97%E4%BA%AC%E6%9F%90%E9%A4%90%E9%A5%AE',
    });
    expect(await ok.text()).toContain('转账成功');
    expect((await h.api.call('GET', queryPath(h, sub, String(body.out_trade_no)))).body).toMatchObject({
      trade_state: 'SUCCESS',
      trade_type: 'B2B',
    });
    await until(() =>
      rx.got.some(
        (g) => JSON.parse(wxDecrypt(JSON.parse(g.body).resource, h.cfg.api_v3_key)).trade_type === 'B2B',
      ),
    );
    expect((await h.api.call('GET', `/v3/merchants/${sub}/balance`)).body.pending_amount).toBe(
      10_000_000 - B2B_FEE_FEN,
    );
    const refund = await h.api.call('POST', '/v3/refund/domestic/refunds', {
      sub_mchid: sub,
      out_trade_no: body.out_trade_no,
      out_refund_no: outNo('R'),
      amount: { refund: 1, total: 10_000_000, currency: 'CNY' },
    });
    expect(refund.body.code).toBe('INVALID_REQUEST');
    expect(await (await fetch(`${r.body.pay_url}/confirm`, { method: 'POST' })).text()).toContain('不能支付');
    expect(await h.control('GET', '/ledger')).toMatchObject({ balanced: true, negative: [] });
  });
});
