// The till's selling rules on a real SQLite file: tenders, on-account limits, parking, voids, refunds, shifts, day close.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getBuyer } from '../../src-main/buyers/buyer-store';
import { verifyJournal } from '../../src-main/journal/journal';
import { refundSale } from '../../src-main/refunds/refund';
import type { CartInput } from '../../src-main/sales/cart-input';
import { completeSale } from '../../src-main/sales/complete-sale';
import { listParked, parkSale, resumeParked, voidOpenSale } from '../../src-main/sales/park-void';
import { saleTenders } from '../../src-main/sales/sale-store';
import { closeDay, dayReport } from '../../src-main/shifts/day-close';
import { closeShift, openShift } from '../../src-main/shifts/shift';
import { openTill, pieces, weight, type Till } from '../helpers/till';

let till: Till;
const T0 = Date.UTC(2026, 10, 25, 2, 0, 0); // 10:00 in Shanghai
beforeEach(() => {
  till = openTill();
});
afterEach(() => till.close());

const sell = (
  lines: CartInput['lines'],
  tenders: Parameters<typeof completeSale>[3]['tenders'],
  at = T0,
  discount = 0,
) => completeSale(till.db, till.who, till.cashier, { lines, sale_discount_fen: discount, tenders }, at);

describe('tenders', () => {
  it('cash gives change; receipt numbers run per business day', () => {
    const a = sell([weight('P-CAB', 1250)], [{ kind: 'cash', tendered_fen: 1000 }]);
    expect(a).toMatchObject({
      total_fen: 300,
      change_fen: 700,
      status: 'completed',
      receipt_no: 'TTEST1-20261125-0001',
    });
    expect(sell([pieces('P-GAR', 1)], [{ kind: 'cash', tendered_fen: 1500 }]).receipt_no).toBe(
      'TTEST1-20261125-0002',
    );
    // 03:00 next morning is still the 25th with a 04:00 cut-off.
    expect(
      sell([pieces('P-GAR', 1)], [{ kind: 'cash', tendered_fen: 1500 }], Date.UTC(2026, 10, 25, 19, 0))
        .receipt_no,
    ).toBe('TTEST1-20261125-0003');
    expect(
      sell([pieces('P-GAR', 1)], [{ kind: 'cash', tendered_fen: 1500 }], Date.UTC(2026, 10, 25, 21, 0))
        .receipt_no,
    ).toBe('TTEST1-20261126-0001');
  });

  it('split tender: QR part stays pending, cash covers the rest', () => {
    const s = sell(
      [pieces('P-GAR', 3)],
      [
        { kind: 'qr', amount_fen: 3000 },
        { kind: 'cash', tendered_fen: 2000 },
      ],
    );
    expect(s).toMatchObject({ total_fen: 4500, change_fen: 500, status: 'pending' });
    expect(saleTenders(till.db, s.sale_id).map((t) => [t.kind, t.amount_fen, t.status])).toEqual([
      ['qr', 3000, 'pending'],
      ['cash', 1500, 'paid'],
    ]);
  });

  it('refuses tenders that do not cover the total, or cover it twice', () => {
    expect(() => sell([pieces('P-GAR', 1)], [{ kind: 'cash', tendered_fen: 1499 }])).toThrow(
      expect.objectContaining({ code: 'insufficient_tender' }),
    );
    expect(() => sell([pieces('P-GAR', 1)], [{ kind: 'qr', amount_fen: 1000 }])).toThrow(
      expect.objectContaining({ code: 'insufficient_tender' }),
    );
    expect(() => sell([pieces('P-GAR', 1)], [{ kind: 'qr', amount_fen: 2000 }])).toThrow(
      expect.objectContaining({ code: 'insufficient_tender' }),
    );
    expect(till.db.prepare('SELECT COUNT(*) AS n FROM sale').get()).toEqual({ n: 0 });
  });

  it('on account within the buyer limit, refused above it', () => {
    sell([pieces('P-GAR', 20)], [{ kind: 'account', amount_fen: 30_000, buyer_id: 'B1' }]);
    expect(getBuyer(till.db, 'B1')?.balance_fen).toBe(40_000);
    expect(() =>
      sell([pieces('P-GAR', 7)], [{ kind: 'account', amount_fen: 10_500, buyer_id: 'B1' }]),
    ).toThrow(expect.objectContaining({ code: 'credit_limit_exceeded' }));
    expect(getBuyer(till.db, 'B1')?.balance_fen).toBe(40_000);
  });
});

describe('park, resume, void', () => {
  it('parks a cart, resumes it once, and records voids for the Z report', () => {
    const cart = { lines: [weight('P-TOM', 1500)], sale_discount_fen: 0 };
    const p = parkSale(till.db, till.cashier, cart, { label: '', buyer_id: null }, T0);
    expect(listParked(till.db)).toHaveLength(1);
    expect(resumeParked(till.db, till.cashier, p.id, undefined, T0).cart).toEqual(cart);
    expect(() => resumeParked(till.db, till.cashier, p.id, undefined, T0)).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    voidOpenSale(till.db, till.who, till.cashier, cart, 'buyer left', T0);
    expect(dayReport(till.db, 'TTEST1', '20261125').voids).toEqual({ count: 1, amount_fen: 960 });
  });
});

describe('refunds', () => {
  it('partial by line twice, then refuses more than was paid', () => {
    const s = sell([pieces('P-GAR', 3), weight('P-CAB', 1000)], [{ kind: 'cash', tendered_fen: 5000 }]);
    const r1 = refundSale(
      till.db,
      till.who,
      till.cashier,
      { sale_id: s.sale_id, lines: [{ line_no: 1, quantity: 1 }], reason: '坏了' },
      T0 + 1000,
    );
    expect(r1.amount_fen).toBe(1500);
    const r2 = refundSale(
      till.db,
      till.who,
      till.cashier,
      { sale_id: s.sale_id, lines: [{ line_no: 1, quantity: 2 }], reason: '' },
      T0 + 2000,
    );
    expect(r2.amount_fen).toBe(3000);
    expect(() =>
      refundSale(
        till.db,
        till.who,
        till.cashier,
        { sale_id: s.sale_id, lines: [{ line_no: 1, quantity: 1 }], reason: '' },
        T0,
      ),
    ).toThrow(expect.objectContaining({ code: 'refund_exceeds_paid' }));
    const rest = refundSale(
      till.db,
      till.who,
      till.cashier,
      { receipt_no: s.receipt_no, reason: '' },
      T0 + 3000,
    );
    expect(rest.amount_fen).toBe(240);
    expect(() => refundSale(till.db, till.who, till.cashier, { sale_id: s.sale_id, reason: '' }, T0)).toThrow(
      expect.objectContaining({ code: 'refund_exceeds_paid' }),
    );
  });

  it('needs a manager PIN above the limit, and goes back to the original tenders, last first', () => {
    const s = sell(
      [pieces('P-GAR', 10)],
      [
        { kind: 'account', amount_fen: 5000, buyer_id: 'B1' },
        { kind: 'cash', tendered_fen: 10_000 },
      ],
    );
    expect(() => refundSale(till.db, till.who, till.cashier, { sale_id: s.sale_id, reason: '' }, T0)).toThrow(
      expect.objectContaining({ code: 'manager_required' }),
    );
    expect(() =>
      refundSale(
        till.db,
        till.who,
        till.cashier,
        { sale_id: s.sale_id, reason: '', manager_pin: '1234' },
        T0,
      ),
    ).toThrow(expect.objectContaining({ code: 'wrong_pin' }));
    const r = refundSale(
      till.db,
      till.who,
      till.cashier,
      { sale_id: s.sale_id, reason: '', manager_pin: '8888' },
      T0,
    );
    expect(r.tenders).toEqual([
      { tender_no: 2, kind: 'cash', amount_fen: 10_000 },
      { tender_no: 1, kind: 'account', amount_fen: 5000 },
    ]);
    expect(getBuyer(till.db, 'B1')?.balance_fen).toBe(10_000);
  });

  it('does not refund money still pending (an unconfirmed QR)', () => {
    const s = sell([pieces('P-GAR', 2)], [{ kind: 'qr', amount_fen: 3000 }]);
    expect(() => refundSale(till.db, till.who, till.manager, { sale_id: s.sale_id, reason: '' }, T0)).toThrow(
      expect.objectContaining({ code: 'refund_exceeds_paid' }),
    );
  });
});

describe('shifts and day close', () => {
  it('closes a shift with over/short, closes the day with a Z report, and sells on into Z period 2 of the same day', () => {
    openShift(till.db, till.cashier, '20261125', 20_000, T0);
    sell([pieces('P-GAR', 2)], [{ kind: 'cash', tendered_fen: 5000 }]);
    const s2 = sell([pieces('P-GAR', 1)], [{ kind: 'cash', tendered_fen: 1500 }]);
    refundSale(till.db, till.who, till.cashier, { sale_id: s2.sale_id, reason: '' }, T0);
    const shift = closeShift(till.db, till.cashier, 22_900, T0 + 60_000);
    expect(shift).toMatchObject({ expected_fen: 23_000, counted_fen: 22_900, over_short_fen: -100 });
    expect(() => closeDay(till.db, till.who, till.cashier, T0)).toThrow(
      expect.objectContaining({ code: 'manager_required' }),
    );
    const z = closeDay(till.db, till.who, till.manager, T0 + 120_000);
    expect(z).toMatchObject({
      business_day: '20261125',
      sales_count: 2,
      gross_fen: 4500,
      net_fen: 3000,
      refunds: { count: 1, amount_fen: 1500 },
      first_receipt_no: 'TTEST1-20261125-0001',
      last_receipt_no: 'TTEST1-20261125-0002',
    });
    expect(z.takings.by_kind.cash).toEqual({
      count: 2,
      paid_fen: 4500,
      receivable_fen: 0,
      neither_fen: 0,
      refunded_fen: 1500,
    });
    expect(z.z_no).toBe(1);
    // Selling on after the close is Z period 2 of the same business day, numbered on from today's receipts.
    expect(sell([pieces('P-GAR', 1)], [{ kind: 'cash', tendered_fen: 1500 }], T0 + 180_000).receipt_no).toBe(
      'TTEST1-20261125-0003',
    );
    closeShift(till.db, till.cashier, 1500, T0 + 200_000);
    const z2 = closeDay(till.db, till.who, till.manager, T0 + 240_000);
    expect(z2).toMatchObject({
      business_day: '20261125',
      z_no: 2,
      sales_count: 1,
      gross_fen: 1500,
      refunds: { count: 0 },
      first_receipt_no: 'TTEST1-20261125-0003',
    });
    expect(verifyJournal(till.db)).toMatchObject({ ok: true });
  });
});
