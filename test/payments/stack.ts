/**
 * The three real parts in this process on real HTTP and SQLite files: the
 * simulator (port 0, test control, fast asynchronous delays), the server with
 * payments pointed at the simulator's sim-config.json, and an enrolled
 * terminal core. Stall S01 is onboarded at the simulator and given its sub_mchid.
 */
import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCore, type Core, type CoreOptions } from '../../src-main/core';
import { DEMO_PAIRING_FILE, startServer, type RunningServer } from '../../src-server/main';
import type { PaymentsOptions } from '../../src-server/payments/config';
import { paymentsFromSim } from '../../src-server/payments/setup';
import { startSim, type RunningSim } from '../../src-sim/main';
import { tempDir } from '../helpers/temp';
import { startFaultProxy, type FaultProxy } from '../emulators/fault-proxy/fault-proxy';
import { withLuhnDigit } from '../../shared/pay/luhn';
import { writeServerDb } from '../helpers/server-db';
import { simClient } from './sim-client';

export const WECHAT_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 MicroMessenger/8.0.47';
export const ALIPAY_UA = 'Mozilla/5.0 (Linux; Android 13) AlipayClient/10.5.36';
export const UNIONPAY_UA = 'Mozilla/5.0 (Linux; Android 13) UnionPay/1.0 CloudPay';

export interface PayStack {
  sim: RunningSim;
  simDir: string;
  server: RunningServer;
  serverDir: string;
  core: Core;
  terminalDir: string;
  subMchid: string;
  control<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T>;
  buyer(channel: 'WECHAT' | 'ALIPAY' | 'UNIONPAY', balanceFen?: number): Promise<string>;
  code(buyerId: string): Promise<string>;
  serverDb(): Database.Database;
  /** the simulator's own database, read only (its ledger, its orders) */
  simDb(): Database.Database;
  /** between the till and the server when started with `via_proxy` (set it down to take the till offline) */
  proxy: FaultProxy | null;
  /** a staff session (the demo admin) for the admin API */
  admin<T>(path: string, body?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function startPayStack(
  o: Partial<Omit<PaymentsOptions, 'institutions'>> = {},
  core: { via_proxy?: boolean } & Pick<
    CoreOptions,
    'background' | 'paymentPullMs' | 'configPullMs' | 'eventStream' | 'devices'
  > = {},
): Promise<PayStack> {
  const simDir = tempDir('sim');
  const sim = await startSim({ port: 0, dataDir: simDir, testControl: true, timeScale: 1000 });
  const world = simClient(sim.url);
  const control = world.control;
  const { sub_mchid } = await control<{ sub_mchid: string }>('POST', '/merchants', {
    merchant_name: '老王蔬菜批发',
    account_name: '王建国',
    account_number: withLuhnDigit('622202000000000000'),
  });
  const serverDir = tempDir('pay-server');
  const server = await startServer({
    port: 0,
    dataDir: serverDir,
    demo: true,
    payments: {
      ...paymentsFromSim(simDir),
      split_delay_ms: 0,
      split_retry_ms: 50,
      split_probe_ms: 100,
      worker_poll_ms: 50,
      recover_after_ms: 500,
      codepay: { poll_ms: 50, limit_ms: 400 },
      ...o,
    },
  });
  const sdb = new Database(join(serverDir, 'server.sqlite'));
  await writeServerDb(serverDir, (w) => {
    w.prepare("UPDATE stall SET sub_mchid = ? WHERE id = 'S01'").run(sub_mchid);
    w.prepare(
      "INSERT INTO fee_rule (id, stall_id, kind, rate_bp, fixed_fen, updated_ms) VALUES ('FR1', NULL, 'trade_commission', 100, 0, 0)",
    ).run();
  });
  const pairing = JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as {
    pairing_code: string;
  };
  const proxy = core.via_proxy
    ? await startFaultProxy({ host: '127.0.0.1', port: Number(new URL(server.url).port) })
    : null;
  const terminalDir = tempDir('pay-terminal');
  const c = await startCore({
    dataDir: terminalDir,
    serverUrl: proxy?.url ?? server.url,
    pairingCode: pairing.pairing_code,
    background: core.background,
    paymentPullMs: core.paymentPullMs,
    configPullMs: core.configPullMs,
    eventStream: core.eventStream,
    devices: core.devices,
  });
  const sessionToken = randomBytes(24).toString('hex');
  await writeServerDb(serverDir, (w) =>
    w
      .prepare(
        'INSERT INTO staff_session (id_hash, staff_id, csrf_token, created_ms, expires_ms) VALUES (?, ?, ?, ?, ?)',
      )
      .run(
        createHash('sha256').update(sessionToken).digest('hex'),
        'U01',
        'csrf',
        Date.now(),
        Date.now() + 3_600_000,
      ),
  );
  let simDb: Database.Database | null = null;
  return {
    sim,
    simDir,
    server,
    serverDir,
    core: c,
    terminalDir,
    subMchid: sub_mchid,
    control,
    buyer: world.buyer,
    code: world.code,
    serverDb: () => sdb,
    simDb: () => (simDb ??= new Database(join(simDir, 'sim.sqlite'), { readonly: true })),
    proxy,
    async admin<T>(path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = { cookie: `mt_session=${sessionToken}` };
      if (body !== undefined)
        Object.assign(headers, { 'content-type': 'application/json', 'x-csrf-token': 'csrf' });
      const res = await fetch(server.url + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status !== 200) throw new Error(`admin ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    },
    async close() {
      await c.close();
      await proxy?.close();
      await server.close();
      await sim.close();
      sdb.close();
      simDb?.close();
    },
  };
}

/** The buyer's phone: opens the pay URL with its app, follows to the institution's page, confirms with the password. */
export async function buyerPays(
  payUrl: string,
  ua: string,
  buyerId: string,
): Promise<{ landing: number; confirm: string }> {
  const first = await fetch(payUrl, { headers: { 'user-agent': ua }, redirect: 'manual' });
  const location = first.headers.get('location');
  if (first.status !== 302 || !location) return { landing: first.status, confirm: await first.text() };
  const page = await fetch(location, { headers: { 'user-agent': ua } });
  await page.text();
  const res = await fetch(`${location.split('?')[0] ?? ''}/confirm`, {
    method: 'POST',
    headers: { 'user-agent': ua, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ buyer_id: buyerId, password: '123456' }).toString(),
  });
  return { landing: 302, confirm: await res.text() };
}

export async function until<T>(
  fn: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The buyer's phone opens the pay URL: the server makes the order and sends the phone to the institution's page (not paid yet). */
export async function openPayPage(payUrl: string, ua: string): Promise<string> {
  const first = await fetch(payUrl, { headers: { 'user-agent': ua }, redirect: 'manual' });
  const location = first.headers.get('location');
  await first.text();
  if (first.status !== 302 || !location) throw new Error(`pay page answered ${first.status}`);
  return location;
}

export async function simTransactionId(s: PayStack, outTradeNo: string): Promise<string> {
  return until(
    () =>
      (
        s.simDb().prepare('SELECT transaction_id FROM orders WHERE out_trade_no = ?').get(outTradeNo) as
          { transaction_id: string } | undefined
      )?.transaction_id,
    5_000,
    `the institution's order ${outTradeNo}`,
  );
}

export function count(db: Database.Database, sql: string, ...args: unknown[]): number {
  return (db.prepare(sql).get(...args) as { n: number }).n;
}

/** Ten bags at 15 元 tendered by receipt QR, paid by a WeChat buyer: the sale, its institution order number and the buyer. */
export async function paidBagsSale(s: PayStack): Promise<{ sale_id: string; no: string; buyer: string }> {
  const buyer = await s.buyer('WECHAT');
  const sale = await s.core.handlers['sale-complete']({
    lines: [{ product_id: 'S01-V006', entry: { kind: 'count', count: 10 }, discount_fen: 0 }],
    sale_discount_fen: 0,
    tenders: [{ kind: 'qr', amount_fen: 15_000 }],
  });
  if (!sale.pay_url) throw new Error('no pay url');
  await buyerPays(sale.pay_url, WECHAT_UA, buyer);
  return { sale_id: sale.sale_id, no: `Q${sale.sale_id}01`, buyer };
}

/** Moves the institution's clock past its 30 s split hold and waits for the order's split to be done. */
export async function splitDone(s: PayStack, no: string): Promise<void> {
  await s.control('POST', '/clock/advance', { ms: 31_000 });
  await until(
    () =>
      (
        s
          .serverDb()
          .prepare("SELECT 1 AS x FROM payment_order WHERE out_trade_no = ? AND split_state = 'done'")
          .get(no) as { x: number } | undefined
      )?.x,
    10_000,
    'the split',
  );
}
