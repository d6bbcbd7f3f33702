// The sale in progress lives in the core: replaced whole on every change, resumed after a reload, dropped
// when the sale is completed, parked or voided — and a change arriving after the commit never brings it back.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tillContract } from '../../shared/contract/till';
import { priceSale } from '../../shared/sales/cart';
import { newId as ulid } from '../../src-main/ids';
import { getProducts } from '../../src-main/catalog/catalog-store';
import { completeSale } from '../../src-main/sales/complete-sale';
import type { CartInput } from '../../src-main/sales/cart-input';
import { getCurrentSale, setCurrentSale } from '../../src-main/sales/current-sale';
import { listParked, parkSale, resumeParked, voidOpenSale } from '../../src-main/sales/park-void';
import { openTill, pieces, weight, type Till } from '../helpers/till';

const T0 = Date.UTC(2026, 11, 4, 2, 0, 0);
let till: Till;
beforeEach(() => {
  till = openTill();
});
afterEach(() => till.close());

const set = (sale_id: string, lines: CartInput['lines'], buyer_id: string | null = null) =>
  setCurrentSale(till.db, till.cashier, { sale_id, lines, sale_discount_fen: 0, buyer_id }, T0);
const current = () => getCurrentSale(till.db);

describe('the sale in progress', () => {
  it('is held by the core with its buyer and id, replaced whole, and dropped by an empty cart', () => {
    const id = ulid(T0);
    expect(set(id, [weight('P-CAB', 2500)], 'B1')).toEqual({ sale_id: id, total_fen: 600 });
    expect(current()).toMatchObject({ sale_id: id, lines: [weight('P-CAB', 2500)], buyer_id: 'B1' });
    set(id, [weight('P-CAB', 2500), pieces('P-GAR', 2)], 'B1');
    expect(current()?.lines).toHaveLength(2);
    // Another id replaces it: one sale in progress at a time.
    const other = ulid(T0 + 1);
    set(other, [pieces('P-GAR', 1)]);
    expect(current()).toMatchObject({ sale_id: other, buyer_id: null });
    set(other, []);
    expect(current()).toBeNull();
  });

  it('refuses what the rules refuse and keeps what it had', () => {
    const id = ulid(T0);
    set(id, [pieces('P-GAR', 1)]);
    const before = current();
    expect(() => set(id, [pieces('P-NONE', 1)])).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => set(id, [pieces('P-GAR', 1)], 'B-NONE')).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
    expect(() => set(id, [{ ...pieces('P-GAR', 1), discount_fen: 1600 }])).toThrow(
      expect.objectContaining({ code: 'invalid_cart' }),
    );
    expect(current()).toEqual(before);
    // At the edge: a sale id that is not a ULID, a line past the limits.
    const input = tillContract['current-sale-set'].input;
    expect(input.safeParse({ sale_id: 'S1', lines: [] }).success).toBe(false);
    expect(input.safeParse({ sale_id: id, lines: [pieces('P-GAR', 100_001)] }).success).toBe(false);
  });

  it('is dropped when completed, and a change after the commit is refused', () => {
    const id = ulid(T0);
    set(id, [pieces('P-GAR', 2)]);
    const tenders = [{ kind: 'cash' as const, tendered_fen: 3000 }];
    completeSale(
      till.db,
      till.who,
      till.cashier,
      { sale_id: id, lines: [pieces('P-GAR', 2)], sale_discount_fen: 0, tenders },
      T0,
    );
    expect(current()).toBeNull();
    expect(() => set(id, [pieces('P-GAR', 3)])).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(current()).toBeNull();
  });

  it('parks under a label with its buyer, resumes as the new sale in progress, and voids', () => {
    const a = ulid(T0);
    set(a, [weight('P-CAB', 5000)], 'B1');
    const cartA = { lines: [weight('P-CAB', 5000)], sale_discount_fen: 0 };
    const pa = parkSale(till.db, till.cashier, cartA, { label: '', buyer_id: 'B1', sale_id: a }, T0);
    expect(current()).toBeNull();
    const b = ulid(T0 + 1);
    set(b, [pieces('P-GAR', 3)]);
    const cartB = { lines: [pieces('P-GAR', 3)], sale_discount_fen: 0 };
    parkSale(till.db, till.cashier, cartB, { label: '粤A·12345', buyer_id: null, sale_id: b }, T0 + 1);
    expect(
      listParked(till.db).map(({ label, buyer_name, total_fen }) => ({ label, buyer_name, total_fen })),
    ).toEqual([
      { label: '', buyer_name: '张老板饭店', total_fen: 1200 },
      { label: '粤A·12345', buyer_name: null, total_fen: 4500 },
    ]);
    const c = ulid(T0 + 2);
    expect(resumeParked(till.db, till.cashier, pa.id, c, T0 + 2)).toMatchObject({
      cart: cartA,
      buyer_id: 'B1',
    });
    expect(current()).toMatchObject({ sale_id: c, lines: cartA.lines, buyer_id: 'B1' });
    voidOpenSale(till.db, till.who, till.cashier, cartA, 'buyer left', T0 + 3, c);
    expect(current()).toBeNull();
    expect(() => parkSale(till.db, till.cashier, cartA, { label: 'x', buyer_id: 'B-NONE' }, T0)).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });

  it('keeps exactly what the cashier rang through any sequence of changes, totals in integer fen (property)', () => {
    const products = getProducts(till.db, ['P-CAB', 'P-TOM', 'P-GAR']);
    const productOf = (id: string) => {
      const p = products.get(id);
      if (!p) throw new Error(`no product ${id}`);
      return p;
    };
    const lineArb = fc.oneof(
      fc
        .record({ g: fc.integer({ min: 1, max: 50_000 }), tare: fc.integer({ min: 0, max: 500 }) })
        .map(({ g, tare }) => weight('P-CAB', g, tare)),
      fc.integer({ min: 1, max: 50_000 }).map((g) => weight('P-TOM', g)),
      fc.integer({ min: 1, max: 99 }).map((n) => pieces('P-GAR', n)),
    );
    type Op =
      | { op: 'add'; line: CartInput['lines'][number] }
      | { op: 'remove'; at: number }
      | { op: 'discount'; at: number; fen: number }
      | { op: 'buyer'; buyer: string | null };
    const opArb: fc.Arbitrary<Op> = fc.oneof(
      lineArb.map((line) => ({ op: 'add' as const, line })),
      fc.nat(10).map((at) => ({ op: 'remove' as const, at })),
      fc.record({ op: fc.constant('discount' as const), at: fc.nat(10), fen: fc.nat(5_000) }),
      fc.constantFrom('B1', null).map((buyer) => ({ op: 'buyer' as const, buyer })),
    );
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
        const id = ulid(T0);
        let lines: CartInput['lines'] = [];
        let buyer: string | null = null;
        set(id, []);
        for (const o of ops) {
          let next = lines;
          let nextBuyer: string | null = buyer;
          if (o.op === 'add') next = [...lines, o.line];
          if (o.op === 'remove') next = lines.filter((_, i) => i !== o.at % Math.max(1, lines.length));
          if (o.op === 'discount' && lines.length > 0)
            next = lines.map((l, i) => (i === o.at % lines.length ? { ...l, discount_fen: o.fen } : l));
          if (o.op === 'buyer') nextBuyer = o.buyer;
          let expected: number | null;
          try {
            expected =
              next.length === 0
                ? 0
                : priceSale(
                    next.map((l) => ({ ...l, product: productOf(l.product_id) })),
                    0,
                    'none',
                  ).total_fen;
          } catch {
            expected = null; // the rules refuse it (a discount past the line): the core must too
          }
          if (expected === null) {
            expect(() => set(id, next, nextBuyer)).toThrow(expect.objectContaining({ code: 'invalid_cart' }));
          } else {
            const { total_fen } = set(id, next, nextBuyer);
            expect(Number.isSafeInteger(total_fen) && total_fen >= 0).toBe(true);
            expect(total_fen).toBe(expected);
            lines = next;
            buyer = nextBuyer;
          }
          const held = current();
          if (lines.length === 0) expect(held).toBeNull();
          else expect(held).toMatchObject({ sale_id: id, lines, buyer_id: buyer });
        }
      }),
      { seed: 20261204, numRuns: 150 },
    );
  });
});
