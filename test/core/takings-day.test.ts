// Seeded property over random trading days with every tender outcome (paid, failed, reversed, closed),
// retries on the same sale, voided open sales, refunds and a second Z period: every Z report and shift
// report adds up (Σ takings + receivables = sales, per tender kind), and the server's projection of the
// same journal gives the same figures per terminal.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../shared/contract/envelope';
import { TENDER_KINDS } from '../../shared/journal/entries';
import { WALLETS, type TenderStatus } from '../../shared/sales/outcome';
import { emptyTakings, takingsDifferences, type Takings } from '../../shared/sales/takings';
import { journalAfter } from '../../src-main/journal/journal';
import { refundSale } from '../../src-main/refunds/refund';
import { completeSale } from '../../src-main/sales/complete-sale';
import { addTender, voidSale } from '../../src-main/sales/open-sale';
import { settleTender } from '../../src-main/sales/tender-status';
import type { TenderInput } from '../../src-main/sales/tenders';
import { closeDay, dayReport } from '../../src-main/shifts/day-close';
import { closeShift, shiftTakings, type ShiftRow } from '../../src-main/shifts/shift';
import { dayTakings } from '../../src-server/reports/takings';
import { ingestBatch } from '../../src-server/sync/ingest';
import { freshDb } from '../server/helpers/dialects';
import { seedDemo } from '../../src-server/demo/seed';
import { openTill, pieces } from '../helpers/till';

const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);
const DAY = '20261125';
const CODE = '134567890123456789';

type Op =
  | { op: 'sell'; n: number; kinds: ('cash' | 'qr' | 'payment_code' | 'account')[] }
  | { op: 'settle'; pick: number; to: Exclude<TenderStatus, 'pending'>; wallet: number }
  | { op: 'retry'; pick: number; cash: boolean }
  | { op: 'void'; pick: number }
  | { op: 'refund'; pick: number }
  | { op: 'close' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      op: fc.constant('sell' as const),
      n: fc.integer({ min: 1, max: 9 }),
      kinds: fc.oneof(
        fc.constantFrom<Extract<Op, { op: 'sell' }>['kinds']>(['payment_code'], ['qr']),
        fc.subarray(['cash', 'qr', 'payment_code', 'account'] as const, { minLength: 1 }).map((a) => [...a]),
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('settle' as const),
      pick: fc.nat(),
      to: fc.constantFrom('paid' as const, 'failed' as const, 'reversed' as const, 'closed' as const),
      wallet: fc.nat({ max: 2 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('retry' as const), pick: fc.nat(), cash: fc.boolean() }),
  },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('void' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('refund' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('close' as const) }) },
);

/** Splits a total over the kinds: the non-cash kinds take equal parts, cash (if any) the rest. */
function tenders(total: number, kinds: readonly string[]): TenderInput[] {
  const others = kinds.filter((k) => k !== 'cash');
  const share = kinds.includes('cash')
    ? Math.floor(total / (others.length + 1))
    : Math.floor(total / others.length);
  const out: TenderInput[] = others.map((k, i) => {
    const amount =
      !kinds.includes('cash') && i === others.length - 1 ? total - share * (others.length - 1) : share;
    if (k === 'qr') return { kind: 'qr', amount_fen: amount };
    if (k === 'payment_code') return { kind: 'payment_code', amount_fen: amount, code: CODE };
    return { kind: 'account', amount_fen: amount, buyer_id: 'B1' };
  });
  if (kinds.includes('cash')) out.push({ kind: 'cash', tendered_fen: total });
  return out.filter((t) => t.kind === 'cash' || t.amount_fen > 0);
}

const FIGURES = (t: Takings) => ({
  sales_count: t.sales_count,
  sales_fen: t.sales_fen,
  paid: t.paid,
  receivable: t.receivable,
  neither: t.neither,
  refunds: t.refunds,
  by_kind: t.by_kind,
});

function sum(a: Takings, b: Takings): Takings {
  const out = emptyTakings();
  const add = (x: Record<string, unknown>, y: Record<string, unknown>, o: Record<string, unknown>): void => {
    for (const k of Object.keys(o)) {
      if (typeof o[k] === 'number') o[k] = (x[k] as number) + (y[k] as number);
      else
        add(
          x[k] as Record<string, unknown>,
          y[k] as Record<string, unknown>,
          o[k] as Record<string, unknown>,
        );
    }
  };
  add(
    a as unknown as Record<string, unknown>,
    b as unknown as Record<string, unknown>,
    out as unknown as Record<string, unknown>,
  );
  return out;
}

describe('a trading day with every tender outcome', () => {
  it('adds up on every Z and shift report, and the server projects the same figures', async () => {
    const seen = { sell: 0, settle: 0, retry: 0, void: 0, refund: 0, close: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 40 }), async (ops) => {
        const till = openTill({ settings: { refund_manager_limit_fen: 1_000_000 } });
        const server = await freshDb('sqlite');
        try {
          let now = T0;
          const shifts: ShiftRow[] = [];
          for (const o of ops) {
            now += 1000;
            // Settling, retrying and voiding pick among the open sales (the rest would only be refused).
            const where =
              o.op === 'refund' || o.op === 'sell' || o.op === 'close' ? '' : "WHERE status = 'pending'";
            const saleIds = (
              till.db.prepare(`SELECT id FROM sale ${where} ORDER BY created_ms`).all() as { id: string }[]
            ).map((r) => r.id);
            const pick = (p: number): string | undefined => saleIds[p % Math.max(1, saleIds.length)];
            try {
              if (o.op === 'sell') {
                completeSale(
                  till.db,
                  till.who,
                  till.cashier,
                  {
                    lines: [pieces('P-GAR', o.n)],
                    sale_discount_fen: 0,
                    tenders: tenders(o.n * 1500, o.kinds),
                  },
                  now,
                );
              } else if (o.op === 'settle') {
                const id = pick(o.pick);
                const t =
                  id &&
                  (till.db
                    .prepare("SELECT tender_no FROM tender WHERE sale_id = ? AND status = 'pending' LIMIT 1")
                    .get(id) as { tender_no: number } | undefined);
                if (!id || !t) continue;
                settleTender(
                  till.db,
                  id,
                  t.tender_no,
                  {
                    status: o.to,
                    external_ref: o.to === 'paid' ? `TX${now}` : null,
                    reason: o.to === 'paid' ? null : 'AUTHCODEEXPIRE',
                    wallet: WALLETS[o.wallet] ?? null,
                  },
                  now,
                );
              } else if (o.op === 'retry') {
                const id = pick(o.pick);
                if (!id) continue;
                addTender(
                  till.db,
                  till.who,
                  id,
                  o.cash
                    ? { kind: 'cash', tendered_fen: 100_000 }
                    : {
                        kind: 'qr',
                        amount_fen: (
                          till.db.prepare('SELECT total_fen FROM sale WHERE id = ?').get(id) as {
                            total_fen: number;
                          }
                        ).total_fen,
                      },
                  now,
                );
              } else if (o.op === 'void') {
                const id = pick(o.pick);
                if (!id) continue;
                voidSale(till.db, till.manager, id, '不要了', now);
              } else if (o.op === 'refund') {
                const id = pick(o.pick);
                if (!id) continue;
                refundSale(till.db, till.who, till.manager, { sale_id: id, reason: '退货' }, now);
              } else {
                const open = till.db
                  .prepare('SELECT * FROM shift WHERE closed_ms IS NULL')
                  .all() as ShiftRow[];
                for (const sh of open)
                  shifts.push(closeShift(till.db, { id: sh.cashier_id, name: '', role: 'cashier' }, 0, now));
                closeDay(till.db, till.who, till.manager, now, '8888');
              }
              seen[o.op]++;
            } catch (err) {
              if (!(err instanceof CodedError)) throw err;
              seen.refused++;
            }
          }
          shifts.push(
            ...(till.db.prepare('SELECT * FROM shift WHERE closed_ms IS NULL').all() as ShiftRow[]),
          );
          // Every shift report and every Z period adds up, per tender kind.
          for (const sh of shifts) expect(takingsDifferences(shiftTakings(till.db, sh))).toEqual([]);
          const periods =
            (
              till.db.prepare('SELECT COUNT(*) AS n FROM day_close WHERE business_day = ?').get(DAY) as {
                n: number;
              }
            ).n + 1;
          let day = emptyTakings();
          for (let z = 1; z <= periods; z++) {
            const r = dayReport(till.db, till.who.terminal_id, DAY, z);
            expect(takingsDifferences(r.takings)).toEqual([]);
            for (const k of TENDER_KINDS)
              expect(r.takings.by_kind[k].paid_fen + r.takings.by_kind[k].receivable_fen).toBeLessThanOrEqual(
                r.gross_fen,
              );
            day = sum(day, r.takings);
          }
          // The server's projection of the same journal gives the same figures.
          await seedDemo(server.db, T0);
          await server.db
            .insertInto('terminal')
            .values({
              id: till.who.terminal_id,
              stall_id: 'S01',
              name: 'p',
              public_key_pem: null,
              status: 'active',
              created_ms: T0,
            })
            .execute();
          await server.db
            .insertInto('buyer')
            .values({
              id: 'B1',
              stall_id: 'S01',
              name: '张老板饭店',
              phone: null,
              credit_limit_fen: 1_000_000,
              created_ms: T0,
            })
            .execute();
          const journal = journalAfter(till.db, 0, 100_000);
          if (journal.length > 0)
            await ingestBatch(server.db, { id: till.who.terminal_id, stall_id: 'S01' }, journal, now);
          expect(
            await server.db
              .selectFrom('journal_entry')
              .select(['seq', 'type', 'flag'])
              .where('flag', 'is not', null)
              .execute(),
          ).toEqual([]);
          const projected =
            (await dayTakings(server.db, DAY, 'S01')).by_terminal.get(till.who.terminal_id)?.takings ??
            emptyTakings();
          expect(FIGURES(projected)).toEqual(FIGURES(day));
        } finally {
          till.close();
          await server.drop();
        }
      }),
      { seed: 1125, numRuns: 20 },
    );
    expect(seen.settle).toBeGreaterThan(5);
    expect(seen.retry).toBeGreaterThan(0);
    expect(seen.void).toBeGreaterThan(0);
    expect(seen.close).toBeGreaterThan(0);
  }, 240_000);
});
