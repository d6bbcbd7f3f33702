/**
 * Demo setup for payments, done the way market staff would: each demo stall
 * is onboarded at the simulator (its training-mode control API stands in for
 * the institution's asynchronous 进件 review), and the stall's sub-merchant id
 * and the market's fee (0.3%) are set through the server's admin API.
 */
import { api } from '../../shared/api';
import { pathOf } from '../../shared/api/client';
import { withLuhnDigit } from '../../shared/pay/luhn';
import { DEMO_STAFF } from '../../src-server/demo/seed';
import { jsonOf, staffLogin } from './staff-client';

const DEMO_FEE_BP = 30;

/** Returns how many stalls were onboarded now (0 when all already were). */
export async function onboardDemoStalls(simUrl: string, serverUrl: string): Promise<number> {
  const staff = await staffLogin(serverUrl, DEMO_STAFF.username, DEMO_STAFF.password);
  const { stalls } = await staff.call<{ stalls: { id: string; name: string; sub_mchid: string | null }[] }>(
    'GET',
    api.stallList.path,
  );
  let onboarded = 0;
  for (const [i, s] of stalls.entries()) {
    if (s.sub_mchid) continue;
    const merchant = await jsonOf<{ sub_mchid: string }>(
      await fetch(`${simUrl}/sim/control/merchants`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          merchant_name: s.name,
          account_name: s.name,
          account_number: withLuhnDigit(`6222020000${String(i).padStart(8, '0')}`),
        }),
      }),
      `onboard ${s.name} at the institution`,
    );
    await staff.call('PATCH', pathOf(api.stallUpdate, { stall_id: s.id }), { sub_mchid: merchant.sub_mchid });
    onboarded++;
  }
  if (onboarded > 0)
    await staff.call('PUT', api.feeSchedulePut.path, {
      rules: [{ stall_id: null, kind: 'trade_commission', rate_bp: DEMO_FEE_BP, fixed_fen: 0 }],
    });
  return onboarded;
}
