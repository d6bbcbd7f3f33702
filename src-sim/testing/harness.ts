import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSim, type RunningSim } from '../main';
import type { SimConfig } from '../config';
import { WxClient } from './client';
import { FILES, loadOrCreateIdentity } from '../protocol/keys';
import { withLuhnDigit } from '../../shared/pay/luhn';

/**
 * Where test data directories go: a RAM file system when there is one (the
 * SQLite files are still real files, just without disk fsync latency).
 */
export function testTmpDir(): string {
  return existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
}

/** RSA key generation dominates start-up; tests in one worker share one identity, copied into each fresh data dir. */
let template: string | undefined;
export function seedIdentity(dir: string): void {
  if (template === undefined) {
    template = mkdtempSync(join(testTmpDir(), 'simpay-identity-'));
    loadOrCreateIdentity(template);
  }
  for (const f of [
    FILES.identity,
    FILES.platformPrivate,
    FILES.platformPublic,
    FILES.merchantPrivate,
    FILES.merchantPublic,
  ]) {
    cpSync(join(template, f), join(dir, f));
  }
}

export interface Harness {
  sim: RunningSim;
  dir: string;
  cfg: SimConfig;
  api: WxClient;
  control<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    body?: unknown,
  ): Promise<T>;
  merchant(o?: { max_ratio_bp?: number; fee_rate_bp?: number }): Promise<string>;
  /** Level A (negotiated, no daily cap) unless given: most tests are not about the 296号 caps. */
  buyer(
    channel: 'WECHAT' | 'ALIPAY' | 'UNIONPAY',
    balance_fen: number,
    code_level?: 'A' | 'B' | 'C',
  ): Promise<string>;
  code(buyerId: string): Promise<string>;
  advance(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** A Luhn-valid 19-digit card number. */
export function card(seed: number): string {
  return withLuhnDigit(`622202${String(seed).padStart(12, '0')}`);
}

let cards = 0;

export async function startHarness(
  o: { timeScale?: number; dir?: string; testControl?: boolean } = {},
): Promise<Harness> {
  const dir = o.dir ?? mkdtempSync(join(testTmpDir(), 'simpay-'));
  if (o.dir === undefined) seedIdentity(dir);
  const sim = await startSim({
    port: 0,
    dataDir: dir,
    testControl: o.testControl ?? true,
    timeScale: o.timeScale ?? 1000,
  });
  const cfg = JSON.parse(readFileSync(join(dir, 'sim-config.json'), 'utf8')) as SimConfig;
  const control = async <T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sim.url}/sim/control${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`control ${path}: ${res.status} ${text}`);
    return (text === '' ? {} : JSON.parse(text)) as T;
  };
  if (o.testControl ?? true) {
    // Tests must not depend on the wall clock's time of day (daily counts and caps, T+1): start at 10:00 Asia/Shanghai.
    const { now_ms } = await control<{ now_ms: number }>('GET', '/clock');
    const sh = new Date(now_ms + 8 * 3600_000);
    const target = Date.UTC(sh.getUTCFullYear(), sh.getUTCMonth(), sh.getUTCDate() + 1, 10) - 8 * 3600_000;
    await control('POST', '/clock/advance', { ms: target - now_ms });
  }
  return {
    sim,
    dir,
    cfg,
    api: new WxClient(cfg),
    control,
    async merchant(m = {}) {
      cards += 1;
      const r = await control<{ sub_mchid: string }>('POST', '/merchants', {
        merchant_name: `摊位${cards}`,
        account_name: `摊主${cards}`,
        account_number: card(cards),
        ...m,
      });
      return r.sub_mchid;
    },
    async buyer(channel, balance_fen, code_level = 'A') {
      return (await control<{ id: string }>('POST', '/buyers', { channel, balance_fen, code_level })).id;
    },
    async code(buyerId) {
      const res = await fetch(`${sim.url}/sim/buyers/${buyerId}/code`, { method: 'POST' });
      return ((await res.json()) as { auth_code: string }).auth_code;
    },
    async advance(ms) {
      await control('POST', '/clock/advance', { ms });
    },
    async close() {
      await sim.close();
      if (o.dir === undefined) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A notify_url receiver that answers with the statuses given, in order (then the last one forever). */
export async function notifyReceiver(
  statuses: number[] = [200],
): Promise<{ url: string; got: Received[]; close(): Promise<void>; server: Server }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      got.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
      const status = statuses[Math.min(got.length - 1, statuses.length - 1)] ?? 200;
      res.statusCode = status;
      res.end(status === 200 ? JSON.stringify({ code: 'SUCCESS', message: '成功' }) : '');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}/notify`,
    got,
    server,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export async function until(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
