import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyReceiver, startHarness, until, type Harness } from '../testing/harness';
import { wxDecrypt, wxVerify } from '../testing/client';
import { buyerBalance, codepayBody, outNo, queryPath } from '../testing/bodies';
import { MAX_REFUNDS_PER_ORDER } from './service';

let h: Harness;
let rx: Awaited<ReturnType<typeof notifyReceiver>>;
let sub: string;
beforeAll(async () => {
  h = await startHarness();
  rx = await notifyReceiver();
  sub = await h.merchant();
});
afterAll(async () => {
  await rx.close();
  await h.close();
});

const R = '/v3/refund/domestic/refunds';

async function paidOrder(total: number): Promise<{ no: string; buyer: string; tx: string }> {
  const buyer = await h.buyer('WECHAT', 1_000_000);
  const body = codepayBody(h, sub, total, await h.code(buyer));
  const r = await h.api.call('POST', '/v3/pay/partner/transactions/codepay', body);
  return { no: String(body.out_trade_no), buyer, tx: String(r.body.transaction_id) };
}
const refund = (no: string, refundNo: string, amount: number, total: number) =>
  h.api.call('POST', R, {
    sub_mchid: sub,
    out_trade_no: no,
    out_refund_no: refundNo,
    reason: '退货',
    notify_url: rx.url,
    amount: { refund: amount, total, currency: 'CNY' },
  });
const notified = (rn: string, st: string) => () =>
  rx.got.some((g) => {
    const r = JSON.parse(wxDecrypt(JSON.parse(g.body).resource, h.cfg.api_v3_key)) as {
      out_refund_no?: string;
      refund_status?: string;
    };
    return r.out_refund_no === rn && r.refund_status === st;
  });
const status = async (refundNo: string) =>
  (await h.api.call('GET', `${R}/${refundNo}?sub_mchid=${sub}`)).body.status;

describe('refunds', () => {
  it('PROCESSING → SUCCESS: money back with the buyer, notified and verifiable, order shows REFUND', async () => {
    const o = await paidOrder(10_000);
    const rn = outNo('R');
    const a = await refund(o.no, rn, 4_000, 10_000);
    expect([a.status, a.verified, a.body.status]).toEqual([200, true, 'PROCESSING']);
    expect(a.body.amount).toMatchObject({ refund: 4_000, total: 10_000, refund_fee: 24 });
    expect((await h.api.call('GET', queryPath(h, sub, o.no))).body.trade_state).toBe('REFUND');
    await until(notified(rn, 'SUCCESS'));
    expect(await status(rn)).toBe('SUCCESS');
    expect(await buyerBalance(h, o.buyer)).toBe(1_000_000 - 10_000 + 4_000);
    const g = rx.got.find((x) => x.body.includes('REFUND.SUCCESS'));
    if (g === undefined) throw new Error('no refund notification');
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
    const res = JSON.parse(wxDecrypt(JSON.parse(g.body).resource, h.cfg.api_v3_key));
    expect(res).toMatchObject({
      out_refund_no: rn,
      refund_status: 'SUCCESS',
      out_trade_no: o.no,
      amount: { refund: 4_000, total: 10_000 },
    });
  });

  it('is idempotent by out_refund_no and refuses its reuse with other data', async () => {
    const o = await paidOrder(1_000);
    const rn = outNo('R');
    const a = await refund(o.no, rn, 100, 1_000);
    const b = await refund(o.no, rn, 100, 1_000);
    expect(b.body.refund_id).toBe(a.body.refund_id);
    const c = await refund(o.no, rn, 200, 1_000);
    expect(c.body.code).toBe('INVALID_REQUEST');
    await until(() => false, 100).catch(() => undefined);
    expect(await buyerBalance(h, o.buyer)).toBe(1_000_000 - 1_000 + 100);
  });

  it('refunds on one order must be 1 minute apart; the sum never exceeds what was paid', async () => {
    const o = await paidOrder(1_000);
    expect((await refund(o.no, outNo('R'), 600, 1_000)).status).toBe(200);
    const soon = await refund(o.no, outNo('R'), 100, 1_000);
    expect([soon.status, soon.body.code]).toEqual([429, 'FREQUENCY_LIMITED']);
    await h.advance(60_000);
    expect((await refund(o.no, outNo('R'), 401, 1_000)).body.code).toBe('INVALID_REQUEST');
    expect((await refund(o.no, outNo('R'), 400, 1_000)).status).toBe(200);
    await h.advance(60_000);
    expect((await refund(o.no, outNo('R'), 1, 1_000)).body.code).toBe('INVALID_REQUEST');
  });

  it(`at most ${MAX_REFUNDS_PER_ORDER} refunds per order`, async () => {
    const o = await paidOrder(10_000);
    for (let i = 0; i < MAX_REFUNDS_PER_ORDER; i++) {
      expect((await refund(o.no, outNo('R'), 1, 10_000)).status).toBe(200);
      await h.advance(60_000);
    }
    const over = await refund(o.no, outNo('R'), 1, 10_000);
    expect(over.body.message).toContain('50');
  });

  it('refuses after 365 days, a wrong total, and unpaid or unknown orders', async () => {
    const o = await paidOrder(500);
    expect((await refund(o.no, outNo('R'), 100, 501)).body.code).toBe('PARAM_ERROR');
    expect((await refund('NOSUCHORDER9', outNo('R'), 100, 500)).status).toBe(404);
    await h.advance(365 * 86_400_000 + 1000);
    expect((await refund(o.no, outNo('R'), 100, 500)).body.message).toContain('365');
  });

  it('ABNORMAL keeps the money in transit until apply-abnormal-refund; CLOSED gives it back to the order', async () => {
    const o = await paidOrder(2_000);
    await h.control('POST', '/faults', { kind: 'refund_abnormal', count: 1 });
    const rn = outNo('R');
    const a = await refund(o.no, rn, 500, 2_000);
    await until(notified(rn, 'ABNORMAL'));
    expect(await status(rn)).toBe('ABNORMAL');
    expect(await buyerBalance(h, o.buyer)).toBe(1_000_000 - 2_000);
    const retry = await h.api.call('POST', `${R}/${String(a.body.refund_id)}/apply-abnormal-refund`, {
      sub_mchid: sub,
      out_refund_no: rn,
      type: 'USER_BANK_CARD',
    });
    expect(retry.body.status).toBe('PROCESSING');
    await until(notified(rn, 'SUCCESS'));
    expect(await buyerBalance(h, o.buyer)).toBe(1_000_000 - 1_500);

    await h.advance(60_000);
    await h.control('POST', '/faults', { kind: 'refund_closed', count: 1 });
    const rc = outNo('R');
    await refund(o.no, rc, 1_500, 2_000);
    await until(notified(rc, 'CLOSED'));
    expect(await status(rc)).toBe('CLOSED');
    await h.advance(60_000);
    expect((await refund(o.no, outNo('R'), 1_500, 2_000)).status).toBe(200);
    expect(await h.control('GET', '/ledger')).toMatchObject({ balanced: true, negative: [] });
  });
});
