import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyReceiver, startHarness, until, type Harness } from '../testing/harness';
import { wxDecrypt } from '../testing/client';
import { WECHAT_UA, buyerBalance, buyerPaysPage, codepayBody, prepayBody } from '../testing/bodies';
import { DAILY_CAP_FEN, STATIC_DAILY_CAP_FEN } from './limits';

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

const CP = '/v3/pay/partner/transactions/codepay';
const codepay = async (buyer: string, total: number) =>
  h.api.call('POST', CP, codepayBody(h, sub, total, await h.code(buyer)));

describe('payer daily caps (银发〔2017〕296号)', () => {
  it(`level B: ${DAILY_CAP_FEN.B} fen a day over codes and QR, refused as RULE_LIMIT (PAYERROR), reset the next day`, async () => {
    const b = await h.buyer('WECHAT', 10_000_000, 'B');
    expect((await codepay(b, 200_000)).status).toBe(200);
    expect((await codepay(b, 200_000)).status).toBe(200);
    const over = await codepay(b, 100_001);
    expect([over.status, over.body.code]).toEqual([403, 'RULE_LIMIT']);
    const r = await h.api.call<{ code_url: string }>(
      'POST',
      '/v3/pay/partner/transactions/native',
      prepayBody(h, sub, 100_001, rx.url),
    );
    expect(await buyerPaysPage(h, r.body.code_url, b)).toContain('限额');
    expect((await codepay(b, 100_000)).status).toBe(200);
    expect(await buyerBalance(h, b)).toBe(10_000_000 - DAILY_CAP_FEN.B);
    await h.advance(86_400_000);
    expect((await codepay(b, 1)).status).toBe(200);
  });

  it(`level C: ${DAILY_CAP_FEN.C} fen a day`, async () => {
    const c = await h.buyer('ALIPAY', 10_000_000, 'C');
    expect((await codepay(c, DAILY_CAP_FEN.C)).status).toBe(200);
    expect((await codepay(c, 1)).body.code).toBe('RULE_LIMIT');
  });

  it(`a stall's static code: amount typed by the buyer, ${STATIC_DAILY_CAP_FEN} fen per payer per day, notified like any order`, async () => {
    const a = await h.buyer('WECHAT', 10_000_000, 'A');
    const sc = await h.api.call<{ static_code: string; qr_url: string }>('POST', '/v3/sim/static-codes', {
      sub_mchid: sub,
      notify_url: rx.url,
      description: '李记蔬菜',
    });
    expect(sc.body.qr_url).toMatch(/\/qr\/\d{12}$/);
    expect((await fetch(sc.body.qr_url, { headers: { 'User-Agent': 'Safari' } })).status).toBe(400);
    expect(await (await fetch(sc.body.qr_url, { headers: { 'User-Agent': WECHAT_UA } })).text()).toContain(
      '金额（元）',
    );
    const pay = async (amount: string) =>
      (
        await fetch(`${sc.body.qr_url}/pay`, {
          method: 'POST',
          headers: { 'User-Agent': WECHAT_UA, 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ amount, buyer_id: a, password: '123456' }).toString(),
        })
      ).text();
    expect(await pay('300')).toContain('支付成功');
    expect(await pay('200.01')).toContain('静态码当日累计限额');
    expect(await pay('abc')).toContain('请输入正确的金额');
    expect(await pay('200.00')).toContain('支付成功');
    expect(await buyerBalance(h, a)).toBe(10_000_000 - STATIC_DAILY_CAP_FEN);
    await until(
      () =>
        rx.got.filter((g) =>
          JSON.parse(wxDecrypt(JSON.parse(g.body).resource, h.cfg.api_v3_key)).out_trade_no?.startsWith('SQ'),
        ).length >= 2,
    );
  });
});
