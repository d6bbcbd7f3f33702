/**
 * Demo setup for payments, done the way market staff would: each demo stall
 * is onboarded at the simulator (its training-mode control API stands in for
 * the institution's asynchronous 进件 review), and the stall's sub-merchant id
 * and the market's fee (0.3%) are set through the server's admin API.
 */
import { withLuhnDigit } from '../../shared/pay/luhn';
import { DEMO_STAFF } from '../../src-server/demo/seed';

const DEMO_FEE_BP = 30;

async function json<T>(res: Response, what: string): Promise<T> {
  const text = await res.text();
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** Returns how many stalls were onboarded now (0 when all already were). */
export async function onboardDemoStalls(simUrl: string, serverUrl: string): Promise<number> {
  const login = await fetch(`${serverUrl}/api/v1/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: DEMO_STAFF.username, password: DEMO_STAFF.password }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrf_token } = await json<{ csrf_token: string }>(login, 'staff login');
  const staff = { cookie, 'x-csrf-token': csrf_token, 'content-type': 'application/json' };
  const stalls = await json<{ id: string; name: string; sub_mchid: string | null }[] | { stalls: { id: string; name: string; sub_mchid: string | null }[] }>(await fetch(`${serverUrl}/api/v1/admin/stalls`, { headers: staff }), 'list stalls');
  const list = Array.isArray(stalls) ? stalls : stalls.stalls;
  let onboarded = 0;
  for (const [i, s] of list.entries()) {
    if (s.sub_mchid) continue;
    const merchant = await json<{ sub_mchid: string }>(
      await fetch(`${simUrl}/sim/control/merchants`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ merchant_name: s.name, account_name: s.name, account_number: withLuhnDigit(`62220200000000000${i}`) }) }),
      `onboard ${s.name} at the institution`,
    );
    await json(await fetch(`${serverUrl}/api/v1/admin/stalls/${s.id}`, { method: 'PATCH', headers: staff, body: JSON.stringify({ sub_mchid: merchant.sub_mchid }) }), `set ${s.name}'s sub-merchant id`);
    onboarded++;
  }
  if (onboarded > 0) {
    await json(await fetch(`${serverUrl}/api/v1/admin/fees`, { method: 'PUT', headers: staff, body: JSON.stringify({ rules: [{ stall_id: null, kind: 'trade_commission', rate_bp: DEMO_FEE_BP, fixed_fen: 0 }] }) }), 'set the market fee');
  }
  return onboarded;
}
