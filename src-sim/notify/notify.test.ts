import { afterEach, describe, expect, it } from 'vitest';
import { notifyReceiver, startHarness, until } from '../testing/harness';
import { buyerPaysPage, prepayBody } from '../testing/bodies';
import { RETRY_SCHEDULE_S } from './deliver';

interface NotificationRow {
  id: string;
  state: string;
  attempts: number;
  last_status: number | null;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function setup(statuses: number[], timeScale: number) {
  const h = await startHarness({ timeScale });
  const rx = await notifyReceiver(statuses);
  cleanups.push(
    () => h.close(),
    () => rx.close(),
  );
  const sub = await h.merchant();
  const buyer = await h.buyer('WECHAT', 1_000_000);
  const pay = async (): Promise<void> => {
    const r = await h.api.call<{ code_url: string }>(
      'POST',
      '/v3/pay/partner/transactions/native',
      prepayBody(h, sub, 100, rx.url),
    );
    await buyerPaysPage(h, r.body.code_url, buyer);
  };
  const rows = async () =>
    (await h.control<{ notifications: NotificationRow[] }>('GET', '/notifications')).notifications;
  return { h, rx, pay, rows };
}

describe('notification delivery', () => {
  it("the schedule is WeChat's: 15s,15s,30s,3m,10m,20m,30m,30m,30m,60m,3h,3h,3h,6h,6h = 24h4m", () => {
    expect(RETRY_SCHEDULE_S.slice(0, 5)).toEqual([15, 15, 30, 180, 600]);
    expect(RETRY_SCHEDULE_S.reduce((a, b) => a + b, 0)).toBe(24 * 3600 + 4 * 60);
  });

  it('retries on 5xx/4xx with the scheduled gaps (compressed) and stops at 200', async () => {
    const s = await setup([500, 404, 200], 100);
    await s.pay();
    await until(() => s.rx.got.length >= 3, 10_000);
    const gaps = [
      (s.rx.got[1]?.at ?? 0) - (s.rx.got[0]?.at ?? 0),
      (s.rx.got[2]?.at ?? 0) - (s.rx.got[1]?.at ?? 0),
    ];
    // 15 s / 100 = 150 ms each, give or take a tick.
    for (const g of gaps) {
      expect(g).toBeGreaterThanOrEqual(140);
      expect(g).toBeLessThan(1000);
    }
    await until(() => false, 400).catch(() => undefined);
    expect(s.rx.got).toHaveLength(3);
    expect(new Set(s.rx.got.map((g) => JSON.parse(g.body).id)).size).toBe(1);
    expect(await s.rows()).toMatchObject([{ state: 'DELIVERED', attempts: 3, last_status: 200 }]);
  });

  it('204 also stops the retries', async () => {
    const s = await setup([204], 1000);
    await s.pay();
    await until(() => s.rx.got.length >= 1);
    await until(() => false, 100).catch(() => undefined);
    expect((await s.rows())[0]).toMatchObject({ state: 'DELIVERED', attempts: 1 });
  });

  it('gives up after the 16th attempt (first + 15 retries)', async () => {
    const s = await setup([500], 1_000_000);
    await s.pay();
    await until(() => s.rx.got.length >= 16, 10_000);
    await until(() => false, 200).catch(() => undefined);
    expect(s.rx.got).toHaveLength(16);
    expect((await s.rows())[0]).toMatchObject({ state: 'GAVE_UP', attempts: 16, last_status: 500 });
  });

  it('faults: a lost notification never arrives; a duplicated one arrives twice with one id', async () => {
    const s = await setup([200], 1000);
    await s.h.control('POST', '/faults', { kind: 'lost_notification', count: 1 });
    await s.pay();
    await until(() => false, 150).catch(() => undefined);
    expect(s.rx.got).toHaveLength(0);
    expect((await s.rows())[0]?.state).toBe('LOST');
    await s.h.control('POST', '/faults', { kind: 'duplicate_notification', count: 1 });
    await s.pay();
    await until(() => s.rx.got.length >= 2);
    expect(JSON.parse(s.rx.got[0]?.body ?? '{}').id).toBe(JSON.parse(s.rx.got[1]?.body ?? '{}').id);
  });
});
