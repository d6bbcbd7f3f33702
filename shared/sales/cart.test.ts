// Pricing invariants, property-tested with fixed seeds (a failure prints its seed and path for replay).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, CartError, lineShare, priceSale, type CartLine } from './cart';
import { ROUNDING_MODES, roundingAdjustment } from './rounding';

const product = fc.record({
  id: fc.string({ minLength: 1, maxLength: 8 }),
  name: fc.string({ minLength: 1, maxLength: 8 }),
  unit: fc.constantFrom('jin' as const, 'kg' as const, 'piece' as const),
  unit_price_fen: fc.integer({ min: 0, max: 200_000 }),
});

const line: fc.Arbitrary<CartLine> = product.chain((p) => {
  const entry =
    p.unit === 'piece'
      ? fc.oneof(
          fc.record({ kind: fc.constant('count' as const), count: fc.integer({ min: 1, max: 500 }) }),
          fc.record({
            kind: fc.constant('amount' as const),
            amount_fen: fc.integer({ min: 1, max: 1_000_000 }),
          }),
        )
      : fc.oneof(
          fc.integer({ min: 1, max: 100_000 }).chain((net) =>
            fc.record({
              kind: fc.constant('weight' as const),
              gross_g: fc.integer({ min: 0, max: 5_000 }).map((tare) => net + tare),
              tare_g: fc.constant(0),
            }),
          ),
          fc.record({
            kind: fc.constant('amount' as const),
            amount_fen: fc.integer({ min: 1, max: 1_000_000 }),
          }),
        );
  return entry.chain((e) =>
    fc.record({ product: fc.constant(p), entry: fc.constant(e), discount_fen: fc.constant(0) }),
  );
});

const cart = fc
  .array(line, { minLength: 1, maxLength: 12 })
  .chain((lines) =>
    fc.tuple(
      fc.constant(lines),
      fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: lines.length, maxLength: lines.length }),
      fc.integer({ min: 0, max: 1000 }),
      fc.constantFrom(...ROUNDING_MODES),
    ),
  );

describe('priceSale', () => {
  it('subtotal − discounts + rounding = total, and line shares sum to the total', () => {
    fc.assert(
      fc.property(cart, ([lines, discountFractions, saleFraction, mode]) => {
        // Discounts are per-mille of the line amounts, in integer arithmetic.
        const amounts = priceSale(lines, 0, 'none').lines.map((l) => l.amount_fen);
        const withDiscounts = lines.map((l, i) => ({
          ...l,
          discount_fen: Math.floor(((amounts[i] ?? 0) * (discountFractions[i] ?? 0)) / 1000),
        }));
        const afterLines =
          amounts.reduce((a, b) => a + b, 0) - withDiscounts.reduce((a, l) => a + l.discount_fen, 0);
        const saleDiscount = Math.floor((afterLines * saleFraction) / 1000);
        const p = priceSale(withDiscounts, saleDiscount, mode);
        expect(p.subtotal_fen).toBe(p.lines.reduce((a, l) => a + l.amount_fen, 0));
        expect(p.line_discount_fen).toBe(p.lines.reduce((a, l) => a + l.discount_fen, 0));
        expect(p.subtotal_fen - p.line_discount_fen - p.sale_discount_fen + p.rounding_fen).toBe(p.total_fen);
        expect(p.lines.reduce((a, l) => a + l.net_fen, 0)).toBe(p.total_fen);
        expect(p.total_fen).toBeGreaterThanOrEqual(0);
        for (const l of p.lines) {
          expect(Number.isSafeInteger(l.amount_fen) && Number.isSafeInteger(l.net_fen)).toBe(true);
          expect(l.net_fen).toBeGreaterThanOrEqual(0);
        }
      }),
      { seed: 20261125, numRuns: 500 },
    );
  });

  it('prices the examples a stall would check by hand', () => {
    const cabbage = { id: 'V1', name: '大白菜', unit: 'jin' as const, unit_price_fen: 120 };
    const tomato = { id: 'V3', name: '西红柿', unit: 'kg' as const, unit_price_fen: 640 };
    const p = priceSale(
      [
        { product: cabbage, entry: { kind: 'weight', gross_g: 1350, tare_g: 100 }, discount_fen: 0 },
        { product: tomato, entry: { kind: 'weight', gross_g: 1234, tare_g: 0 }, discount_fen: 10 },
      ],
      0,
      'floor_jiao',
    );
    // 1.25 kg net = 2.5 斤 × 1.20 = 3.00; 1.234 kg × 6.40 = 7.8976 → 7.90, less 0.10 = 7.80; 10.80 → floor to 角 = 10.80
    expect(p.lines.map((l) => l.amount_fen)).toEqual([300, 790]);
    expect(p.total_fen).toBe(1080);
    expect(
      priceSale(
        [{ product: tomato, entry: { kind: 'weight', gross_g: 1237, tare_g: 0 }, discount_fen: 0 }],
        0,
        'floor_jiao',
      ),
    ).toMatchObject({ total_fen: 790, rounding_fen: -2 });
  });

  it('refuses lines a cashier could get wrong, with a reason', () => {
    const cabbage = { id: 'V1', name: '大白菜', unit: 'jin' as const, unit_price_fen: 120 };
    expect(() =>
      priceSale(
        [{ product: cabbage, entry: { kind: 'weight', gross_g: 100, tare_g: 100 }, discount_fen: 0 }],
        0,
        'none',
      ),
    ).toThrow(CartError);
    expect(() =>
      priceSale([{ product: cabbage, entry: { kind: 'count', count: 2 }, discount_fen: 0 }], 0, 'none'),
    ).toThrow(/by weight/);
    expect(() =>
      priceSale(
        [{ product: cabbage, entry: { kind: 'weight', gross_g: 500, tare_g: 0 }, discount_fen: 121 }],
        0,
        'none',
      ),
    ).toThrow(/discount/);
    expect(() => priceSale([], 0, 'none')).toThrow(/at least one line/);
  });
});

describe('rounding (抹零)', () => {
  it('never moves a total by a whole step, and lands on the step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom(...ROUNDING_MODES),
        (amount, mode) => {
          const adj = roundingAdjustment(amount, mode);
          const step = { none: 1, floor_jiao: 10, round_jiao: 10, floor_yuan: 100 }[mode];
          expect((amount + adj) % step).toBe(0);
          expect(Math.abs(adj)).toBeLessThan(step);
          if (mode.startsWith('floor')) expect(adj).toBeLessThanOrEqual(0);
        },
      ),
      { seed: 7, numRuns: 1000 },
    );
  });
});

describe('allocate and lineShare', () => {
  it('splits exactly, proportionally within one fen', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 20 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const sum = weights.reduce((a, b) => a + b, 0);
          if (sum > 0)
            parts.forEach((p, i) => expect(Math.abs(p - (total * (weights[i] ?? 0)) / sum)).toBeLessThan(1));
        },
      ),
      { seed: 11, numRuns: 500 },
    );
    expect(lineShare({ net_fen: 100, quantity: 3 }, 1)).toBe(33);
    expect(lineShare({ net_fen: 100, quantity: 3 }, 3)).toBe(100);
  });
});
