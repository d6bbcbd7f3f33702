/** What every stall's cashier and buyers share: the day's clock, the institution's world, the buyers' phones. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { buyerPays, until } from '../payments/stack';
import type { SimClient } from '../payments/sim-client';
import type { Wallet } from './plan';

export const USER_AGENTS: Readonly<Record<Wallet, string>> = {
  WECHAT: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 MicroMessenger/8.0.47',
  ALIPAY: 'Mozilla/5.0 (Linux; Android 13) AlipayClient/10.5.36',
  UNIONPAY: 'Mozilla/5.0 (Linux; Android 13) UnionPay/1.0 CloudPay',
};

/** Market time runs `scale` times faster than the wall from the opening bell. */
export class DayClock {
  readonly t0 = Date.now();
  constructor(readonly scale: number) {}
  marketMs(): number {
    return (Date.now() - this.t0) * this.scale;
  }
  wallMs(marketMs: number): number {
    return marketMs / this.scale;
  }
  async sleepUntil(marketMs: number): Promise<void> {
    const wait = this.t0 + marketMs / this.scale - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  }
}

export interface World {
  sim: SimClient;
  simDir: string;
  /** the server as the buyers' phones reach it (not through a stall's network) */
  serverUrl: string;
  clock: DayClock;
  /** late QR payments still to happen */
  later: Promise<void>[];
  /** payment codes already paid with: shown again, the institution refuses them as expired */
  usedCodes: string[];
  faults: number;
}

let simDb: Database.Database | null = null;
let simDbDir = '';

/** The institution's transaction number of an order (read from its own database, as its merchant portal would show). */
export async function simTransactionOf(w: World, outTradeNo: string, timeoutMs = 20_000): Promise<string> {
  if (simDbDir !== w.simDir) {
    simDb?.close();
    simDb = new Database(join(w.simDir, 'sim.sqlite'), { readonly: true, fileMustExist: true });
    simDbDir = w.simDir;
  }
  const db = simDb;
  if (!db) throw new Error('no sim db');
  return until(
    () =>
      (
        db.prepare('SELECT transaction_id FROM orders WHERE out_trade_no = ?').get(outTradeNo) as
          { transaction_id: string } | undefined
      )?.transaction_id,
    timeoutMs,
    `the institution's order ${outTradeNo}`,
  );
}

export function closeSimDb(): void {
  simDb?.close();
  simDb = null;
  simDbDir = '';
}

const PHONE_TRIES_MAX = 120;
const PHONE_RETRY_MS = 500;

/** The buyer's phone scans the receipt QR (it reaches the server over the mobile network, not the stall's). */
export async function phonePays(w: World, payUrl: string, wallet: Wallet, buyerId: string): Promise<boolean> {
  const url = new URL(payUrl);
  const real = new URL(w.serverUrl);
  url.host = real.host;
  // While the server restarts the phone shows an error and the buyer tries again.
  for (let tries = 0; ; tries++) {
    try {
      const r = await buyerPays(url.toString(), USER_AGENTS[wallet], buyerId);
      return r.landing === 302;
    } catch (err) {
      if (tries >= PHONE_TRIES_MAX) throw err;
      await new Promise((res) => setTimeout(res, PHONE_RETRY_MS));
    }
  }
}
