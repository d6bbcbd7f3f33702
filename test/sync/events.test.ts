// The server pushes, the till pulls at once (issue 4, "Pull"): with the safety polls set to an hour, a QR
// payment and a staff price change still reach the till within a second, through its signed event stream.
// Dropping the stream and reconnecting pulls what happened meanwhile; revoking the terminal ends its
// stream and the till shows `refused`. Real simulator, server, till, HTTP and SQLite files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { SseParser, type SseMessage } from '../../shared/sync/terminal-events';
import { getSale, saleTenders } from '../../src-main/sales/sale-store';
import { loadOrCreateKey } from '../../src-main/sync/signer';
import { openServerStream } from '../../src-main/sync/server-client';
import { DEMO_STAFF } from '../../src-server/demo/seed';
import { WECHAT_UA, buyerPays, startPayStack, until, type PayStack } from '../payments/stack';

const HOUR_MS = 3_600_000;
let s: PayStack;
let staffCookie = '';
let csrf = '';

beforeAll(async () => {
  s = await startPayStack(
    {},
    {
      via_proxy: true,
      paymentPullMs: HOUR_MS,
      configPullMs: HOUR_MS,
      eventStream: { retryDelayMsMin: 50, retryDelayMsMax: 200 },
    },
  );
  await s.core.handlers['cashier-signin']({ pin: '1234' });
  // Staff log in as staff do (the server owns its database's writes).
  const login = await fetch(`${s.server.url}/api/v1/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_STAFF),
  });
  staffCookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  csrf = ((await login.json()) as { csrf_token: string }).csrf_token;
  await until(() => s.core.stream.state().state === 'open', 10_000, 'the till to open its event stream');
}, 60_000);
afterAll(async () => s?.close());

async function staff(method: 'POST' | 'PATCH', path: string, body: unknown): Promise<unknown> {
  const res = await fetch(s.server.url + path, {
    method,
    headers: { cookie: staffCookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

const price = async (code: string): Promise<number | undefined> =>
  (await s.core.handlers['catalog-list']({})).products.find((p) => p.code === code)?.unit_price_fen;

/** V001 is priced per 斤 (500 g); its price changes in these tests. */
async function qrSale(grossG: number): Promise<{ sale_id: string; pay_url: string }> {
  const perJin = (await price('V001')) ?? 0;
  const r = await s.core.handlers['sale-complete']({
    lines: [
      { product_id: 'S01-V001', entry: { kind: 'weight', gross_g: grossG, tare_g: 0 }, discount_fen: 0 },
    ],
    sale_discount_fen: 0,
    tenders: [{ kind: 'qr', amount_fen: Math.round((grossG / 500) * perJin) }],
  });
  if (!r.pay_url) throw new Error('no pay url');
  return { sale_id: r.sale_id, pay_url: r.pay_url };
}

const serverState = (outTradeNo: string): string | undefined =>
  (
    s.serverDb().prepare('SELECT state FROM payment_order WHERE out_trade_no = ?').get(outTradeNo) as
      { state: string } | undefined
  )?.state;

describe('terminal event stream', () => {
  it('a QR payment made at the institution turns the till’s tender paid within a second (pushed: the safety poll is an hour)', async () => {
    const sale = await qrSale(5000);
    const buyer = await s.buyer('WECHAT');
    expect((await buyerPays(sale.pay_url, WECHAT_UA, buyer)).confirm).toContain('支付成功');
    await until(
      () => serverState(`Q${sale.sale_id}01`) === 'succeeded',
      10_000,
      'the server to have it paid',
    );
    const paidAtServer = Date.now();
    await until(
      () => saleTenders(s.core.db, sale.sale_id)[0]?.status === 'paid',
      1_000,
      'the pushed payment on the till',
    );
    expect(Date.now() - paidAtServer).toBeLessThan(1_000);
    expect(getSale(s.core.db, sale.sale_id)?.status).toBe('completed');
  });

  it('a staff price change reaches the till as a config event, applied and announced within a second', async () => {
    const announced: number[] = [];
    const off = s.core.events.on('config', (c) => announced.push(c.version));
    const before = s.core.identity.config_version;
    const t0 = Date.now();
    await staff('PATCH', '/api/v1/admin/products/S01-V001', { unit_price_fen: 150 });
    await until(async () => (await price('V001')) === 150, 1_000, 'the new price on the till');
    expect(Date.now() - t0).toBeLessThan(1_000);
    await until(() => announced.length === 1, 1_000, 'the config announcement');
    expect(announced[0]).toBe(before + 1);
    off();
  });

  it('a new buyer reaches the till at once too (announced without a version bump)', async () => {
    await staff('POST', '/api/v1/admin/stalls/S01/buyers', { name: '推送饭店', credit_limit_fen: 300_000 });
    await until(
      async () => (await s.core.handlers['buyers-list']({})).buyers.some((b) => b.name === '推送饭店'),
      1_000,
      'the new buyer on the till',
    );
  });

  it('a dropped stream reconnects and pulls the payment and the price change it missed', async () => {
    const proxy = s.proxy;
    if (!proxy) throw new Error('no proxy');
    proxy.setDown(true);
    await until(() => s.core.stream.state().state !== 'open', 5_000, 'the till to see its stream gone');
    // While the till is cut off: the buyer pays (over the phone's own network) and staff change a price.
    const sale = await qrSale(2500);
    const buyer = await s.buyer('WECHAT');
    const phoneUrl = `${s.server.url}/p/${sale.pay_url.split('/p/')[1] ?? ''}`;
    expect((await buyerPays(phoneUrl, WECHAT_UA, buyer)).confirm).toContain('支付成功');
    await until(
      () => serverState(`Q${sale.sale_id}01`) === 'succeeded',
      10_000,
      'the server to have it paid',
    );
    await staff('PATCH', '/api/v1/admin/products/S01-V002', { unit_price_fen: 777 });
    await new Promise((r) => setTimeout(r, 300));
    expect(saleTenders(s.core.db, sale.sale_id)[0]?.status).toBe('pending');
    expect(await price('V002')).not.toBe(777);
    proxy.setDown(false);
    // No event can carry what happened while away, and the polls are an hour: the reconnect's pull must.
    await until(() => s.core.stream.state().state === 'open', 10_000, 'the stream to reconnect');
    await until(
      () => saleTenders(s.core.db, sale.sale_id)[0]?.status === 'paid',
      2_000,
      'the missed payment on the till',
    );
    await until(async () => (await price('V002')) === 777, 2_000, 'the missed price on the till');
  });

  it('revoking the terminal sends `revoked` and ends its open streams; the till shows refused and stays so', async () => {
    // A second stream with the till's own key, read raw, to see exactly what the server sends.
    const { privateKey } = loadOrCreateKey(s.terminalDir);
    const ac = new AbortController();
    const body = await openServerStream(
      { url: s.server.url, auth: { key: privateKey, terminalId: s.core.identity.terminal_id } },
      api.terminalEvents,
      ac.signal,
    );
    const reader = body.getReader();
    const parser = new SseParser();
    const seen: SseMessage[] = [];
    const readAll = (async () => {
      const text = new TextDecoder();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return 'ended';
        seen.push(...parser.push(text.decode(value, { stream: true })));
      }
    })();
    await until(() => seen.some((m) => m.event === 'hello'), 5_000, 'hello');
    const t0 = Date.now();
    await staff('POST', `/api/v1/admin/terminals/${s.core.identity.terminal_id}/revoke`, {});
    expect(await readAll).toBe('ended');
    expect(seen.map((m) => m.event)).toEqual(['hello', 'revoked']);
    await until(() => s.core.sync.status().link.state === 'refused', 1_000, 'the till to show refused');
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(s.core.sync.status().link).toMatchObject({ state: 'refused', code: 'terminal_revoked' });
    // Nothing to push proves nothing: the refusal stays, and no stream is reopened.
    await s.core.sync.runOnce();
    expect(s.core.sync.status().link.state).toBe('refused');
    await until(
      () => s.core.stream.state().state === 'waiting_for_link',
      1_000,
      'the stream to wait for a link that is not coming',
    );
    // And a new stream is refused outright.
    await expect(
      openServerStream(
        { url: s.server.url, auth: { key: privateKey, terminalId: s.core.identity.terminal_id } },
        api.terminalEvents,
        ac.signal,
      ),
    ).rejects.toMatchObject({ code: 'terminal_revoked' });
  });
});
