// Every amount and count the till accepts has a named ceiling (shared/limits.ts): one past it is refused at
// the contract's edge (or by the cart rules, for totals) with a clear error, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../shared/contract/methods';
import {
  COUNTED_CASH_FEN_MAX,
  LINE_AMOUNT_FEN_MAX,
  LINES_PER_SALE_MAX,
  PRICE_FEN_MAX,
  QUANTITY_MAX,
  SALE_TOTAL_FEN_MAX,
  TENDERS_PER_SALE_MAX,
  WEIGHT_G_MAX,
} from '../../shared/limits';
import { CartError, priceSale } from '../../shared/sales/cart';
import { dispatch } from '../../src-main/rpc/registry';
import { startStack, type Stack } from '../helpers/in-process-stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ background: false });
  expect(await dispatch(stack.core.handlers, 'cashier-signin', { pin: '1234' })).toMatchObject({ ok: true });
});
afterAll(() => stack.close());

const call = (name: string, input: unknown) => dispatch(stack.core.handlers, name, input);
const written = () =>
  stack.core.db
    .prepare(
      'SELECT (SELECT COUNT(*) FROM journal) AS journal, (SELECT COUNT(*) FROM sale) AS sales, (SELECT COUNT(*) FROM shift) AS shifts, (SELECT COUNT(*) FROM bargain) AS overrides',
    )
    .get();
const bargain = (unit_price_fen: number) => ({
  change: { kind: 'line', product_id: product(), entry: { kind: 'count', count: 1 }, unit_price_fen },
  reason: 'bulk',
});
const product = () =>
  (stack.core.db.prepare("SELECT id, unit FROM product WHERE unit = 'piece' LIMIT 1").get() as { id: string })
    .id;
const weighed = () =>
  (stack.core.db.prepare("SELECT id FROM product WHERE unit != 'piece' LIMIT 1").get() as { id: string }).id;
type Sale = MethodInput<'sale-complete'>;
const cash = (tendered_fen: number) => ({ kind: 'cash' as const, tendered_fen });

describe('limits at the till', () => {
  it('refuses each amount and count one past its ceiling, and writes nothing', async () => {
    const before = written();
    const one = (entry: Sale['lines'][number]['entry']): Sale => ({
      lines: [{ product_id: entry.kind === 'weight' ? weighed() : product(), entry }],
      tenders: [cash(SALE_TOTAL_FEN_MAX)],
    });
    const refusals: [string, string, unknown][] = [
      ['price override', 'price-override', bargain(PRICE_FEN_MAX + 1)],
      ['price override at 2^53−1', 'price-override', bargain(Number.MAX_SAFE_INTEGER)],
      ['float', 'shift-open', { float_fen: COUNTED_CASH_FEN_MAX + 1 }],
      ['counted cash', 'shift-close', { counted_fen: 9_007_199_254_740_991 }],
      ['gross weight', 'sale-complete', one({ kind: 'weight', gross_g: WEIGHT_G_MAX + 1, tare_g: 0 })],
      ['tare', 'sale-complete', one({ kind: 'weight', gross_g: 1000, tare_g: WEIGHT_G_MAX + 1 })],
      ['count', 'sale-complete', one({ kind: 'count', count: QUANTITY_MAX + 1 })],
      ['typed line amount', 'sale-complete', one({ kind: 'amount', amount_fen: LINE_AMOUNT_FEN_MAX + 1 })],
      [
        'cash handed over',
        'sale-complete',
        { ...one({ kind: 'count', count: 1 }), tenders: [cash(SALE_TOTAL_FEN_MAX + 1)] },
      ],
      [
        'lines',
        'sale-complete',
        {
          lines: Array.from({ length: LINES_PER_SALE_MAX + 1 }, () => ({
            product_id: product(),
            entry: { kind: 'count', count: 1 },
          })),
          tenders: [cash(SALE_TOTAL_FEN_MAX)],
        },
      ],
      [
        'tenders',
        'sale-complete',
        {
          ...one({ kind: 'count', count: 1 }),
          tenders: Array.from({ length: TENDERS_PER_SALE_MAX + 1 }, () => cash(100_000)),
        },
      ],
      [
        'refund quantity',
        'refund-create',
        { receipt_no: 'X', lines: [{ line_no: 1, quantity: QUANTITY_MAX + 1 }] },
      ],
    ];
    for (const [what, name, input] of refusals) {
      const r = await call(name, input);
      expect(r, what).toMatchObject({
        ok: false,
        error: { code: 'bad_request', message: expect.any(String) },
      });
    }
    // A total past the ceiling out of lines each within theirs: the cart rules refuse it.
    const lines = Array.from({ length: Math.floor(SALE_TOTAL_FEN_MAX / LINE_AMOUNT_FEN_MAX) + 1 }, () => ({
      product_id: product(),
      entry: { kind: 'amount' as const, amount_fen: LINE_AMOUNT_FEN_MAX },
    }));
    expect(await call('sale-complete', { lines, tenders: [cash(SALE_TOTAL_FEN_MAX)] })).toMatchObject({
      ok: false,
      error: { code: 'invalid_cart', message: expect.stringContaining('limit') },
    });
    expect(written()).toEqual(before);
    // At the ceilings themselves the till still answers (the shift opens with the largest float).
    expect(await call('shift-open', { float_fen: COUNTED_CASH_FEN_MAX })).toMatchObject({ ok: true });
    expect(await call('shift-close', { counted_fen: COUNTED_CASH_FEN_MAX })).toMatchObject({ ok: true });
  });

  it('refuses to price a product whose unit price is past the ceiling (a price that came from elsewhere)', () => {
    const p = { id: 'P', name: '天价', unit: 'piece' as const, unit_price_fen: PRICE_FEN_MAX + 1 };
    expect(() =>
      priceSale([{ product: p, entry: { kind: 'count', count: 1 }, discount_fen: 0 }], 0, 'none'),
    ).toThrow(CartError);
    expect(
      priceSale(
        [
          {
            product: { ...p, unit_price_fen: PRICE_FEN_MAX },
            entry: { kind: 'count', count: 1 },
            discount_fen: 0,
          },
        ],
        0,
        'none',
      ).total_fen,
    ).toBe(PRICE_FEN_MAX);
  });
});
