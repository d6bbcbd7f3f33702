import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness';
import { codepayBody, outNo } from '../testing/bodies';
import { DIFF_HEADER } from './diff';

let h: Harness;
let sub: string;
beforeAll(async () => {
  h = await startHarness();
  sub = await h.merchant();
});
afterAll(async () => {
  await h.close();
});

async function pay(total: number): Promise<string> {
  const b = await h.buyer('WECHAT', 1_000_000);
  const body = codepayBody(h, sub, total, await h.code(b));
  await h.api.call('POST', '/v3/pay/partner/transactions/codepay', body);
  return String(body.out_trade_no);
}

describe('reconciliation upload and diff', () => {
  it('finds long, short (挂账 / 日切), amount and status differences', async () => {
    const { now_ms } = await h.control<{ now_ms: number }>('GET', '/clock');
    const day = new Date(now_ms + 8 * 3600_000).toISOString().slice(0, 10);
    const a = await pay(1_000);
    const b = await pay(2_000);
    const c = await pay(3_000);
    await h.control('POST', '/faults', { kind: 'refund_abnormal', count: 1 });
    const rn = outNo('R');
    await h.api.call('POST', '/v3/refund/domestic/refunds', {
      sub_mchid: sub,
      out_trade_no: a,
      out_refund_no: rn,
      amount: { refund: 500, total: 1_000, currency: 'CNY' },
    });
    await h.advance(20_000);
    await h.advance(86_400_000);
    const tomorrow = await pay(4_000);
    const up = await h.api.call<{ upload_id: string; diff_count: number }>('POST', '/v3/sim/recon/uploads', {
      bill_date: day,
      sub_mchid: sub,
      rows: [
        { type: 'PAY', out_trade_no: a, amount: 1_000, state: 'SUCCESS' },
        { type: 'PAY', out_trade_no: b, amount: 2_001, state: 'SUCCESS' },
        { type: 'PAY', out_trade_no: 'NEVERPAID01', amount: 10, state: 'SUCCESS' },
        { type: 'PAY', out_trade_no: tomorrow, amount: 4_000, state: 'SUCCESS' },
        { type: 'REFUND', out_trade_no: a, out_refund_no: rn, amount: 500, state: 'SUCCESS' },
      ],
    });
    expect([up.status, up.verified, up.body.diff_count]).toEqual([200, true, 5]);
    const d = await h.api.call('GET', `/v3/sim/recon/uploads/${up.body.upload_id}/diff`);
    const lines = d.raw.trimEnd().split('\n');
    expect(lines[0]).toBe(DIFF_HEADER);
    expect(lines.slice(1).sort()).toEqual(
      [
        `AMOUNT,${b},,2000,2001,SUCCESS,SUCCESS,人工核对`,
        `LONG,${c},,3000,,SUCCESS,,补单`,
        `SHORT,NEVERPAID01,,,10,,SUCCESS,挂账`,
        `SHORT,${tomorrow},,,4000,,SUCCESS,日切，T+1复核`,
        `STATUS,${a},${rn},500,500,ABNORMAL,SUCCESS,以机构状态为准`,
      ].sort(),
    );
  });
});
