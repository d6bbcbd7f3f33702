// The refund dialog's plan on a real SQLite file: planRefund names the lines, amounts and tenders a
// refund gives back without writing anything, says 整单退回 only for the whole sale, and is exactly
// what refundSale then writes; the history list says 部分退款 / 已退款 from what was refunded.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planRefund, refundSale } from '../../src-main/refunds/refund';
import { completeSale } from '../../src-main/sales/complete-sale';
import { recentSales, saleSummary } from '../../src-main/sales/sale-store';
import { stmt } from '../../src-main/store/sql';
import { saleStanding } from '../../shared/sales/outcome';
import { openTill, pieces, weight, type Till } from '../helpers/till';

let till: Till;
const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);
beforeEach(() => {
  till = openTill();
});
afterEach(() => till.close());

/** 3 bags of garlic (45.00) and 1 kg of cabbage (2.40), paid 20.00 on account then cash. */
function twoLineSale(): string {
  return completeSale(
    till.db,
    till.who,
    till.cashier,
    {
      lines: [pieces('P-GAR', 3), weight('P-CAB', 1000)],
      sale_discount_fen: 0,
      tenders: [
        { kind: 'account', amount_fen: 2000, buyer_id: 'B1' },
        { kind: 'cash', tendered_fen: 3000 },
      ],
    },
    T0,
  ).sale_id;
}

const refundRows = (): number => (stmt(till.db, 'SELECT COUNT(*) AS n FROM refund').get() as { n: number }).n;

const standingOf = (saleId: string) => {
  const s = recentSales(till.db, 10, null).find((x) => x.id === saleId);
  if (!s) throw new Error('sale not listed');
  return saleStanding(saleSummary(till.db, s));
};

describe('refund plan', () => {
  it('one line: names it with its quantity, amount and tender, not the whole sale, and writes nothing', () => {
    const id = twoLineSale();
    const plan = planRefund(till.db, till.cashier, { sale_id: id, lines: [{ line_no: 2, quantity: 1000 }] });
    expect(plan).toMatchObject({
      whole: false,
      amount_fen: 240,
      needs_manager: false,
      lines: [{ line_no: 2, name: '大白菜', unit: 'jin', quantity: 1000, amount_fen: 240 }],
      tenders: [{ tender_no: 2, kind: 'cash', amount_fen: 240 }],
    });
    expect(refundRows()).toBe(0);
    const done = refundSale(
      till.db,
      till.who,
      till.cashier,
      { sale_id: id, lines: [{ line_no: 2, quantity: 1000 }], reason: '' },
      T0 + 1,
    );
    expect({ amount_fen: done.amount_fen, tenders: done.tenders }).toEqual({
      amount_fen: plan.amount_fen,
      tenders: plan.tenders,
    });
    expect(standingOf(id)).toBe('part_refunded');
    expect(saleSummary(till.db, recentSales(till.db, 10, null)[0]!).refunded_fen).toBe(240);
  });

  it('the whole sale: 整单退回, back to the tenders last first, a manager above the limit; then 已退款', () => {
    const id = twoLineSale();
    const plan = planRefund(till.db, till.cashier, { sale_id: id });
    expect(plan.whole).toBe(true);
    expect(plan.needs_manager).toBe(false); // 47.40 is under the 50.00 limit
    expect(plan.lines.map((l) => [l.name, l.quantity, l.amount_fen])).toEqual([
      ['蒜头（网袋）', 3, 4500],
      ['大白菜', 1000, 240],
    ]);
    expect(plan.tenders).toEqual([
      { tender_no: 2, kind: 'cash', amount_fen: 2740 },
      { tender_no: 1, kind: 'account', amount_fen: 2000 },
    ]);
    refundSale(till.db, till.who, till.cashier, { sale_id: id, reason: '' }, T0 + 1);
    expect(standingOf(id)).toBe('refunded');
  });

  it('what is left after a partial refund is not called the whole sale', () => {
    const id = twoLineSale();
    refundSale(
      till.db,
      till.who,
      till.cashier,
      { sale_id: id, lines: [{ line_no: 1, quantity: 1 }], reason: '' },
      T0 + 1,
    );
    const rest = planRefund(till.db, till.cashier, { sale_id: id });
    expect(rest.whole).toBe(false);
    expect(rest.amount_fen).toBe(4740 - 1500);
    expect(rest.lines.map((l) => [l.line_no, l.quantity])).toEqual([
      [1, 2],
      [2, 1000],
    ]);
  });

  it('property: for any picked quantities the plan adds up (lines = amount = tenders) and is what refundSale writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 1000 }), (bags, grams) => {
        // a fresh till each run: the buyer's account does not fill up across runs
        till.close();
        till = openTill();
        const id = twoLineSale();
        const lines = [
          { line_no: 1, quantity: bags },
          { line_no: 2, quantity: grams },
        ];
        const before = refundRows();
        let plan;
        try {
          plan = planRefund(till.db, till.manager, { sale_id: id, lines });
        } catch (err) {
          expect(bags + grams).toBe(0); // only nothing to give back is refused
          expect(err).toMatchObject({ code: 'refund_exceeds_paid' });
          return;
        }
        expect(refundRows()).toBe(before);
        const sum = (xs: { amount_fen: number }[]) => xs.reduce((a, x) => a + x.amount_fen, 0);
        expect(sum(plan.lines)).toBe(plan.amount_fen);
        expect(sum(plan.tenders)).toBe(plan.amount_fen);
        expect(plan.whole).toBe(bags === 3 && grams === 1000);
        const done = refundSale(till.db, till.who, till.manager, { sale_id: id, lines, reason: '' }, T0 + 1);
        expect(done.amount_fen).toBe(plan.amount_fen);
        expect(done.tenders).toEqual(plan.tenders);
        expect(standingOf(id)).toBe(plan.whole ? 'refunded' : 'part_refunded');
      }),
      { numRuns: 12, seed: 15 },
    );
  });
});
