import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness';
import { codepayBody, outNo } from '../testing/bodies';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

const W = '/v3/sim/withdrawals';
const bal = async (id: string) =>
  (
    await h.api.call<{ available_amount: number; settled_amount: number }>(
      'GET',
      `/v3/merchants/${id}/balance`,
    )
  ).body;
async function earn(sub: string, total: number): Promise<void> {
  const b = await h.buyer('WECHAT', 10_000_000);
  await h.api.call(
    'POST',
    '/v3/pay/partner/transactions/codepay',
    codepayBody(h, sub, total, await h.code(b)),
  );
}
async function next6(): Promise<void> {
  const { now_ms } = await h.control<{ now_ms: number }>('GET', '/clock');
  const sh = new Date(now_ms + 8 * 3600_000);
  await h.advance(
    Date.UTC(sh.getUTCFullYear(), sh.getUTCMonth(), sh.getUTCDate() + 1, 6) - 8 * 3600_000 - now_ms,
  );
}

describe('withdrawals (wallet mode) and frozen merchants', () => {
  it("withdraws available money to the merchant's own card, idempotently; a bounce makes it available again", async () => {
    const sub = await h.merchant();
    await earn(sub, 10_000);
    expect(
      (await h.api.call('POST', W, { sub_mchid: sub, out_request_no: outNo('W'), amount: 9_941 })).body.code,
    ).toBe('NOT_ENOUGH');
    const no = outNo('W');
    const a = await h.api.call('POST', W, { sub_mchid: sub, out_request_no: no, amount: 5_000 });
    expect([a.verified, a.body.status]).toEqual([true, 'PROCESSING']);
    expect(
      (await h.api.call('POST', W, { sub_mchid: sub, out_request_no: no, amount: 5_000 })).body.withdraw_id,
    ).toBe(a.body.withdraw_id);
    expect(
      (await h.api.call('POST', W, { sub_mchid: sub, out_request_no: no, amount: 4_000 })).body.code,
    ).toBe('INVALID_REQUEST');
    expect((await bal(sub)).available_amount).toBe(4_940);
    await h.advance(20_000);
    expect((await h.api.call('GET', `${W}/${no}?sub_mchid=${sub}`)).body.status).toBe('SUCCESS');
    expect(await bal(sub)).toMatchObject({ available_amount: 4_940, settled_amount: 5_000 });
    const payouts = (
      await h.control<{ payouts: { party: string; card_number: string; amount_fen: number }[] }>(
        'GET',
        '/payouts',
      )
    ).payouts;
    expect(payouts.filter((p) => p.party === sub).map((p) => p.amount_fen)).toEqual([5_000]);

    await h.control('POST', '/faults', { kind: 'withdraw_bounce', count: 1 });
    const nb = outNo('W');
    await h.api.call('POST', W, { sub_mchid: sub, out_request_no: nb, amount: 4_940 });
    await h.advance(20_000);
    expect((await h.api.call('GET', `${W}/${nb}?sub_mchid=${sub}`)).body.status).toBe('FAILED');
    expect((await bal(sub)).available_amount).toBe(4_940);
  });

  it('a frozen merchant cannot trade, withdraw or be settled; thawed, it is paid at the next 06:00', async () => {
    const sub = await h.merchant();
    await earn(sub, 1_000);
    await h.control('POST', `/merchants/${sub}/state`, { state: 'FROZEN' });
    expect(
      (await h.api.call('POST', W, { sub_mchid: sub, out_request_no: outNo('W'), amount: 1 })).body.code,
    ).toBe('NO_AUTH');
    const b = await h.buyer('WECHAT', 10_000);
    expect(
      (
        await h.api.call(
          'POST',
          '/v3/pay/partner/transactions/codepay',
          codepayBody(h, sub, 1, await h.code(b)),
        )
      ).body.code,
    ).toBe('NO_AUTH');
    await next6();
    expect((await bal(sub)).settled_amount).toBe(0);
    await h.control('POST', `/merchants/${sub}/state`, { state: 'ACTIVE' });
    await next6();
    expect(await bal(sub)).toMatchObject({ available_amount: 0, settled_amount: 994 });
    expect(await h.control('GET', '/ledger')).toMatchObject({ balanced: true, negative: [] });
  });
});
