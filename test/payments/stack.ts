/**
 * The three real parts in this process on real HTTP and SQLite files: the
 * simulator (port 0, test control, fast asynchronous delays), the server with
 * payments pointed at the simulator's sim-config.json, and an enrolled
 * terminal core. Stall S01 is onboarded at the simulator and given its sub_mchid.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCore, type Core } from '../../src-main/core';
import { DEMO_PAIRING_FILE, startServer, type RunningServer } from '../../src-server/main';
import type { PaymentsOptions } from '../../src-server/payments/config';
import { paymentsFromSim } from '../../src-server/payments/setup';
import { startSim, type RunningSim } from '../../src-sim/main';
import { tempDir } from '../helpers/temp';

export const WECHAT_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 MicroMessenger/8.0.47';
export const ALIPAY_UA = 'Mozilla/5.0 (Linux; Android 13) AlipayClient/10.5.36';
export const UNIONPAY_UA = 'Mozilla/5.0 (Linux; Android 13) UnionPay/1.0 CloudPay';

export interface PayStack {
  sim: RunningSim;
  simDir: string;
  server: RunningServer;
  serverDir: string;
  core: Core;
  subMchid: string;
  control<T = Record<string, unknown>>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T>;
  buyer(channel: 'WECHAT' | 'ALIPAY' | 'UNIONPAY', balanceFen?: number): Promise<string>;
  code(buyerId: string): Promise<string>;
  serverDb(): Database.Database;
  close(): Promise<void>;
}

export async function startPayStack(o: Partial<Omit<PaymentsOptions, 'institutions'>> = {}, core: { pull_ms?: number; background?: boolean } = {}): Promise<PayStack> {
  const simDir = tempDir('sim');
  const sim = await startSim({ port: 0, dataDir: simDir, testControl: true, timeScale: 1000 });
  const control = async <T,>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sim.url}/sim/control${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`sim control ${path}: ${res.status} ${text}`);
    return (text === '' ? {} : JSON.parse(text)) as T;
  };
  const { sub_mchid } = await control<{ sub_mchid: string }>('POST', '/merchants', { merchant_name: '老王蔬菜批发', account_name: '王建国', account_number: '6222020000000000000'.slice(0, 18) + luhnDigit('622202000000000000') });
  const serverDir = tempDir('pay-server');
  const server = await startServer({ port: 0, dataDir: serverDir, demo: true, payments: { ...paymentsFromSim(simDir), split_delay_ms: 0, worker_poll_ms: 50, recover_after_ms: 500, codepay: { poll_ms: 50, limit_ms: 400 }, ...o } });
  const sdb = new Database(join(serverDir, 'server.sqlite'));
  sdb.prepare("UPDATE stall SET sub_mchid = ? WHERE id = 'S01'").run(sub_mchid);
  sdb.prepare("INSERT INTO fee_rule (id, stall_id, kind, rate_bp, fixed_fen, updated_ms) VALUES ('FR1', NULL, 'trade_commission', 100, 0, 0)").run();
  const pairing = JSON.parse(readFileSync(join(serverDir, DEMO_PAIRING_FILE), 'utf8')) as { pairing_code: string };
  const c = await startCore({ dataDir: tempDir('pay-terminal'), serverUrl: server.url, pairingCode: pairing.pairing_code, background: core.background });
  return {
    sim,
    simDir,
    server,
    serverDir,
    core: c,
    subMchid: sub_mchid,
    control,
    async buyer(channel, balanceFen = 10_000_000) {
      return (await control<{ id: string }>('POST', '/buyers', { channel, balance_fen: balanceFen, code_level: 'A', password: '123456' })).id;
    },
    async code(buyerId) {
      const res = await fetch(`${sim.url}/sim/buyers/${buyerId}/code`, { method: 'POST' });
      return ((await res.json()) as { auth_code: string }).auth_code;
    },
    serverDb: () => sdb,
    async close() {
      await c.close();
      await server.close();
      await sim.close();
      sdb.close();
    },
  };
}

function luhnDigit(base: string): string {
  for (let d = 0; d <= 9; d++) {
    const n = base + d;
    let sum = 0;
    for (let i = 0; i < n.length; i++) {
      let x = Number(n[n.length - 1 - i]);
      if (i % 2 === 1) {
        x *= 2;
        if (x > 9) x -= 9;
      }
      sum += x;
    }
    if (sum % 10 === 0) return String(d);
  }
  throw new Error('unreachable');
}

/** The buyer's phone: opens the pay URL with its app, follows to the institution's page, confirms with the password. */
export async function buyerPays(payUrl: string, ua: string, buyerId: string): Promise<{ landing: number; confirm: string }> {
  const first = await fetch(payUrl, { headers: { 'user-agent': ua }, redirect: 'manual' });
  const location = first.headers.get('location');
  if (first.status !== 302 || !location) return { landing: first.status, confirm: await first.text() };
  const page = await fetch(location, { headers: { 'user-agent': ua } });
  await page.text();
  const res = await fetch(`${location.split('?')[0] ?? ''}/confirm`, { method: 'POST', headers: { 'user-agent': ua, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ buyer_id: buyerId, password: '123456' }).toString() });
  return { landing: 302, confirm: await res.text() };
}

export async function until<T>(fn: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
