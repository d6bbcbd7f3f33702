// Takings, receivables and tender outcomes, property-tested with fixed seeds (a failure prints its seed and path).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TENDER_KINDS } from '../journal/entries';
import { failureReason } from './failure-reasons';
import {
  canMove,
  isStanding,
  owedFen,
  saleStatusOf,
  statusOfOrder,
  TENDER_STATUSES,
  WALLETS,
  type TenderStatus,
} from './outcome';
import { takingsDifferences, takingsOf, type TakingsSale, type TakingsTender } from './takings';
import {
  TAKINGS_FIGURE_LABELS,
  TENDER_KIND_LABELS,
  TENDER_STATUS_LABELS,
  WALLET_LABELS,
} from './takings-labels';
import { ORDER_STATES } from '../pay/payments-wire';

const tender: fc.Arbitrary<TakingsTender> = fc.record({
  kind: fc.constantFrom(...TENDER_KINDS),
  amount_fen: fc.integer({ min: 1, max: 5_000_000 }),
  status: fc.constantFrom(...TENDER_STATUSES),
  wallet: fc.option(fc.constantFrom(...WALLETS), { nil: null }),
});

/** A sale as a till can hold it: standing tenders never exceed the total (the rest is owed). */
const sale: fc.Arbitrary<TakingsSale> = fc
  .record({
    tenders: fc.array(tender, { minLength: 1, maxLength: 6 }),
    owed: fc.integer({ min: 0, max: 100_000 }),
    voided: fc.boolean(),
  })
  .map(({ tenders, owed, voided }) => {
    // A cash or on-account tender is accepted at once: it is paid, never pending at an institution.
    const ts = tenders.map((t) =>
      t.kind === 'cash' || t.kind === 'account'
        ? { ...t, status: (isStanding(t.status) ? 'paid' : t.status) as TenderStatus, wallet: null }
        : t,
    );
    const standing = ts.reduce((a, t) => a + (isStanding(t.status) ? t.amount_fen : 0), 0);
    // A voided sale has no tender standing (pending codes are reversed, cash handed back).
    if (voided)
      return {
        total_fen: standing + owed,
        voided,
        tenders: ts.map((t) => (isStanding(t.status) ? { ...t, status: 'reversed' as const } : t)),
      };
    return { total_fen: standing + owed, tenders: ts };
  });

const refund = fc.record({
  tenders: fc.array(
    fc.record({ kind: fc.constantFrom(...TENDER_KINDS), amount_fen: fc.integer({ min: 1, max: 10_000 }) }),
    { maxLength: 3 },
  ),
});

describe('takings', () => {
  it('Σ takings + receivables = sales, overall and per tender kind, and the wallets add up, for any day', () => {
    fc.assert(
      fc.property(fc.array(sale, { maxLength: 40 }), fc.array(refund, { maxLength: 5 }), (sales, refunds) => {
        const t = takingsOf(sales, refunds);
        expect(takingsDifferences(t)).toEqual([]);
        const counted = sales.filter((s) => !s.voided);
        expect(t.sales_count).toBe(counted.length);
        expect(t.sales_fen).toBe(counted.reduce((a, s) => a + s.total_fen, 0));
        // Per kind: takings + receivable = that kind's standing tenders on counted sales.
        for (const k of TENDER_KINDS) {
          const standing = counted
            .flatMap((s) => s.tenders)
            .filter((x) => x.kind === k && isStanding(x.status))
            .reduce((a, x) => a + x.amount_fen, 0);
          expect(t.by_kind[k].paid_fen + t.by_kind[k].receivable_fen).toBe(standing);
        }
        // On account is never takings; failed, reversed and closed tenders are neither.
        expect(t.paid.by_kind.account).toBe(0);
        const gone = sales
          .flatMap((s) => s.tenders)
          .filter((x) => !isStanding(x.status))
          .reduce((a, x) => a + x.amount_fen, 0);
        expect(t.neither.failed_fen + t.neither.reversed_fen + t.neither.closed_fen).toBe(gone);
        expect(t.refunds.total_fen).toBe(
          refunds.flatMap((r) => r.tenders).reduce((a, x) => a + x.amount_fen, 0),
        );
        // Streaming the same rows in any order gives the same figures.
        expect(takingsOf([...sales].reverse(), refunds)).toEqual(t);
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });

  it('a failed payment code is not takings: the sale is open and what it owes is a receivable until taken again', () => {
    const failed: TakingsSale = {
      total_fen: 720,
      tenders: [{ kind: 'payment_code', amount_fen: 720, status: 'failed' }],
    };
    const t = takingsOf([
      failed,
      { total_fen: 41_030, tenders: [{ kind: 'cash', amount_fen: 41_030, status: 'paid' }] },
    ]);
    expect(t).toMatchObject({
      sales_fen: 41_750,
      paid: { total_fen: 41_030 },
      receivable: { owed_fen: 720, total_fen: 720, open_sales: 1 },
      neither: { failed_fen: 720 },
    });
    expect(saleStatusOf(failed.total_fen, failed.tenders)).toBe('pending');
    // Taken again in cash on the same sale: completed, the cash is takings, the failed code stays neither.
    const retried = {
      ...failed,
      tenders: [...failed.tenders, { kind: 'cash' as const, amount_fen: 720, status: 'paid' as const }],
    };
    expect(saleStatusOf(retried.total_fen, retried.tenders)).toBe('completed');
    expect(takingsOf([retried])).toMatchObject({
      paid: { by_kind: { cash: 720, payment_code: 0 } },
      receivable: { total_fen: 0 },
      neither: { failed_fen: 720 },
    });
  });

  it('the dashboard case: wallet takings equal the QR and payment-code takings', () => {
    const t = takingsOf([
      {
        total_fen: 960,
        tenders: [{ kind: 'payment_code', amount_fen: 960, status: 'paid', wallet: 'wechat' }],
      },
      {
        total_fen: 720,
        tenders: [{ kind: 'payment_code', amount_fen: 720, status: 'failed', wallet: 'alipay' }],
      },
    ]);
    expect(t.paid.by_kind.payment_code).toBe(960);
    expect(t.paid.by_wallet).toEqual({ wechat: 960, alipay: 0, unionpay: 0, unknown: 0 });
  });
});

describe('tender outcomes', () => {
  it('only a pending tender moves, to any final state; a sale is completed only when nothing is owed or pending', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TENDER_STATUSES), fc.constantFrom(...TENDER_STATUSES), (from, to) => {
        expect(canMove(from, to)).toBe(from === to || from === 'pending');
      }),
    );
    fc.assert(
      fc.property(sale, (s) => {
        const status = saleStatusOf(s.total_fen, s.tenders);
        const done = owedFen(s.total_fen, s.tenders) === 0 && s.tenders.every((t) => t.status !== 'pending');
        expect(status).toBe(done ? 'completed' : 'pending');
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('every institution order state names an outcome or none (still working)', () => {
    expect(ORDER_STATES.map((s) => statusOfOrder(s))).toEqual([
      null,
      null,
      'paid',
      'failed',
      'closed',
      'reversed',
    ]);
  });

  it('says why in Chinese for the institution codes', () => {
    expect(
      failureReason('TRADE_ERROR: 二维码已过期，请用户在钱包中刷新后再试 (AUTHCODEEXPIRE)'),
    ).toMatchObject({ code: 'AUTHCODEEXPIRE', zh: expect.stringContaining('付款码已过期') });
    expect(failureReason('NOTENOUGH: 用户余额不足')).toMatchObject({
      code: 'NOTENOUGH',
      zh: expect.stringContaining('余额不足'),
    });
    expect(failureReason('REVOKED: 用户支付超时，订单已撤销')).toMatchObject({
      code: 'USERPAYING_TIMEOUT',
      zh: expect.stringContaining('时限内'),
    });
    expect(failureReason(null).code).toBeNull();
    expect(failureReason('某种新的错误').zh).toBe('某种新的错误');
  });

  it('names every figure, kind, wallet and state in Chinese and English', () => {
    for (const table of [TENDER_KIND_LABELS, WALLET_LABELS, TENDER_STATUS_LABELS, TAKINGS_FIGURE_LABELS]) {
      for (const w of Object.values(table)) {
        expect(w.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(w.en.length).toBeGreaterThan(0);
      }
    }
  });
});
