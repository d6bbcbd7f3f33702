/**
 * The conservation property: after a randomized run of payments, refunds,
 * splits, unfreezes, returns, B2B payments, withdrawals, faults and
 * settlements, every balance is
 * non-negative, the ledger balances, the reserve equals what came in minus
 * what was paid out, and money left the institution only to a sub-merchant's
 * own bound card or — fee share only — to the market's card.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBuyer, issueCode } from '../buyers/store';
import { openSimCore, type SimCore } from '../core';
import { createActiveMerchant } from '../merchants/applyment';
import { getMerchant } from '../merchants/store';
import { createB2bOrder, completeB2b } from '../orders/b2b';
import { codepay, confirmUserpaying } from '../orders/codepay';
import { addReceiver } from '../profitshare/receivers';
import { requestSplit, unfreeze } from '../profitshare/orders';
import { requestReturn } from '../profitshare/returns';
import { applyRefund } from '../refunds/service';
import { requestWithdrawal } from '../settlement/withdraw';
import { SimError } from '../protocol/errors';
import { card, notifyReceiver, seedIdentity, testTmpDir } from '../testing/harness';
import { marketCard } from '../settlement/settle';
import { checkLedger, pendingAcct } from './ledger';

const MERCHANTS = 3;
const BUYERS = 4;

type Op =
  | { k: 'pay'; m: number; b: number; amount: number; share: boolean }
  | { k: 'b2b'; m: number; amount: number; share: boolean }
  | { k: 'refund'; o: number; part: number }
  | { k: 'split'; o: number; to: number; part: number; finish: boolean }
  | { k: 'unfreeze'; o: number }
  | { k: 'withdraw'; m: number; part: number; bounce: boolean }
  | { k: 'return'; s: number; part: number }
  | { k: 'fault'; kind: 'refund_abnormal' | 'refund_closed' | 'split_failure' }
  | { k: 'advance'; ms: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      k: fc.constant('pay' as const),
      m: fc.nat(MERCHANTS - 1),
      b: fc.nat(BUYERS - 1),
      amount: fc.oneof(fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 5_000, max: 400_000 })),
      share: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('b2b' as const),
      m: fc.nat(MERCHANTS - 1),
      amount: fc.integer({ min: 1, max: 20_000_000 }),
      share: fc.boolean(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('refund' as const),
      o: fc.nat(),
      part: fc.integer({ min: 1, max: 100 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('split' as const),
      o: fc.nat(),
      to: fc.nat(MERCHANTS),
      part: fc.integer({ min: 1, max: 40 }),
      finish: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('unfreeze' as const), o: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('withdraw' as const),
      m: fc.nat(MERCHANTS - 1),
      part: fc.integer({ min: 1, max: 100 }),
      bounce: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('return' as const),
      s: fc.nat(),
      part: fc.integer({ min: 1, max: 100 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('fault' as const),
      kind: fc.constantFrom('refund_abnormal' as const, 'refund_closed' as const, 'split_failure' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('advance' as const),
      ms: fc.oneof(
        fc.integer({ min: 1_000, max: 120_000 }),
        fc.integer({ min: 3_600_000, max: 2 * 86_400_000 }),
      ),
    }),
  },
);

const pick = <T>(xs: readonly T[], i: number): T | undefined =>
  xs.length === 0 ? undefined : xs[i % xs.length];

async function run(ops: Op[]): Promise<void> {
  const dir = mkdtempSync(join(testTmpDir(), 'simpay-prop-'));
  seedIdentity(dir);
  const core: SimCore = openSimCore({ dataDir: dir, timeScale: 1_000_000 });
  // B2B orders notify; a live receiver keeps delivery from waiting on a dead port.
  const rx = await notifyReceiver();
  const { sim } = core;
  const sp = sim.id.spMchid;
  try {
    const subs = Array.from(
      { length: MERCHANTS },
      (_, i) =>
        createActiveMerchant(sim, {
          merchant_name: `摊${i}`,
          account_name: `主${i}`,
          account_number: card(9000 + i),
        }).sub_mchid,
    );
    const buyers = Array.from(
      { length: BUYERS },
      (_, i) =>
        createBuyer(sim, {
          channel: i % 2 === 0 ? 'WECHAT' : 'ALIPAY',
          balance_fen: 5_000_000,
          code_level: i === 0 ? 'C' : i === 1 ? 'B' : 'A',
        }).id,
    );
    for (const s of subs) {
      addReceiver(sim, sp, {
        sub_mchid: s,
        type: 'MERCHANT_ID',
        account: sp,
        relation_type: 'SERVICE_PROVIDER',
      });
      for (const t of subs)
        if (t !== s)
          addReceiver(sim, sp, { sub_mchid: s, type: 'MERCHANT_ID', account: t, relation_type: 'PARTNER' });
    }
    const orders: { tx: string; sub: string; amount: number }[] = [];
    const splits: { sub: string; no: string; to: string; amount: number }[] = [];
    let n = 0;
    for (const o of ops) {
      n++;
      try {
        switch (o.k) {
          case 'pay': {
            const sub = subs[o.m] ?? '';
            const buyer = buyers[o.b] ?? '';
            const r = codepay(sim, sp, {
              sp_mchid: sp,
              sub_mchid: sub,
              description: 'p',
              out_trade_no: `P${n}x${sub}`,
              payer: { auth_code: issueCode(sim, buyer) },
              amount: { total: o.amount },
              settle_info: { profit_sharing: o.share },
            });
            if (r.kind === 'userpaying') confirmUserpaying(sim, r.order.transaction_id, buyer, '123456');
            orders.push({ tx: r.order.transaction_id, sub, amount: o.amount });
            break;
          }
          case 'b2b': {
            const sub = subs[o.m] ?? '';
            const r = createB2bOrder(sim, sp, {
              sp_mchid: sp,
              sub_mchid: sub,
              description: 'truck',
              out_trade_no: `G${n}x${sub}`,
              notify_url: rx.url,
              amount: { total: o.amount },
              settle_info: { profit_sharing: o.share },
            });
            completeB2b(sim, r.order);
            orders.push({ tx: r.order.transaction_id, sub, amount: o.amount });
            break;
          }
          case 'refund': {
            const ord = pick(orders, o.o);
            if (ord)
              applyRefund(sim, sp, {
                sub_mchid: ord.sub,
                transaction_id: ord.tx,
                out_refund_no: `R${n}`,
                amount: {
                  refund: Math.max(1, Math.floor((ord.amount * o.part) / 100)),
                  total: ord.amount,
                  currency: 'CNY',
                },
              });
            break;
          }
          case 'split': {
            const ord = pick(orders, o.o);
            if (!ord) break;
            const to = o.to === MERCHANTS ? sp : (subs[o.to] ?? sp);
            const amount = Math.max(1, Math.floor((ord.amount * o.part) / 100));
            requestSplit(sim, sp, {
              sub_mchid: ord.sub,
              transaction_id: ord.tx,
              out_order_no: `S${n}`,
              unfreeze_unsplit: o.finish,
              receivers: [{ type: 'MERCHANT_ID', account: to, amount, description: 'fee' }],
            });
            splits.push({ sub: ord.sub, no: `S${n}`, to, amount });
            break;
          }
          case 'unfreeze': {
            const ord = pick(orders, o.o);
            if (ord)
              unfreeze(sim, sp, {
                sub_mchid: ord.sub,
                transaction_id: ord.tx,
                out_order_no: `U${n}`,
                description: 'done',
              });
            break;
          }
          case 'withdraw': {
            const sub = subs[o.m] ?? '';
            if (o.bounce) sim.faults.add({ kind: 'withdraw_bounce', remaining: 1 });
            const available = -(
              sim.db
                .prepare('SELECT COALESCE(SUM(amount_fen), 0) AS s FROM postings WHERE account = ?')
                .get(pendingAcct(sub)) as { s: number }
            ).s;
            requestWithdrawal(sim, sp, {
              sub_mchid: sub,
              out_request_no: `W${n}`,
              amount: Math.max(1, Math.floor((available * o.part) / 100)),
            });
            break;
          }
          case 'return': {
            const s = pick(splits, o.s);
            if (s && s.to !== sp)
              requestReturn(sim, sp, {
                sub_mchid: s.sub,
                out_order_no: s.no,
                out_return_no: `RT${n}`,
                return_mchid: s.to,
                amount: Math.max(1, Math.floor((s.amount * o.part) / 100)),
                description: 'r',
              });
            break;
          }
          case 'fault':
            sim.faults.add({ kind: o.kind, remaining: 1, reason: 'NO_AUTH' });
            break;
          case 'advance':
            sim.clock.advance(o.ms);
            await core.runNow();
            break;
        }
      } catch (e) {
        // Refusals by the institution's rules are expected; anything else is a bug.
        if (!(e instanceof SimError)) throw e;
      }
    }
    sim.clock.advance(3 * 86_400_000);
    await core.runNow();

    const ledger = checkLedger(sim.db);
    expect(ledger.negative).toEqual([]);
    expect(ledger.balanced).toBe(true);
    const sum = (sql: string, ...args: unknown[]): number =>
      (sim.db.prepare(sql).get(...args) as { s: number }).s;
    const toppedUp = sum(
      `SELECT COALESCE(SUM(p.amount_fen), 0) AS s FROM postings p JOIN journal j ON j.id = p.journal_id WHERE j.kind IN ('TOPUP', 'PAY_B2B', 'DEDUCT') AND p.account = 'inst:reserve'`,
    );
    const paidOut = sum('SELECT COALESCE(SUM(amount_fen), 0) AS s FROM payouts');
    expect(ledger.reserve_fen).toBe(toppedUp - paidOut);
    // Every payout went to the party's own bound card; the market's only to the market's card.
    const payouts = sim.db.prepare('SELECT party, card_number, amount_fen FROM payouts').all() as {
      party: string;
      card_number: string;
      amount_fen: number;
    }[];
    for (const p of payouts) {
      const expected =
        p.party === sp ? marketCard(sim).account_number : getMerchant(sim.db, p.party)?.account_number;
      expect(p.card_number).toBe(expected);
    }
    // The market's account is only ever credited by splits (its fee share) or its own rent debits, and it never got more than that.
    const credits = sim.db
      .prepare(
        `SELECT DISTINCT j.kind FROM postings p JOIN journal j ON j.id = p.journal_id WHERE p.account = ? AND p.amount_fen < 0`,
      )
      .all(pendingAcct(sp)) as { kind: string }[];
    expect(credits.every((c) => c.kind === 'SPLIT_SUCCESS' || c.kind === 'DEDUCT')).toBe(true);
    const marketPaid = payouts.filter((p) => p.party === sp).reduce((s, p) => s + p.amount_fen, 0);
    const marketSplit = sum(
      `SELECT COALESCE(SUM(r.amount_fen), 0) AS s FROM share_receivers r JOIN share_orders o ON o.order_id = r.order_id WHERE r.account = ? AND r.result = 'SUCCESS' AND o.kind <> 'UNFREEZE'`,
      sp,
    );
    const rent = sum(`SELECT COALESCE(SUM(amount_fen), 0) AS s FROM deductions WHERE state = 'SUCCESS'`);
    expect(marketPaid).toBeLessThanOrEqual(marketSplit + rent);
    expect(payouts.every((p) => p.party === sp || subs.includes(p.party))).toBe(true);
    // The run did exercise the money paths (a vacuous run would prove nothing).
    expect(orders.length).toBeGreaterThan(0);
    expect(payouts.length).toBeGreaterThan(0);
    if (process.env.SIM_PROP_STATS)
      console.log(
        JSON.stringify({
          ops: ops.length,
          orders: orders.length,
          splits: splits.length,
          refunds: sum('SELECT COUNT(*) AS s FROM refunds'),
          ok_splits: sum(`SELECT COUNT(*) AS s FROM share_receivers WHERE result = 'SUCCESS'`),
          returns: sum(`SELECT COUNT(*) AS s FROM share_returns WHERE state = 'SUCCESS'`),
          payouts: payouts.length,
          market: marketPaid,
        }),
      );
  } finally {
    await rx.close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('conservation', () => {
  it('holds over thousands of randomized payments, refunds, splits, returns and settlements', async () => {
    await fc.assert(fc.asyncProperty(fc.array(op, { minLength: 500, maxLength: 800 }), run), {
      numRuns: 4,
      verbose: 1,
    });
  }, 60_000);
});
