import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness';
import { codepayBody, outNo } from '../testing/bodies';
import { MAX_RECEIVERS_PER_SPLIT, MAX_SPLITS_PER_ORDER } from './model';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const P = '/v3/profitsharing';
interface Split {
  order_id: string;
  state: string;
  receivers: { result: string; fail_reason?: string; amount: number }[];
}

async function sharedOrder(sub: string, total: number): Promise<string> {
  const buyer = await h.buyer('WECHAT', 10_000_000);
  const r = await h.api.call(
    'POST',
    '/v3/pay/partner/transactions/codepay',
    codepayBody(h, sub, total, await h.code(buyer), { settle_info: { profit_sharing: true } }),
  );
  return String(r.body.transaction_id);
}
const addMarket = (sub: string) =>
  h.api.call('POST', `${P}/receivers/add`, {
    sub_mchid: sub,
    type: 'MERCHANT_ID',
    account: h.cfg.sp_mchid,
    relation_type: 'SERVICE_PROVIDER',
  });
const split = (
  sub: string,
  tx: string,
  receivers: { account: string; amount: number }[],
  unfreeze = false,
  no = outNo('S'),
) =>
  h.api.call<Split & { code?: string; message?: string }>('POST', `${P}/orders`, {
    sub_mchid: sub,
    transaction_id: tx,
    out_order_no: no,
    unfreeze_unsplit: unfreeze,
    receivers: receivers.map((r) => ({
      type: 'MERCHANT_ID',
      account: r.account,
      amount: r.amount,
      description: '市场管理费',
    })),
  });
const query = async (sub: string, no: string) =>
  (await h.api.call<Split>('GET', `${P}/orders/${no}?sub_mchid=${sub}`)).body;
const bal = async (id: string) =>
  (
    await h.api.call<{ pending_amount: number; available_amount: number; settled_amount: number }>(
      'GET',
      `/v3/merchants/${id}/balance`,
    )
  ).body;
/** Makes async processing (5 s, compressed) due and runs it. */
const drain = () => h.advance(10_000);
const unsplit = async (tx: string) =>
  (await h.api.call<{ unsplit_amount: number }>('GET', `${P}/transactions/${tx}/amounts`)).body
    .unsplit_amount;

describe('profit sharing', () => {
  it('freezes, waits 30 s, caps others at 30 %, is idempotent, then unfreezes the rest', async () => {
    const sub = await h.merchant();
    expect((await h.api.call('GET', `${P}/merchant-configs/${sub}`)).body).toEqual({
      sub_mchid: sub,
      max_ratio: 3000,
    });
    expect((await addMarket(sub)).status).toBe(200);
    const tx = await sharedOrder(sub, 10_000);
    expect(await bal(sub)).toMatchObject({ pending_amount: 9_940, available_amount: 0 });
    expect((await split(sub, tx, [{ account: h.cfg.sp_mchid, amount: 100 }])).body.message).toContain('30秒');
    await h.advance(30_000);
    expect((await split(sub, tx, [{ account: h.cfg.sp_mchid, amount: 3_001 }])).body.message).toContain(
      '最大分账比例',
    );
    const no = outNo('S');
    const a = await split(sub, tx, [{ account: h.cfg.sp_mchid, amount: 3_000 }], false, no);
    expect([a.status, a.verified, a.body.state, a.body.receivers[0]?.result]).toEqual([
      200,
      true,
      'PROCESSING',
      'PENDING',
    ]);
    expect(
      (await split(sub, tx, [{ account: h.cfg.sp_mchid, amount: 3_000 }], false, no)).body.order_id,
    ).toBe(a.body.order_id);
    await drain();
    expect(await query(sub, no)).toMatchObject({
      state: 'FINISHED',
      receivers: [{ result: 'SUCCESS', amount: 3_000 }],
    });
    expect((await bal(h.cfg.sp_mchid)).available_amount).toBeGreaterThanOrEqual(3_000);
    expect((await split(sub, tx, [{ account: h.cfg.sp_mchid, amount: 1 }])).body.message).toContain(
      '最大分账比例',
    );
    expect(await unsplit(tx)).toBe(6_940);
    const u = await h.api.call<Split>('POST', `${P}/orders/unfreeze`, {
      sub_mchid: sub,
      transaction_id: tx,
      out_order_no: outNo('U'),
      description: '解冻全部剩余资金',
    });
    expect(u.body).toMatchObject({ state: 'FINISHED', receivers: [{ amount: 6_940, result: 'SUCCESS' }] });
    expect(await bal(sub)).toMatchObject({ pending_amount: 0, available_amount: 6_940 });
    expect((await split(sub, tx, [{ account: h.cfg.sp_mchid, amount: 1 }])).body.message).toContain('完结');
  });

  it('a lower max ratio is honoured; only merchant receivers, never yourself', async () => {
    const sub = await h.merchant({ max_ratio_bp: 2000 });
    await addMarket(sub);
    const tx = await sharedOrder(sub, 1_000);
    await h.advance(30_000);
    expect((await split(sub, tx, [{ account: h.cfg.sp_mchid, amount: 201 }])).body.code).toBe(
      'INVALID_REQUEST',
    );
    expect((await split(sub, tx, [{ account: h.cfg.sp_mchid, amount: 200 }])).status).toBe(200);
    expect(
      (
        await h.api.call('POST', `${P}/receivers/add`, {
          sub_mchid: sub,
          type: 'PERSONAL_OPENID',
          account: 'oX',
          relation_type: 'USER',
        })
      ).body.code,
    ).toBe('INVALID_REQUEST');
    expect(
      (
        await h.api.call('POST', `${P}/receivers/add`, {
          sub_mchid: sub,
          type: 'MERCHANT_ID',
          account: sub,
          relation_type: 'STORE',
        })
      ).body.code,
    ).toBe('INVALID_REQUEST');
    expect(
      (
        await h.api.call('POST', `${P}/receivers/add`, {
          sub_mchid: sub,
          type: 'MERCHANT_ID',
          account: h.cfg.sp_mchid,
          relation_type: 'CUSTOM',
        })
      ).body.code,
    ).toBe('PARAM_ERROR');
  });

  it('receivers fail: NO_RELATION when not added, an injected reason, money back to frozen; unfreeze_unsplit releases the rest', async () => {
    const sub = await h.merchant();
    const other = await h.merchant();
    await addMarket(sub);
    const tx = await sharedOrder(sub, 10_000);
    await h.advance(30_000);
    const n1 = outNo('S');
    await split(sub, tx, [{ account: other, amount: 500 }], false, n1);
    await drain();
    expect((await query(sub, n1)).receivers[0]).toMatchObject({
      result: 'CLOSED',
      fail_reason: 'NO_RELATION',
    });
    expect(await unsplit(tx)).toBe(9_940);
    await h.control('POST', '/faults', { kind: 'split_failure', count: 1, reason: 'RECEIVER_HIGH_RISK' });
    const n2 = outNo('S');
    await split(sub, tx, [{ account: h.cfg.sp_mchid, amount: 500 }], false, n2);
    await drain();
    expect((await query(sub, n2)).receivers[0]).toMatchObject({
      result: 'CLOSED',
      fail_reason: 'RECEIVER_HIGH_RISK',
    });
    const n3 = outNo('S');
    await split(sub, tx, [{ account: h.cfg.sp_mchid, amount: 500 }], true, n3);
    await drain();
    expect((await query(sub, n3)).receivers[0]?.result).toBe('SUCCESS');
    expect(await unsplit(tx)).toBe(0);
    expect((await bal(sub)).available_amount).toBe(9_440);
  });

  it('frozen funds nobody split are released to the merchant 180 days after payment', async () => {
    const sub = await h.merchant();
    const tx = await sharedOrder(sub, 2_000);
    await h.advance(179 * 86_400_000);
    expect(await unsplit(tx)).toBe(1_988);
    await h.advance(86_400_000);
    expect(await unsplit(tx)).toBe(0);
    expect((await h.api.call('GET', `${P}/orders/AUTO${tx}?sub_mchid=${sub}`)).body).toMatchObject({
      state: 'FINISHED',
      receivers: [{ amount: 1_988, result: 'SUCCESS' }],
    });
  });

  it(`at most ${MAX_RECEIVERS_PER_SPLIT} receivers per request and ${MAX_SPLITS_PER_ORDER} requests per order`, async () => {
    const sub = await h.merchant();
    await addMarket(sub);
    const tx = await sharedOrder(sub, 200_000);
    await h.advance(30_000);
    const many = Array.from({ length: MAX_RECEIVERS_PER_SPLIT + 1 }, () => ({
      account: h.cfg.sp_mchid,
      amount: 1,
    }));
    expect((await split(sub, tx, many)).body.code).toBe('PARAM_ERROR');
    for (let i = 0; i < MAX_SPLITS_PER_ORDER; i++)
      expect((await split(sub, tx, [{ account: h.cfg.sp_mchid, amount: 1 }])).status).toBe(200);
    expect((await split(sub, tx, [{ account: h.cfg.sp_mchid, amount: 1 }])).body.message).toContain(
      String(MAX_SPLITS_PER_ORDER),
    );
  });
});

describe('returns and T+1 settlement', () => {
  it('pays each party to its own card at 06:00 T+1, not before; returns wait for funds and fail after 5 days', async () => {
    const sub = await h.merchant();
    const partner = await h.merchant();
    await addMarket(sub);
    await h.api.call('POST', `${P}/receivers/add`, {
      sub_mchid: sub,
      type: 'MERCHANT_ID',
      account: partner,
      relation_type: 'PARTNER',
    });
    const tx = await sharedOrder(sub, 10_000);
    await h.advance(30_000);
    const no = outNo('S');
    await split(
      sub,
      tx,
      [
        { account: h.cfg.sp_mchid, amount: 1_000 },
        { account: partner, amount: 2_000 },
      ],
      true,
      no,
    );
    await drain();
    const ret = await h.api.call('POST', `${P}/return-orders`, {
      sub_mchid: sub,
      out_order_no: no,
      out_return_no: outNo('RT'),
      return_mchid: partner,
      amount: 500,
      description: '退货回退',
    });
    expect(ret.body.result).toBe('PROCESSING');
    expect(
      (
        await h.api.call('POST', `${P}/return-orders`, {
          sub_mchid: sub,
          out_order_no: no,
          out_return_no: outNo('RT'),
          return_mchid: partner,
          amount: 1_501,
          description: 'x',
        })
      ).body.code,
    ).toBe('INVALID_REQUEST');
    await drain();
    expect(
      (await h.api.call('GET', `${P}/return-orders/${String(ret.body.out_return_no)}?sub_mchid=${sub}`)).body
        .result,
    ).toBe('SUCCESS');
    expect(await bal(partner)).toMatchObject({ available_amount: 1_500 });
    expect(await bal(sub)).toMatchObject({ available_amount: 6_940 + 500 });

    const { now_ms } = await h.control<{ now_ms: number }>('GET', '/clock');
    const shanghai = new Date(now_ms + 8 * 3600_000);
    const next6 =
      Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth(), shanghai.getUTCDate() + 1, 6) -
      8 * 3600_000;
    await h.advance(next6 - now_ms - 60_000);
    expect((await bal(sub)).settled_amount).toBe(0);
    await h.advance(60_000);
    const payouts = (
      await h.control<{ payouts: { party: string; card_number: string; amount_fen: number }[] }>(
        'GET',
        '/payouts',
      )
    ).payouts;
    const mine = payouts.filter((p) => [sub, partner].includes(p.party));
    expect(mine.map((p) => [p.party, p.amount_fen]).sort()).toEqual(
      [
        [partner, 1_500],
        [sub, 7_440],
      ].sort(),
    );
    expect(await bal(sub)).toMatchObject({ available_amount: 0, settled_amount: 7_440 });
    const s = await h.api.call<{ data: { amount: number; account_number: string }[] }>(
      'GET',
      `/v3/sim/settlements?sub_mchid=${sub}`,
    );
    expect(s.body.data[0]?.amount).toBe(7_440);
    expect(payouts.find((p) => p.party === h.cfg.sp_mchid)?.card_number).toBe('6228480000000000000');

    const late = await h.api.call('POST', `${P}/return-orders`, {
      sub_mchid: sub,
      out_order_no: no,
      out_return_no: outNo('RT'),
      return_mchid: partner,
      amount: 100,
      description: '晚了',
    });
    await drain();
    await h.advance(4 * 86_400_000);
    expect(
      (await h.api.call('GET', `${P}/return-orders/${String(late.body.out_return_no)}?sub_mchid=${sub}`)).body
        .result,
    ).toBe('PROCESSING');
    await h.advance(86_400_000);
    expect(
      (await h.api.call('GET', `${P}/return-orders/${String(late.body.out_return_no)}?sub_mchid=${sub}`))
        .body,
    ).toMatchObject({ result: 'FAILED', fail_reason: 'TIME_OUT_CLOSED' });

    const refund = await h.api.call('POST', '/v3/refund/domestic/refunds', {
      sub_mchid: sub,
      transaction_id: tx,
      out_refund_no: outNo('R'),
      amount: { refund: 100, total: 10_000, currency: 'CNY' },
    });
    expect([refund.status, refund.body.code]).toEqual([403, 'NOT_ENOUGH']);
    expect(await h.control('GET', '/ledger')).toMatchObject({ balanced: true, negative: [] });
  });
});
