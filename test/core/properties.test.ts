// Seeded property tests over random days of trading on a real SQLite file:
// refunds never exceed payments, the Z report equals the sum of the day's sales per tender,
// receipt numbers never repeat, a refused operation changes nothing, and the journal chain verifies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../shared/contract/envelope';
import type { TenderKind } from '../../shared/journal/entries';
import { verifyJournal } from '../../src-main/journal/journal';
import { refundSale } from '../../src-main/refunds/refund';
import type { CartInput } from '../../src-main/sales/cart-input';
import { completeSale } from '../../src-main/sales/complete-sale';
import { settleTender } from '../../src-main/sales/tender-status';
import { dayReport } from '../../src-main/shifts/day-close';
import type { TenderInput } from '../../src-main/sales/tenders';
import { priceSale } from '../../shared/sales/cart';
import { openTill, pieces, PRODUCTS, weight } from '../helpers/till';

const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);

const lineArb = fc.oneof(
  fc.integer({ min: 1, max: 20_000 }).map((g) => weight('P-CAB', g)),
  fc.integer({ min: 1, max: 20_000 }).map((g) => weight('P-TOM', g, 150)),
  fc.integer({ min: 1, max: 30 }).map((n) => pieces('P-GAR', n)),
);

type Op =
  | {
      op: 'sell';
      lines: CartInput['lines'];
      discount_permille: number;
      tenders: ('cash' | 'qr' | 'account')[];
      extra_cash: number;
    }
  | { op: 'refund'; pick: number; whole: boolean; qty_permille: number; manager: boolean }
  | { op: 'settle'; pick: number; paid: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('sell' as const),
      lines: fc.array(lineArb, { minLength: 1, maxLength: 5 }),
      discount_permille: fc.integer({ min: 0, max: 200 }),
      tenders: fc.subarray(['qr', 'account', 'cash'] as const, { minLength: 1 }).map((a) => [...a]),
      extra_cash: fc.integer({ min: 0, max: 10_000 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('refund' as const),
      pick: fc.nat(),
      whole: fc.boolean(),
      qty_permille: fc.integer({ min: 0, max: 1000 }),
      manager: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('settle' as const), pick: fc.nat(), paid: fc.boolean() }),
  },
);

describe('a day of trading', () => {
  it('keeps every fen accounted for', () => {
    const done = { sell: 0, refund: 0, settle: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 40 }), (ops) => {
        const till = openTill({ settings: { rounding: 'floor_jiao', refund_manager_limit_fen: 20_000 } });
        try {
          const sales: string[] = [];
          const paidByKind: Record<TenderKind, number> = { cash: 0, qr: 0, payment_code: 0, account: 0 };
          let now = T0;
          for (const o of ops) {
            now += 1000;
            const rowsBefore = (
              till.db
                .prepare(
                  'SELECT (SELECT COUNT(*) FROM sale) + (SELECT COUNT(*) FROM refund) + (SELECT COUNT(*) FROM journal) AS n',
                )
                .get() as { n: number }
            ).n;
            try {
              if (o.op === 'sell') {
                const probe = completeSaleTotal(o.lines);
                const discount = Math.floor((probe * o.discount_permille) / 1000);
                const total = totalAfter(o.lines, discount);
                const tenders = splitTenders(total, o.tenders, o.extra_cash);
                const s = completeSale(
                  till.db,
                  till.who,
                  till.cashier,
                  { lines: o.lines, sale_discount_fen: discount, tenders },
                  now,
                );
                sales.push(s.sale_id);
                done.sell++;
                for (const t of till.db
                  .prepare("SELECT kind, amount_fen FROM tender WHERE sale_id = ? AND status = 'paid'")
                  .all(s.sale_id) as { kind: TenderKind; amount_fen: number }[])
                  paidByKind[t.kind] += t.amount_fen;
              } else if (o.op === 'refund' && sales.length > 0) {
                const saleId = sales[o.pick % sales.length]!;
                const lines = till.db
                  .prepare('SELECT line_no, quantity FROM sale_line WHERE sale_id = ?')
                  .all(saleId) as { line_no: number; quantity: number }[];
                const who = o.manager ? till.manager : till.cashier;
                refundSale(
                  till.db,
                  till.who,
                  who,
                  {
                    sale_id: saleId,
                    reason: 'p',
                    manager_pin: o.manager ? undefined : '8888',
                    lines: o.whole
                      ? undefined
                      : lines.map((l) => ({
                          line_no: l.line_no,
                          quantity: Math.floor((l.quantity * o.qty_permille) / 1000),
                        })),
                  },
                  now,
                );
                done.refund++;
              } else if (o.op === 'settle' && sales.length > 0) {
                const saleId = sales[o.pick % sales.length]!;
                const pending = till.db
                  .prepare(
                    "SELECT tender_no, kind, amount_fen FROM tender WHERE sale_id = ? AND status = 'pending'",
                  )
                  .get(saleId) as { tender_no: number; kind: TenderKind; amount_fen: number } | undefined;
                if (pending) {
                  settleTender(
                    till.db,
                    saleId,
                    pending.tender_no,
                    { status: o.paid ? 'paid' : 'failed', external_ref: 'ref' },
                    now,
                  );
                  if (o.paid) paidByKind[pending.kind] += pending.amount_fen;
                  done.settle++;
                }
              }
            } catch (err) {
              if (!(err instanceof CodedError)) throw err;
              done.refused++;
              const rowsAfter = (
                till.db
                  .prepare(
                    'SELECT (SELECT COUNT(*) FROM sale) + (SELECT COUNT(*) FROM refund) + (SELECT COUNT(*) FROM journal) AS n',
                  )
                  .get() as { n: number }
              ).n;
              expect(rowsAfter).toBe(rowsBefore);
            }
          }
          // Refunds never exceed what each tender received.
          const over = till.db
            .prepare(
              "SELECT t.sale_id, t.tender_no FROM tender t LEFT JOIN (SELECT r.sale_id, rt.tender_no, SUM(rt.amount_fen) AS a FROM refund_tender rt JOIN refund r ON r.id = rt.refund_id GROUP BY r.sale_id, rt.tender_no) x ON x.sale_id = t.sale_id AND x.tender_no = t.tender_no WHERE COALESCE(x.a, 0) > CASE WHEN t.status = 'paid' THEN t.amount_fen ELSE 0 END",
            )
            .all();
          expect(over).toEqual([]);
          const refundSum = till.db
            .prepare(
              'SELECT r.sale_id, SUM(r.amount_fen) AS a, s.total_fen FROM refund r JOIN sale s ON s.id = r.sale_id GROUP BY r.sale_id HAVING a > s.total_fen',
            )
            .all();
          expect(refundSum).toEqual([]);
          // The Z report is the sum of the day's sales per tender.
          const z = dayReport(till.db, till.who.terminal_id, '20261125');
          for (const k of ['cash', 'qr'] as const) expect(z.takings.paid.by_kind[k]).toBe(paidByKind[k]);
          expect(z.takings.receivable.account_fen).toBe(paidByKind.account);
          expect(z.sales_count).toBe(sales.length);
          const receipts = till.db.prepare('SELECT receipt_no FROM sale').all() as { receipt_no: string }[];
          expect(new Set(receipts.map((r) => r.receipt_no)).size).toBe(receipts.length);
          expect(verifyJournal(till.db)).toMatchObject({ ok: true });
        } finally {
          till.close();
        }
      }),
      { seed: 424242, numRuns: 40 },
    );
    // The generator must reach every path, refusals included, or the property proves little.
    for (const n of Object.values(done)) expect(n).toBeGreaterThan(10);
  }, 120_000);
});

function priced(lines: CartInput['lines'], discount: number) {
  const byId = new Map(PRODUCTS.map((p) => [p.id, p]));
  return priceSale(
    lines.map((l) => ({ product: byId.get(l.product_id)!, entry: l.entry, discount_fen: l.discount_fen })),
    discount,
    'floor_jiao',
  );
}
function completeSaleTotal(lines: CartInput['lines']): number {
  const p = priced(lines, 0);
  return p.subtotal_fen - p.line_discount_fen;
}
function totalAfter(lines: CartInput['lines'], discount: number): number {
  return priced(lines, discount).total_fen;
}
/** Splits a total over the chosen tenders: non-cash ones take shares, cash takes the rest with extra given. */
function splitTenders(total: number, kinds: ('cash' | 'qr' | 'account')[], extraCash: number): TenderInput[] {
  const nonCash = kinds.filter((k) => k !== 'cash');
  const hasCash = kinds.includes('cash');
  const share = Math.floor(total / (nonCash.length + (hasCash ? 1 : 0)));
  const out: TenderInput[] = [];
  let left = total;
  nonCash.forEach((k, i) => {
    const amount = !hasCash && i === nonCash.length - 1 ? left : share;
    left -= amount;
    out.push(
      k === 'qr'
        ? { kind: 'qr', amount_fen: amount }
        : { kind: 'account', amount_fen: amount, buyer_id: 'B1' },
    );
  });
  if (hasCash) out.push({ kind: 'cash', tendered_fen: left + extraCash });
  return out;
}
