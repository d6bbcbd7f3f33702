/** The simulated world around the institution, over HTTP: its test control, its buyers and their payment codes. */
export type SimControl = <T = Record<string, unknown>>(
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body?: unknown,
) => Promise<T>;

export interface SimClient {
  control: SimControl;
  /** a buyer with a wallet at the institution (password 123456) */
  buyer(channel: 'WECHAT' | 'ALIPAY' | 'UNIONPAY', balanceFen?: number): Promise<string>;
  /** a fresh payment code of that buyer */
  code(buyerId: string): Promise<string>;
}

export const BUYER_PASSWORD = '123456';

export function simClient(simUrl: string): SimClient {
  const control: SimControl = async <T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T> => {
    const res = await fetch(`${simUrl}/sim/control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`sim control ${path}: ${res.status} ${text}`);
    return (text === '' ? {} : JSON.parse(text)) as T;
  };
  return {
    control,
    async buyer(channel, balanceFen = 10_000_000) {
      return (
        await control<{ id: string }>('POST', '/buyers', {
          channel,
          balance_fen: balanceFen,
          code_level: 'A',
          password: BUYER_PASSWORD,
        })
      ).id;
    },
    async code(buyerId) {
      const res = await fetch(`${simUrl}/sim/buyers/${buyerId}/code`, { method: 'POST' });
      return ((await res.json()) as { auth_code: string }).auth_code;
    },
  };
}
