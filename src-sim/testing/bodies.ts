import type { Harness } from './harness';

let seq = 0;
export const outNo = (prefix = 'T'): string =>
  `${prefix}${Date.now().toString(36)}${(seq++).toString(36).padStart(4, '0')}`;

export function prepayBody(
  h: Harness,
  sub: string,
  total: number,
  notifyUrl: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    sp_appid: h.cfg.sp_appid,
    sp_mchid: h.cfg.sp_mchid,
    sub_mchid: sub,
    description: '大白菜 50kg',
    out_trade_no: outNo(),
    notify_url: notifyUrl,
    amount: { total, currency: 'CNY' },
    ...extra,
  };
}

export function codepayBody(
  h: Harness,
  sub: string,
  total: number,
  authCode: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    sp_appid: h.cfg.sp_appid,
    sp_mchid: h.cfg.sp_mchid,
    sub_mchid: sub,
    description: '土豆 20kg',
    out_trade_no: outNo('C'),
    payer: { auth_code: authCode },
    amount: { total, currency: 'CNY' },
    scene_info: { store_info: { out_id: 'STALL-A12' } },
    ...extra,
  };
}

export const queryPath = (h: Harness, sub: string, no: string): string =>
  `/v3/pay/partner/transactions/out-trade-no/${no}?sp_mchid=${h.cfg.sp_mchid}&sub_mchid=${sub}`;

export async function buyerBalance(h: Harness, id: string): Promise<number> {
  const r = (await (await fetch(`${h.sim.url}/sim/buyers`)).json()) as {
    buyers: { id: string; balance_fen: number }[];
  };
  const b = r.buyers.find((x) => x.id === id);
  if (b === undefined) throw new Error(`no buyer ${id}`);
  return b.balance_fen;
}

export const WECHAT_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 MicroMessenger/8.0.47';
export const ALIPAY_UA = 'Mozilla/5.0 (Linux; Android 13) AlipayClient/10.5.36';

export async function buyerPaysPage(
  h: Harness,
  codeUrl: string,
  buyerId: string,
  password = '123456',
  ua = WECHAT_UA,
): Promise<string> {
  const res = await fetch(`${codeUrl.split('?')[0] ?? ''}/confirm`, {
    method: 'POST',
    headers: { 'User-Agent': ua, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ buyer_id: buyerId, password }).toString(),
  });
  return res.text();
}
