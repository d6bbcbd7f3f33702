import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness';
import { buyerBalance, codepayBody, queryPath } from '../testing/bodies';
import { PASSWORD_AMOUNT_FEN, PASSWORD_DAILY_COUNT } from './codepay';

let h: Harness;
let sub: string;
beforeAll(async () => {
  h = await startHarness();
  sub = await h.merchant();
});
afterAll(async () => {
  await h.close();
});

const CP = '/v3/pay/partner/transactions/codepay';
const mch = () => ({ sp_mchid: h.cfg.sp_mchid, sub_mchid: sub });
const reversePath = (no: unknown) => `/v3/pay/partner/transactions/out-trade-no/${String(no)}/reverse`;

describe('code pay (付款码)', () => {
  it('pays small amounts at once, sends no notification, and answers a retry with the same order', async () => {
    const b = await h.buyer('WECHAT', 100_000);
    const body = codepayBody(h, sub, 2500, await h.code(b));
    const r = await h.api.call('POST', CP, body);
    expect([r.status, r.verified]).toEqual([200, true]);
    expect(r.body).toMatchObject({ trade_state: 'SUCCESS', trade_type: 'MICROPAY', amount: { total: 2500 } });
    const again = await h.api.call('POST', CP, body);
    expect(again.body.transaction_id).toBe(r.body.transaction_id);
    expect(await buyerBalance(h, b)).toBe(97_500);
    const n = await h.control<{ notifications: unknown[] }>('GET', '/notifications');
    expect(n.notifications).toHaveLength(0);
  });

  it('classifies the code: Alipay and UnionPay codes pay through the same call; junk is refused', async () => {
    for (const ch of ['ALIPAY', 'UNIONPAY'] as const) {
      const b = await h.buyer(ch, 10_000);
      const r = await h.api.call('POST', CP, codepayBody(h, sub, 100, await h.code(b)));
      expect(r.body.sim_channel).toBe(ch);
    }
    expect((await h.api.call('POST', CP, codepayBody(h, sub, 100, '164567890123456789'))).body.code).toBe(
      'PARAM_ERROR',
    );
    expect((await h.api.call('POST', CP, codepayBody(h, sub, 100, '134567890123456789'))).body.code).toBe(
      'PARAM_ERROR',
    );
  });

  it('a code pays once, rotates, and expires after 60 s', async () => {
    const b = await h.buyer('WECHAT', 100_000);
    const c1 = await h.code(b);
    await h.api.call('POST', CP, codepayBody(h, sub, 100, c1));
    expect((await h.api.call('POST', CP, codepayBody(h, sub, 100, c1))).body.message).toContain(
      'AUTHCODEEXPIRE',
    );
    const c2 = await h.code(b);
    await h.code(b);
    expect((await h.api.call('POST', CP, codepayBody(h, sub, 100, c2))).body.code).toBe('TRADE_ERROR');
    const c4 = await h.code(b);
    await h.advance(60_001);
    expect((await h.api.call('POST', CP, codepayBody(h, sub, 100, c4))).body.message).toContain(
      'AUTHCODEEXPIRE',
    );
  });

  it('insufficient balance is a definite failure, recorded PAYERROR', async () => {
    const b = await h.buyer('WECHAT', 99);
    const body = codepayBody(h, sub, 100, await h.code(b));
    expect((await h.api.call('POST', CP, body)).body.code).toBe('NOTENOUGH');
    expect((await h.api.call('GET', queryPath(h, sub, String(body.out_trade_no)))).body.trade_state).toBe(
      'PAYERROR',
    );
  });

  it(`needs the password from ${PASSWORD_AMOUNT_FEN} fen on; reverse is refused while USERPAYING; the buyer confirms`, async () => {
    const b = await h.buyer('WECHAT', 10_000_000);
    expect(
      (await h.api.call('POST', CP, codepayBody(h, sub, PASSWORD_AMOUNT_FEN - 1, await h.code(b)))).status,
    ).toBe(200);
    const body = codepayBody(h, sub, PASSWORD_AMOUNT_FEN, await h.code(b));
    const r = await h.api.call('POST', CP, body);
    expect([r.status, r.raw, r.verified]).toEqual([202, '{"trade_state":"USERPAYING"}', true]);
    const q = await h.api.call('GET', queryPath(h, sub, String(body.out_trade_no)));
    expect(q.body.trade_state).toBe('USERPAYING');
    await h.advance(15_000);
    const rev = await h.api.call('POST', reversePath(body.out_trade_no), mch());
    expect([rev.status, rev.body.code]).toEqual([400, 'USERPAYING']);
    const page = await (await fetch(`${h.sim.url}/cashier/wallet/${b}`)).text();
    expect(page).toContain('¥3000.00');
    const pending = page.match(/\/confirm\/(\d+)/)?.[1] ?? '';
    const wrong = await fetch(`${h.sim.url}/cashier/wallet/${b}/confirm/${pending}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'password=111111',
    });
    expect(await wrong.text()).toContain('支付密码错误');
    const ok = await fetch(`${h.sim.url}/cashier/wallet/${b}/confirm/${pending}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'password=123456',
    });
    expect(await ok.text()).toContain('支付成功');
    expect((await h.api.call('GET', queryPath(h, sub, String(body.out_trade_no)))).body.trade_state).toBe(
      'SUCCESS',
    );
  });

  it(`needs the password from the ${PASSWORD_DAILY_COUNT + 1}th code payment of the day; the count resets the next day`, async () => {
    const b = await h.buyer('ALIPAY', 1_000_000);
    for (let i = 0; i < PASSWORD_DAILY_COUNT; i++) {
      expect((await h.api.call('POST', CP, codepayBody(h, sub, 100, await h.code(b)))).status).toBe(200);
    }
    const eleventh = await h.api.call('POST', CP, codepayBody(h, sub, 100, await h.code(b)));
    expect(eleventh.status).toBe(202);
    await h.advance(86_400_000);
    expect((await h.api.call('POST', CP, codepayBody(h, sub, 100, await h.code(b)))).status).toBe(200);
  });

  it('an unconfirmed USERPAYING order is revoked 45 s after creation, not before', async () => {
    const b = await h.buyer('WECHAT', 10_000_000);
    const body = codepayBody(h, sub, 500_000, await h.code(b));
    expect((await h.api.call('POST', CP, body)).status).toBe(202);
    await h.advance(44_000);
    expect((await h.api.call('GET', queryPath(h, sub, String(body.out_trade_no)))).body.trade_state).toBe(
      'USERPAYING',
    );
    await h.advance(1_500);
    expect((await h.api.call('GET', queryPath(h, sub, String(body.out_trade_no)))).body.trade_state).toBe(
      'REVOKED',
    );
    expect(await buyerBalance(h, b)).toBe(10_000_000);
  });

  it('reverse: not before 15 s, refunds a paid order in full, answers the same twice, not after 7 days', async () => {
    const b = await h.buyer('WECHAT', 100_000);
    const body = codepayBody(h, sub, 4321, await h.code(b));
    await h.api.call('POST', CP, body);
    await h.advance(14_000);
    const early = await h.api.call('POST', reversePath(body.out_trade_no), mch());
    expect([early.status, early.body.code]).toEqual([400, 'INVALID_REQUEST']);
    await h.advance(1_000);
    const ok = await h.api.call('POST', reversePath(body.out_trade_no), mch());
    expect([ok.status, ok.verified, ok.body.out_trade_no]).toEqual([200, true, body.out_trade_no]);
    expect(await buyerBalance(h, b)).toBe(100_000);
    expect((await h.api.call('GET', queryPath(h, sub, String(body.out_trade_no)))).body.trade_state).toBe(
      'REVOKED',
    );
    expect((await h.api.call('POST', reversePath(body.out_trade_no), mch())).status).toBe(200);
    expect(await buyerBalance(h, b)).toBe(100_000);

    const old = codepayBody(h, sub, 100, await h.code(b));
    await h.api.call('POST', CP, old);
    await h.advance(7 * 86_400_000 + 1000);
    expect((await h.api.call('POST', reversePath(old.out_trade_no), mch())).body.code).toBe(
      'INVALID_REQUEST',
    );
  });

  it('reverse is only for code pay; close is not for code pay', async () => {
    const b = await h.buyer('WECHAT', 100_000);
    const body = codepayBody(h, sub, 100, await h.code(b));
    await h.api.call('POST', CP, body);
    const close = await h.api.call(
      'POST',
      `/v3/pay/partner/transactions/out-trade-no/${String(body.out_trade_no)}/close`,
      mch(),
    );
    expect(close.body.code).toBe('INVALID_REQUEST');
  });

  it('timeout-but-succeeded: the caller hears nothing, the payment happened once, the retry sees SUCCESS', async () => {
    const b = await h.buyer('WECHAT', 100_000);
    const body = codepayBody(h, sub, 777, await h.code(b));
    await h.control('POST', '/faults', { kind: 'timeout_but_succeeded', count: 1, path_prefix: CP });
    await expect(h.api.call('POST', CP, body)).rejects.toThrow();
    const retry = await h.api.call('POST', CP, body);
    expect(retry.body.trade_state).toBe('SUCCESS');
    expect(await buyerBalance(h, b)).toBe(100_000 - 777);
    const ledger = await h.control<{ balanced: boolean; negative: unknown[] }>('GET', '/ledger');
    expect(ledger).toMatchObject({ balanced: true, negative: [] });
  });
});
