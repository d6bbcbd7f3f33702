import { randomUUID } from 'node:crypto';
import type { Sim } from '../context';
import { DAY_MS, shanghaiDate, shanghaiMidnight } from '../clock';
import { getMeta, setMeta } from '../db/open';
import { RESERVE, balance, pendingAcct, post } from '../ledger/ledger';
import { getMerchant } from '../merchants/store';

/** Payouts for day T run at this time on T+1. */
export const SETTLE_AT_MS_AFTER_MIDNIGHT = 6 * 3600_000;
/** At most this many days are settled per pass, so a clock jump of a year cannot stall the loop. */
const MAX_DAYS_PER_PASS = 400;

export interface Card {
  account_name: string;
  account_bank: string;
  account_number: string;
}

export function marketCard(sim: Sim): Card {
  const raw = getMeta(sim.db, 'market_card');
  if (raw !== undefined) return JSON.parse(raw) as Card;
  const card: Card = {
    account_name: '市场管理方（服务商）',
    account_bank: '农业银行',
    account_number: '6228480000000000000',
  };
  setMeta(sim.db, 'market_card', JSON.stringify(card));
  return card;
}

export function setMarketCard(sim: Sim, card: Card): void {
  setMeta(sim.db, 'market_card', JSON.stringify(card));
}

const nextDay = (d: string): string => shanghaiDate(shanghaiMidnight(d) + DAY_MS);

/** Where a party's money may go; undefined = not now (unknown or frozen merchant). */
function cardOf(sim: Sim, party: string): Card | undefined {
  if (party === sim.id.spMchid) return marketCard(sim);
  const m = getMerchant(sim.db, party);
  if (m === undefined || m.state !== 'ACTIVE') return undefined;
  return { account_name: m.account_name, account_bank: m.account_bank, account_number: m.account_number };
}

/** Pays out day `day`'s settled balances. */
export function settleDay(sim: Sim, day: string): number {
  const cutoff = shanghaiMidnight(day) + DAY_MS;
  const now = sim.clock.now();
  let paid = 0;
  sim.db.transaction(() => {
    const accounts = sim.db
      .prepare(`SELECT DISTINCT account FROM postings WHERE account LIKE 'mch:%:pending_settle'`)
      .all() as { account: string }[];
    for (const { account } of accounts) {
      const party = account.slice('mch:'.length, -':pending_settle'.length);
      const card = cardOf(sim, party);
      if (card === undefined) continue;
      const before = sim.db
        .prepare('SELECT COALESCE(SUM(amount_fen), 0) AS s FROM postings WHERE account = ? AND at < ?')
        .get(account, cutoff) as { s: number };
      const outAfter = sim.db
        .prepare(
          'SELECT COALESCE(SUM(amount_fen), 0) AS s FROM postings WHERE account = ? AND at >= ? AND amount_fen > 0',
        )
        .get(account, cutoff) as { s: number };
      const amount = Math.min(balance(sim.db, pendingAcct(party)), -before.s - outAfter.s);
      if (amount <= 0) continue;
      const id = `ST${randomUUID().replaceAll('-', '').slice(0, 24).toUpperCase()}`;
      post(sim.db, now, 'SETTLE', id, [
        { account, amount_fen: amount },
        { account: RESERVE, amount_fen: -amount },
      ]);
      sim.db
        .prepare(
          'INSERT INTO payouts (id, day, party, account, card_name, card_number, amount_fen, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, day, party, account, card.account_name, card.account_number, amount, now);
      paid += amount;
    }
    sim.db.prepare('INSERT INTO settlement_days (day, ran_at) VALUES (?, ?)').run(day, now);
  })();
  return paid;
}

/**
 * The earliest sim time the next payout run can be due, per simulator. The loop runs every few
 * milliseconds under a time scale; without this each tick would search the postings for the first
 * day. Postings are only ever made at the (monotonic) sim clock's now, so the bound never moves back.
 */
const notBefore = new WeakMap<Sim, number>();

/** Settles every day whose T+1 06:00 has passed on the sim clock. */
export function runSettlement(sim: Sim): number {
  if (sim.clock.now() < (notBefore.get(sim) ?? 0)) return 0;
  const last = sim.db.prepare('SELECT MAX(day) AS d FROM settlement_days').get() as { d: string | null };
  let day: string;
  if (last.d !== null) day = nextDay(last.d);
  else {
    const first = sim.db.prepare('SELECT MIN(at) AS t FROM postings').get() as { t: number | null };
    if (first.t === null) return 0;
    day = shanghaiDate(first.t);
  }
  let n = 0;
  while (
    n < MAX_DAYS_PER_PASS &&
    sim.clock.now() >= shanghaiMidnight(day) + DAY_MS + SETTLE_AT_MS_AFTER_MIDNIGHT
  ) {
    settleDay(sim, day);
    day = nextDay(day);
    n++;
  }
  notBefore.set(sim, shanghaiMidnight(day) + DAY_MS + SETTLE_AT_MS_AFTER_MIDNIGHT);
  return n;
}
