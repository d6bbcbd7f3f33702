import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyReceiver, startHarness, until, type Harness } from '../testing/harness';
import { outNo } from '../testing/bodies';
import { periodStart } from './service';

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

const M = '/v3/sim/mandates';
interface Mandate {
  mandate_id: string;
  state: string;
  sign_url: string;
  code?: string;
}
interface Deduction {
  state: string;
  fail_reason?: string;
  code?: string;
  message?: string;
}
const create = (extra: Record<string, unknown> = {}) =>
  h.api.call<Mandate>('POST', M, {
    sub_mchid: sub,
    out_contract_code: outNo('RENT'),
    purpose: '摊位租金 A12',
    max_amount_per_deduct: 300_000,
    period: 'MONTH',
    max_deducts_per_period: 1,
    expire_date: '2099-12-31',
    notify_url: rx.url,
    ...extra,
  });
const deduct = (id: string, amount: number, no = outNo('D')) =>
  h.api.call<Deduction>('POST', `${M}/${id}/deduct`, { out_deduct_no: no, amount, description: '租金' });
const status = async (id: string, no: string) =>
  (await h.api.call<Deduction>('GET', `${M}/${id}/deductions/${no}`)).body;
const market = async () =>
  (await h.api.call<{ available_amount: number }>('GET', `/v3/merchants/${h.cfg.sp_mchid}/balance`)).body
    .available_amount;

describe('direct debit for rent (代扣)', () => {
  it("SIGNING → ACTIVE on the stall owner's page; caps per deduction and per period; rent reaches the market", async () => {
    const c = await create();
    expect([c.verified, c.body.state]).toEqual([true, 'SIGNING']);
    const id = c.body.mandate_id;
    expect((await deduct(id, 100)).body.code).toBe('INVALID_REQUEST');
    const pageText = await (await fetch(c.body.sign_url)).text();
    for (const s of ['摊位租金 A12', '每月最多 1 次', '¥3000.00', h.cfg.sp_mchid, '****'])
      expect(pageText).toContain(s);
    expect(await (await fetch(`${c.body.sign_url}/sign`, { method: 'POST' })).text()).toContain('授权成功');
    await until(() => rx.got.some((g) => JSON.parse(g.body).event_type === 'MANDATE.ACTIVE'));
    expect((await deduct(id, 300_001)).body.code).toBe('RULE_LIMIT');
    const before = await market();
    await h.control('POST', '/faults', { kind: 'deduct_fail', count: 1 });
    const failed = outNo('D');
    await deduct(id, 300_000, failed);
    await h.advance(20_000);
    expect(await status(id, failed)).toMatchObject({ state: 'FAIL', fail_reason: '付款账户余额不足' });
    const no = outNo('D');
    const first = await deduct(id, 300_000, no);
    expect((await deduct(id, 300_000, no)).body).toMatchObject({
      deduct_id: (first.body as { deduct_id?: string }).deduct_id,
    });
    await h.advance(20_000);
    expect((await status(id, no)).state).toBe('SUCCESS');
    expect(await market()).toBe(before + 300_000);
    expect((await deduct(id, 1)).body.message).toContain('次数');
    await h.advance(32 * 86_400_000);
    expect((await deduct(id, 1)).status).toBe(200);
    expect(await h.control('GET', '/ledger')).toMatchObject({ balanced: true, negative: [] });
  });

  it('a terminated, refused or expired mandate allows no deduction', async () => {
    const a = await create();
    await fetch(`${a.body.sign_url}/sign`, { method: 'POST' });
    expect((await h.api.call<Mandate>('POST', `${M}/${a.body.mandate_id}/terminate`)).body.state).toBe(
      'TERMINATED',
    );
    expect((await deduct(a.body.mandate_id, 1)).body.code).toBe('INVALID_REQUEST');
    const r = await create();
    expect(await (await fetch(`${r.body.sign_url}/refuse`, { method: 'POST' })).text()).toContain('已拒绝');
    expect((await deduct(r.body.mandate_id, 1)).body.code).toBe('INVALID_REQUEST');
    const { now_ms } = await h.control<{ now_ms: number }>('GET', '/clock');
    const soon = new Date(now_ms + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
    const e = await create({ expire_date: soon });
    await fetch(`${e.body.sign_url}/sign`, { method: 'POST' });
    await h.advance(2 * 86_400_000);
    expect((await deduct(e.body.mandate_id, 1)).body.message).toContain('过期');
  });

  it('periods are the Asia/Shanghai day, ISO week and month', () => {
    const t = Date.parse('2024-05-16T03:00:00+08:00'); // a Thursday
    expect(periodStart('DAY', t)).toBe(Date.parse('2024-05-16T00:00:00+08:00'));
    expect(periodStart('WEEK', t)).toBe(Date.parse('2024-05-13T00:00:00+08:00'));
    expect(periodStart('MONTH', t)).toBe(Date.parse('2024-05-01T00:00:00+08:00'));
  });
});
