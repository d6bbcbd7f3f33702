/**
 * Sets the market up through the admin API as the office would: the market's day (cut at 04:00 as the demo
 * market's), the stalls with their catalog and two buyers on account each, one till per
 * stall with its pairing code; then every stall is onboarded at the simulator as the demo does.
 */
import { onboardDemoStalls } from '../../bin/cli/demo-payments';
import type { StaffClient } from '../../bin/cli/staff-client';
import { CATALOG, CREDIT_LIMIT_FEN } from './plan';

export interface StallSetup {
  index: number;
  stall_id: string;
  name: string;
  sub_mchid: string;
  pairing_code: string;
  terminal_id: string;
  buyer_ids: string[];
}

const STALL_NAMES = ['蔬菜', '水果', '豆制品', '菌菇', '干货', '禽蛋', '粮油', '调料'] as const;

/** The market's business day starts at 04:00 (the demo market's cut-off), before the first trucks unload. */
export const DAY_CUTOFF_HOUR = 4;
const SHANGHAI_MS = 8 * 3_600_000;

/**
 * The run's cut-off: 04:00, so the business day and the institution's bill day (a Shanghai calendar day) are
 * the same day for a market trading from 04:00 on. A run on the wall clock between midnight and 04:00 in
 * Shanghai (16:00–20:00 UTC) would trade in yesterday's business day but today's bill, which one bill per
 * market day cannot settle: such a run cuts at midnight instead, and says so.
 */
export function dayCutoffHour(nowMs: number): number {
  const hour = Math.floor(((nowMs + SHANGHAI_MS) % 86_400_000) / 3_600_000);
  return hour >= DAY_CUTOFF_HOUR ? DAY_CUTOFF_HOUR : 0;
}

export async function setUpMarket(
  staff: StaffClient,
  simUrl: string,
  serverUrl: string,
  stalls: number,
  cutoffHour: number,
): Promise<StallSetup[]> {
  await staff.call('PUT', '/api/v1/admin/market', {
    name: '城南农产品批发市场',
    time_zone: 'Asia/Shanghai',
    day_cutoff_hour: cutoffHour,
  });
  const out: Omit<StallSetup, 'sub_mchid'>[] = [];
  for (let i = 0; i < stalls; i++) {
    const name = `${i + 1}号${STALL_NAMES[i % STALL_NAMES.length] ?? ''}批发`;
    const s = await staff.call<{ id: string }>('POST', '/api/v1/admin/stalls', { name });
    for (const p of CATALOG) await staff.call('POST', `/api/v1/admin/stalls/${s.id}/products`, p);
    const buyer_ids: string[] = [];
    for (const b of ['刘记饭店', '食堂采购'])
      buyer_ids.push(
        (
          await staff.call<{ id: string }>('POST', `/api/v1/admin/stalls/${s.id}/buyers`, {
            name: b,
            credit_limit_fen: CREDIT_LIMIT_FEN,
          })
        ).id,
      );
    const t = await staff.call<{ terminal_id: string; pairing_code: string }>(
      'POST',
      `/api/v1/admin/stalls/${s.id}/terminals`,
      { name: '1号收银台' },
    );
    out.push({
      index: i,
      stall_id: s.id,
      name,
      pairing_code: t.pairing_code,
      terminal_id: t.terminal_id,
      buyer_ids,
    });
  }
  await onboardDemoStalls(simUrl, serverUrl);
  const { stalls: listed } = await staff.call<{ stalls: { id: string; sub_mchid: string | null }[] }>(
    'GET',
    '/api/v1/admin/stalls',
  );
  return out.map((s) => {
    const sub = listed.find((x) => x.id === s.stall_id)?.sub_mchid;
    if (!sub) throw new Error(`stall ${s.stall_id} was not onboarded at the institution`);
    return { ...s, sub_mchid: sub };
  });
}
