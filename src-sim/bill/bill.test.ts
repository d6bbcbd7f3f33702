import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../testing/harness';
import { codepayBody, outNo } from '../testing/bodies';
import { formatYuan } from '../../shared/money';
import { ALL_HEADER, REFUND_HEADER, SUMMARY_HEADER, yuan5, ratePercent } from './format';

let h: Harness;
let sub: string;
let day: string;
let nextDay: string;
const H = 3600_000;

/** Advances the sim clock to hh:00 Asia/Shanghai on the next calendar day. Returns that day. */
async function toNext(hour: number): Promise<string> {
  const { now_ms } = await h.control<{ now_ms: number }>('GET', '/clock');
  const sh = new Date(now_ms + 8 * H);
  const target = Date.UTC(sh.getUTCFullYear(), sh.getUTCMonth(), sh.getUTCDate() + 1, hour) - 8 * H;
  await h.advance(target - now_ms);
  return new Date(target + 8 * H).toISOString().slice(0, 10);
}
const apply = (date: string, type = 'ALL') =>
  h.api.call<{ hash_type: string; hash_value: string; download_url: string; code?: string }>(
    'GET',
    `/v3/bill/tradebill?bill_date=${date}&sub_mchid=${sub}&bill_type=${type}`,
  );
const download = (url: string) => h.api.call('GET', url.slice(h.cfg.base_url.length));
const pay = async (total: number) => {
  const b = await h.buyer('WECHAT', 10_000_000);
  const body = codepayBody(h, sub, total, await h.code(b));
  const r = await h.api.call('POST', '/v3/pay/partner/transactions/codepay', body);
  return { no: String(body.out_trade_no), tx: String(r.body.transaction_id) };
};
const refund = (no: string, amount: number, total: number, refundNo = outNo('R')) =>
  h.api.call('POST', '/v3/refund/domestic/refunds', {
    sub_mchid: sub,
    out_trade_no: no,
    out_refund_no: refundNo,
    amount: { refund: amount, total, currency: 'CNY' },
  });

beforeAll(async () => {
  h = await startHarness();
  sub = await h.merchant();
  day = await toNext(10);
  const a = await pay(1_234);
  await pay(99_999);
  await refund(a.no, 234, 1_234);
  await h.advance(60_000);
  await h.control('POST', '/faults', { kind: 'refund_abnormal', count: 1 });
  await refund(a.no, 100, 1_234);
  await h.advance(60_000);
  nextDay = await toNext(0);
  await h.advance(30 * 60_000);
  await pay(500); // 00:30 the next day: not in day's bill
});
afterAll(async () => {
  await h.close();
});

describe('daily trade bill', () => {
  it('exists only from 09:00 T+1, never for today', async () => {
    expect((await apply(day)).body.code).toBe('STATEMENT_CREATING');
    expect((await apply(nextDay)).body.code).toBe('PARAM_ERROR');
    await h.advance(8 * H + 29 * 60_000);
    expect((await apply(day)).body.code).toBe('STATEMENT_CREATING');
    await h.advance(60_000);
    expect((await apply(day)).status).toBe(200);
  });

  it("is WeChat's backticked CSV with the SHA-1 it announced, amounts in 元 from integer fen", async () => {
    const a = await apply(day);
    expect([a.verified, a.body.hash_type]).toEqual([true, 'SHA1']);
    const d = await download(a.body.download_url);
    expect(d.status).toBe(200);
    expect(d.headers.get('wechatpay-signature')).toBeNull();
    expect(createHash('sha1').update(d.raw, 'utf8').digest('hex')).toBe(a.body.hash_value);
    const lines = d.raw.trimEnd().split('\n');
    expect(lines[0]).toBe(ALL_HEADER.join(','));
    expect(lines.at(-2)).toBe(SUMMARY_HEADER.join(','));
    const rows = lines.slice(1, -2).map((l) =>
      l.split(',').map((f) => {
        expect(f.startsWith('`')).toBe(true);
        return f.slice(1);
      }),
    );
    expect(rows).toHaveLength(4);
    const col = (r: string[] | undefined, name: string) => r?.[ALL_HEADER.indexOf(name)];
    const pays = rows.filter((r) => col(r, '交易状态') === 'SUCCESS');
    const refunds = rows.filter((r) => col(r, '交易状态') === 'REFUND');
    expect(pays.map((r) => col(r, '订单金额'))).toEqual(['12.34', '999.99']);
    expect(pays.map((r) => col(r, '手续费'))).toEqual(['0.07000', '6.00000']);
    expect(col(pays[0], '费率')).toBe('0.60%');
    expect(col(pays[0], '特约商户号')).toBe(sub);
    expect(col(pays[0], '交易时间')).toMatch(new RegExp(`^${day} 10:00:\\d\\d$`));
    expect(refunds.map((r) => [col(r, '退款金额'), col(r, '退款状态'), col(r, '应结订单金额')])).toEqual([
      ['2.34', 'SUCCESS', '0.00'],
      ['1.00', 'ABNORMAL', '0.00'],
    ]);
    expect(lines.at(-1)).toBe('`4,`1012.33,`3.34,`0.00,`6.05000,`1012.33,`3.34');
    expect((await apply(day)).body.hash_value).toBe(a.body.hash_value);
  });

  it('REFUND bills carry application and success times; a download URL lasts 5 minutes', async () => {
    const a = await apply(day, 'REFUND');
    const d = await download(a.body.download_url);
    const lines = d.raw.trimEnd().split('\n');
    expect(lines[0]).toBe(REFUND_HEADER.join(','));
    expect(lines).toHaveLength(1 + 2 + 2);
    const s = await apply(day, 'SUCCESS');
    expect(
      (await download(s.body.download_url)).raw.split('\n').filter((l) => l.includes('`SUCCESS')).length,
    ).toBe(2);
    await h.advance(5 * 60_000 + 1000);
    expect((await download(a.body.download_url)).body.code).toBe('INVALID_REQUEST');
  });

  it('faults make the next bill differ: ±1 fen, a row after midnight, a refund still PROCESSING', async () => {
    const d1 = await toNext(11);
    const p = await pay(5_000);
    await refund(p.no, 1_000, 5_000);
    await h.advance(60_000);
    await toNext(2);
    await pay(777);
    await h.advance(8 * H);
    for (const kind of ['bill_amount_delta', 'bill_cross_midnight', 'bill_refund_processing'])
      await h.control('POST', '/faults', { kind, count: 1, delta_fen: 1 });
    const csv = (await download((await apply(d1)).body.download_url)).raw;
    expect(csv).toContain('`50.01,');
    expect(csv).toContain('`7.77,');
    expect(csv).toContain('`PROCESSING,');
  });

  it('no bill for a day without trades or older than 3 months; integer formatting never goes through floats', async () => {
    await h.advance(2 * 86_400_000);
    const quiet = new Date(Date.parse(`${nextDay}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    expect((await apply(quiet)).body.code).toBe('NO_STATEMENT_EXIST');
    await h.advance(91 * 86_400_000);
    expect((await apply(day)).body.code).toBe('NO_STATEMENT_EXIST');
    expect([
      formatYuan(1),
      formatYuan(10),
      formatYuan(-5),
      formatYuan(123_456_789_01),
      yuan5(7),
      ratePercent(38),
      ratePercent(600),
    ]).toEqual(['0.01', '0.10', '-0.05', '123456789.01', '0.07000', '0.38%', '6.00%']);
  });
});
