import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, notifyReceiver, until, type Harness } from '../testing/harness';
import { wxDecrypt, wxVerify } from '../testing/client';
import { ALIPAY_UA, WECHAT_UA, buyerBalance, buyerPaysPage, prepayBody, queryPath } from '../testing/bodies';
import { DEFAULT_EXPIRE_MS, MIN_EXPIRE_MS, effectiveExpire } from './prepay';

let h: Harness;
let rx: Awaited<ReturnType<typeof notifyReceiver>>;
let sub: string;
let buyer: string;
beforeAll(async () => {
  h = await startHarness();
  rx = await notifyReceiver();
  sub = await h.merchant();
  buyer = await h.buyer('WECHAT', 1_000_000);
});
afterAll(async () => {
  await rx.close();
  await h.close();
});

const N = '/v3/pay/partner/transactions/native';

describe('native orders and the buyer cashier page', () => {
  it('creates, is idempotent by out_trade_no, refuses reuse with other data', async () => {
    const body = prepayBody(h, sub, 1234, rx.url);
    const a = await h.api.call<{ code_url: string }>('POST', N, body);
    expect(a.status).toBe(200);
    expect(a.verified).toBe(true);
    expect(a.body.code_url).toMatch(/\/cashier\/pay\//);
    const again = await h.api.call<{ code_url: string }>('POST', N, body);
    expect(again.body.code_url).toBe(a.body.code_url);
    const reuse = await h.api.call('POST', N, { ...body, amount: { total: 1235 } });
    expect([reuse.status, reuse.body.code]).toEqual([403, 'OUT_TRADE_NO_USED']);
    const q = await h.api.call('GET', queryPath(h, sub, String(body.out_trade_no)));
    expect(q.body).toMatchObject({ trade_state: 'NOTPAY', amount: { total: 1234 } });
    expect(q.body.transaction_id).toBeUndefined();
  });

  it('routes the page by User-Agent and lets the buyer cancel, fail the password, then pay', async () => {
    const body = prepayBody(h, sub, 8800, rx.url);
    const {
      body: { code_url },
    } = await h.api.call<{ code_url: string }>('POST', N, body);
    const plain = await fetch(code_url, { headers: { 'User-Agent': 'Mozilla/5.0 Safari/605' } });
    expect(plain.status).toBe(400);
    expect(await plain.text()).toContain('请在微信/支付宝/银联应用内扫码进入');
    const wx = await (await fetch(code_url, { headers: { 'User-Agent': WECHAT_UA } })).text();
    expect(wx).toContain('¥88.00');
    expect(wx).toContain('微信支付');
    expect(await (await fetch(code_url, { headers: { 'User-Agent': ALIPAY_UA } })).text()).toContain(
      '支付宝',
    );
    const cancel = await fetch(`${code_url}/cancel`, {
      method: 'POST',
      headers: { 'User-Agent': WECHAT_UA },
    });
    expect(await cancel.text()).toContain('已取消支付');
    expect(await buyerPaysPage(h, code_url, buyer, '000000')).toContain('支付密码错误');
    expect(await buyerPaysPage(h, code_url, buyer, '123456', ALIPAY_UA)).toContain('付款账户不属于当前应用');
    expect((await h.api.call('GET', queryPath(h, sub, String(body.out_trade_no)))).body.trade_state).toBe(
      'NOTPAY',
    );
    const before = await buyerBalance(h, buyer);
    expect(await buyerPaysPage(h, code_url, buyer)).toContain('支付成功');
    expect(await buyerBalance(h, buyer)).toBe(before - 8800);
    expect(await buyerPaysPage(h, code_url, buyer)).toContain('订单已支付');
    const q = await h.api.call('GET', queryPath(h, sub, String(body.out_trade_no)));
    expect(q.body).toMatchObject({
      trade_state: 'SUCCESS',
      trade_type: 'NATIVE',
      amount: { total: 8800, payer_total: 8800 },
      sim_channel: 'WECHAT',
    });
    expect(q.body.transaction_id).toMatch(/^4200\d{24}$/);
    expect((await h.api.call('POST', N, body)).body.code).toBe('ORDERPAID');
    const close = await h.api.call(
      'POST',
      `/v3/pay/partner/transactions/out-trade-no/${String(body.out_trade_no)}/close`,
      { sp_mchid: h.cfg.sp_mchid, sub_mchid: sub },
    );
    expect(close.body.code).toBe('ORDERPAID');
  });

  it('notifies TRANSACTION.SUCCESS, signed and encrypted the way WeChat does', async () => {
    const body = prepayBody(h, sub, 500, rx.url, { attach: 'sale:42' });
    const {
      body: { code_url },
    } = await h.api.call<{ code_url: string }>('POST', N, body);
    await buyerPaysPage(h, code_url, buyer);
    await until(() =>
      rx.got.some(
        (g) =>
          g.body.includes('TRANSACTION.SUCCESS') &&
          JSON.parse(wxDecrypt(JSON.parse(g.body).resource, h.cfg.api_v3_key)).out_trade_no ===
            body.out_trade_no,
      ),
    );
    const g = rx.got.find(
      (x) =>
        JSON.parse(wxDecrypt(JSON.parse(x.body).resource, h.cfg.api_v3_key)).out_trade_no ===
        body.out_trade_no,
    );
    if (g === undefined) throw new Error('no notification');
    expect(g.headers['wechatpay-serial']).toBe(h.cfg.platform_public_key_id);
    expect(
      wxVerify(
        {
          timestamp: String(g.headers['wechatpay-timestamp']),
          nonce: String(g.headers['wechatpay-nonce']),
          signature: String(g.headers['wechatpay-signature']),
        },
        g.body,
        h.cfg.platform_public_key_pem,
      ),
    ).toBe(true);
    const env = JSON.parse(g.body);
    expect(Object.keys(env).sort()).toEqual([
      'create_time',
      'event_type',
      'id',
      'resource',
      'resource_type',
      'summary',
    ]);
    expect(env).toMatchObject({
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      summary: '支付成功',
      resource: {
        algorithm: 'AEAD_AES_256_GCM',
        original_type: 'transaction',
        associated_data: 'transaction',
      },
    });
    expect(env.create_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    const tx = JSON.parse(wxDecrypt(env.resource, h.cfg.api_v3_key));
    expect(tx).toMatchObject({
      sp_mchid: h.cfg.sp_mchid,
      sub_mchid: sub,
      trade_state: 'SUCCESS',
      attach: 'sale:42',
      amount: { total: 500 },
    });
  });

  it('closes unpaid orders (twice is fine) and the page then refuses', async () => {
    const body = prepayBody(h, sub, 300, rx.url);
    const {
      body: { code_url },
    } = await h.api.call<{ code_url: string }>('POST', N, body);
    const path = `/v3/pay/partner/transactions/out-trade-no/${String(body.out_trade_no)}/close`;
    const c1 = await h.api.call('POST', path, { sp_mchid: h.cfg.sp_mchid, sub_mchid: sub });
    expect([c1.status, c1.raw, c1.verified]).toEqual([204, '', true]);
    expect((await h.api.call('POST', path, { sp_mchid: h.cfg.sp_mchid, sub_mchid: sub })).status).toBe(204);
    expect((await h.api.call('GET', queryPath(h, sub, String(body.out_trade_no)))).body.trade_state).toBe(
      'CLOSED',
    );
    expect(await buyerPaysPage(h, code_url, buyer)).toContain('订单已关闭');
    expect((await h.api.call('POST', N, body)).body.code).toBe('ORDER_CLOSED');
  });

  it('the code_url works for 2 hours; time_expire is raised to +1 min and capped at 90 days', async () => {
    const body = prepayBody(h, sub, 300, rx.url);
    const {
      body: { code_url },
    } = await h.api.call<{ code_url: string }>('POST', N, body);
    await h.advance(2 * 3600_000 + 1000);
    expect(await (await fetch(code_url, { headers: { 'User-Agent': WECHAT_UA } })).text()).toContain(
      '二维码已过期',
    );
    const far = await h.api.call(
      'POST',
      N,
      prepayBody(h, sub, 300, rx.url, { time_expire: '2999-01-01T00:00:00+08:00' }),
    );
    expect(far.body.code).toBe('PARAM_ERROR');
    const now = Date.parse('2024-05-01T10:00:00+08:00');
    expect(effectiveExpire(now, '2024-05-01T10:00:30+08:00')).toBe(now + MIN_EXPIRE_MS);
    expect(effectiveExpire(now, '2024-05-01T11:00:00+08:00')).toBe(now + 3600_000);
    expect(effectiveExpire(now, undefined)).toBe(now + DEFAULT_EXPIRE_MS);
  });

  it('an expired order cannot be paid', async () => {
    const exp = new Date(Date.now() + 61_000).toISOString().replace('Z', '+00:00');
    const body = prepayBody(h, sub, 300, rx.url, { time_expire: exp });
    const {
      body: { h5_url },
    } = await h.api.call<{ h5_url: string }>('POST', '/v3/pay/partner/transactions/h5', body);
    await h.advance(3 * 60_000);
    expect(await buyerPaysPage(h, h5_url, buyer)).toContain('订单已过期');
  });

  it('a JSAPI order can be paid only by the payer it was made for', async () => {
    const other = await h.buyer('WECHAT', 100_000);
    const buyers = (await (await fetch(`${h.sim.url}/sim/buyers`)).json()) as {
      buyers: { id: string; openid: string }[];
    };
    const openid = buyers.buyers.find((b) => b.id === buyer)?.openid;
    const body = prepayBody(h, sub, 100, rx.url, { payer: { sp_openid: openid } });
    const j = await h.api.call<{ prepay_id: string }>('POST', '/v3/pay/partner/transactions/jsapi', body);
    const url = `${h.sim.url}/cashier/pay/${j.body.prepay_id.slice(2)}`;
    expect(await buyerPaysPage(h, url, other)).toContain('该订单不属于当前付款账户');
    expect(await buyerPaysPage(h, url, buyer)).toContain('支付成功');
  });

  it('JSAPI needs a payer openid and answers a prepay_id; H5 answers an h5_url', async () => {
    expect(
      (await h.api.call('POST', '/v3/pay/partner/transactions/jsapi', prepayBody(h, sub, 100, rx.url))).body
        .code,
    ).toBe('PARAM_ERROR');
    const j = await h.api.call(
      'POST',
      '/v3/pay/partner/transactions/jsapi',
      prepayBody(h, sub, 100, rx.url, { payer: { sp_openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' } }),
    );
    expect(j.body.prepay_id).toMatch(/^wx/);
    const h5 = await h.api.call(
      'POST',
      '/v3/pay/partner/transactions/h5',
      prepayBody(h, sub, 100, rx.url, {
        scene_info: { payer_client_ip: '1.2.3.4', h5_info: { type: 'Wap' } },
      }),
    );
    expect(h5.body.h5_url).toMatch(/h5=1$/);
  });

  it('refuses bad parameters and foreign or unknown sub-merchants', async () => {
    expect((await h.api.call('POST', N, prepayBody(h, sub, 0, rx.url))).body.code).toBe('PARAM_ERROR');
    expect((await h.api.call('POST', N, prepayBody(h, sub, 1.5, rx.url))).body.code).toBe('PARAM_ERROR');
    expect(
      (await h.api.call('POST', N, { ...prepayBody(h, sub, 100, rx.url), out_trade_no: 'abc' })).body.code,
    ).toBe('PARAM_ERROR');
    expect((await h.api.call('POST', N, prepayBody(h, '1699999999', 100, rx.url))).body.code).toBe('NO_AUTH');
    expect(
      (await h.api.call('POST', N, { ...prepayBody(h, sub, 100, rx.url), sp_mchid: '1900000001' })).body.code,
    ).toBe('NO_AUTH');
    const q = await h.api.call('GET', queryPath(h, sub, 'NOSUCHORDER1'));
    expect([q.status, q.body.code]).toEqual([404, 'ORDER_NOT_EXIST']);
  });
});
