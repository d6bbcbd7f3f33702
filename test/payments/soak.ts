/**
 * The randomized payments run: a fixed-seed fast-check sequence of payments
 * (QR and payment code), refunds and institution faults through the real
 * simulator, server and till, then the three sets of books compared to the fen.
 */
import fc from 'fast-check';
import { saleTenders } from '../../src-main/sales/sale-store';
import { WECHAT_UA, buyerPays, until, type PayStack } from './stack';

export type Op =
  | { kind: 'qr'; bags: number; fault: 'none' | 'lost_notification' | 'duplicate_notification' }
  | { kind: 'code'; bags: number; fault: 'none' | 'system_error' | 'timeout_but_succeeded' | 'slow' }
  | { kind: 'refund'; pick: number; bags: number };

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('qr' as const),
      bags: fc.integer({ min: 1, max: 40 }),
      fault: fc.constantFrom(
        'none' as const,
        'none' as const,
        'lost_notification' as const,
        'duplicate_notification' as const,
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('code' as const),
      bags: fc.integer({ min: 1, max: 40 }),
      fault: fc.constantFrom(
        'none' as const,
        'none' as const,
        'system_error' as const,
        'timeout_but_succeeded' as const,
        'slow' as const,
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('refund' as const),
      pick: fc.nat(),
      bags: fc.integer({ min: 1, max: 5 }),
    }),
  },
);

export function ops(n: number, seed: number): Op[] {
  return fc.sample(fc.array(opArb, { minLength: n, maxLength: n }), { seed, numRuns: 1 })[0] ?? [];
}

const BAG_FEN = 1_500;
const line = (bags: number) => [
  { product_id: 'S01-V006', entry: { kind: 'count' as const, count: bags }, discount_fen: 0 },
];

export interface RunStats {
  payments: number;
  paid: number;
  failed: number;
  refunds: number;
  refused_refunds: number;
  faults: number;
}

/** Runs one operation. Refunds pick a paid sale not refunded in this sim minute (the institution wants a minute between refunds of one order). */
export async function runOp(
  s: PayStack,
  op: Op,
  paidSales: { sale_id: string; bags: number }[],
  refundedThisMinute: Set<string>,
  stats: RunStats,
): Promise<void> {
  if (op.kind === 'refund') {
    // paidSales holds only sales the till knows paid (settleTill drops the failed ones before refunds run).
    const candidates = paidSales.filter((x) => x.bags > 0 && !refundedThisMinute.has(x.sale_id));
    const sale = candidates[op.pick % Math.max(1, candidates.length)];
    if (!sale) return;
    const bags = Math.min(op.bags, sale.bags);
    refundedThisMinute.add(sale.sale_id);
    sale.bags -= bags;
    await s.core.handlers['refund-create']({
      sale_id: sale.sale_id,
      lines: [{ line_no: 1, quantity: bags }],
      reason: 'soak',
      manager_pin: '8888',
    });
    stats.refunds++;
    return;
  }
  stats.payments++;
  const buyer = await s.buyer('WECHAT');
  if (op.fault !== 'none') {
    stats.faults++;
    const path = op.kind === 'code' ? '/v3/pay/partner/transactions/codepay' : undefined;
    await s.control('POST', '/faults', {
      kind: op.fault,
      count: 1,
      ...(path ? { path_prefix: path } : {}),
      ...(op.fault === 'slow' ? { delay_ms: 200 } : {}),
    });
  }
  if (op.kind === 'qr') {
    const r = await s.core.handlers['sale-complete']({
      lines: line(op.bags),
      sale_discount_fen: 0,
      tenders: [{ kind: 'qr', amount_fen: op.bags * BAG_FEN }],
    });
    if (!r.pay_url) throw new Error('no pay url');
    await buyerPays(r.pay_url, WECHAT_UA, buyer);
    paidSales.push({ sale_id: r.sale_id, bags: op.bags });
    return;
  }
  const r = await s.core.handlers['sale-complete']({
    lines: line(op.bags),
    sale_discount_fen: 0,
    tenders: [{ kind: 'payment_code', amount_fen: op.bags * BAG_FEN, code: await s.code(buyer) }],
  });
  paidSales.push({ sale_id: r.sale_id, bags: op.bags });
}

/**
 * Waits until the till knows the outcome of every tender from `from` on (the sales before it were settled by
 * earlier calls); the sales whose tender failed are dropped from the refundable list.
 */
export async function settleTill(
  s: PayStack,
  paidSales: { sale_id: string; bags: number }[],
  timeoutMs: number,
  from = 0,
): Promise<void> {
  const fresh = paidSales.slice(from);
  await until(
    () => fresh.every((x) => saleTenders(s.core.db, x.sale_id)[0]?.status !== 'pending'),
    timeoutMs,
    'every tender to be paid or failed on the till',
  );
  for (let i = paidSales.length - 1; i >= from; i--) {
    const x = paidSales[i];
    if (x && saleTenders(s.core.db, x.sale_id)[0]?.status !== 'paid') paidSales.splice(i, 1);
  }
}
