/**
 * Simulated buyers: a wallet per person in one of the three apps, a balance
 * held by the institution (ledger account `buyer:{id}`), a payment password,
 * and a payment code that rotates (issuing a new one retires the old one;
 * a code is good for one payment within AUTH_CODE_TTL_MS).
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { Sim } from '../context';
import { CODE_SHAPE, type Channel } from '../codes/classify';
import { RESERVE, balance, buyerAcct, post } from '../ledger/ledger';
import { SimError } from '../protocol/errors';
import type { CodeLevel } from './limits';

export const AUTH_CODE_TTL_MS = 60_000;
export const DEFAULT_PASSWORD = '123456';

export interface SimBuyerRow {
  id: string;
  channel: Channel;
  name: string;
  openid: string;
  password: string;
  created_at: number;
  code_level: CodeLevel;
}

export function getBuyer(sim: Sim, id: string): SimBuyerRow | undefined {
  return sim.db.prepare('SELECT * FROM buyers WHERE id = ?').get(id) as SimBuyerRow | undefined;
}

export function listBuyers(sim: Sim): (SimBuyerRow & { balance_fen: number })[] {
  const rows = sim.db.prepare('SELECT * FROM buyers ORDER BY created_at, id').all() as SimBuyerRow[];
  return rows.map((b) => ({ ...b, balance_fen: balance(sim.db, buyerAcct(b.id)) }));
}

/** Money arrives from the buyer's bank into the institution: the reserve grows by exactly the wallet's claim. */
export function topUp(sim: Sim, buyerId: string, amountFen: number): void {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    throw new SimError('PARAM_ERROR', 'amount_fen must be a positive integer');
  post(sim.db, sim.clock.now(), 'TOPUP', buyerId, [
    { account: RESERVE, amount_fen: amountFen },
    { account: buyerAcct(buyerId), amount_fen: -amountFen },
  ]);
}

export function createBuyer(
  sim: Sim,
  opts: { channel: Channel; name?: string; balance_fen?: number; password?: string; code_level?: CodeLevel },
): SimBuyerRow {
  const id = `B${randomUUID().replaceAll('-', '').slice(0, 15).toUpperCase()}`;
  const prefix = opts.channel === 'WECHAT' ? 'o' : opts.channel === 'ALIPAY' ? '2088' : 'up';
  const b: SimBuyerRow = {
    id,
    channel: opts.channel,
    name: opts.name ?? `买家${id.slice(-4)}`,
    openid: `${prefix}${randomUUID().replaceAll('-', '').slice(0, 24)}`,
    password: opts.password ?? DEFAULT_PASSWORD,
    created_at: sim.clock.now(),
    code_level: opts.code_level ?? 'B',
  };
  sim.db.transaction(() => {
    sim.db
      .prepare(
        'INSERT INTO buyers (id, channel, name, openid, password, created_at, code_level) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(b.id, b.channel, b.name, b.openid, b.password, b.created_at, b.code_level);
    if (opts.balance_fen !== undefined && opts.balance_fen > 0) topUp(sim, b.id, opts.balance_fen);
  })();
  return b;
}

/** Issues a fresh payment code; earlier unused codes of the buyer stop working. */
export function issueCode(sim: Sim, buyerId: string): string {
  const b = getBuyer(sim, buyerId);
  if (b === undefined) throw new SimError('RESOURCE_NOT_EXISTS', '买家不存在');
  const shape = CODE_SHAPE[b.channel];
  const now = sim.clock.now();
  for (;;) {
    let code = shape.prefixes[randomInt(shape.prefixes.length)] ?? '';
    while (code.length < shape.length) code += String(randomInt(10));
    const clash = sim.db.prepare('SELECT 1 FROM auth_codes WHERE code = ?').get(code);
    if (clash !== undefined) continue;
    sim.db.transaction(() => {
      sim.db
        .prepare('UPDATE auth_codes SET used_at = ? WHERE buyer_id = ? AND used_at IS NULL')
        .run(now, buyerId);
      sim.db
        .prepare('INSERT INTO auth_codes (code, buyer_id, issued_at) VALUES (?, ?, ?)')
        .run(code, buyerId, now);
    })();
    return code;
  }
}

/** Demo buyers created with a fresh database, one per wallet app. */
export function seedBuyers(sim: Sim): void {
  const n = (sim.db.prepare('SELECT COUNT(*) AS n FROM buyers').get() as { n: number }).n;
  if (n > 0) return;
  createBuyer(sim, { channel: 'WECHAT', name: '微信买家', balance_fen: 50_000_000 });
  createBuyer(sim, { channel: 'ALIPAY', name: '支付宝买家', balance_fen: 50_000_000 });
  createBuyer(sim, { channel: 'UNIONPAY', name: '云闪付买家', balance_fen: 50_000_000 });
}
