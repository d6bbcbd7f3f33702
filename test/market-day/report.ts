/** The market day's table (per stall and per tender kind), its failed checks in words, and its one JSON line. */
import { TENDER_KINDS } from '../../shared/journal/entries';
import type { Check } from './checks';
import type { DayConfig } from './env';
import type { MarketFigures } from './figures';

const yuan = (fen: number): string => (fen / 100).toFixed(2);
const pad = (s: string | number, n: number): string => String(s).padStart(n);

export function table(m: MarketFigures, checks: readonly Check[]): string[] {
  const out: string[] = [];
  const cols = [
    'stall',
    'sales',
    'total ¥',
    'cash ¥',
    'qr ¥',
    'code ¥',
    'account ¥',
    'open ¥',
    'failed ¥',
    'refunds ¥',
    'to card ¥',
    'checks',
  ];
  const w = [10, 6, 11, 10, 10, 10, 10, 10, 9, 9, 11, 7];
  out.push(cols.map((c, i) => pad(c, w[i] ?? 8)).join(' '));
  for (const f of m.stalls) {
    const id = f.stall.setup.stall_id;
    const mine = checks.filter((c) => c.stall === id);
    const t = f.z.takings;
    const neither = t.neither.failed_fen + t.neither.reversed_fen + t.neither.closed_fen;
    const row = [
      `${f.stall.setup.index + 1}`,
      f.z.sales_count,
      yuan(f.z.gross_fen),
      yuan(t.paid.by_kind.cash),
      yuan(t.paid.by_kind.qr),
      yuan(t.paid.by_kind.payment_code),
      yuan(t.receivable.account_fen),
      yuan(t.receivable.pending_fen + t.receivable.owed_fen),
      yuan(neither),
      yuan(f.z.refunds.amount_fen),
      yuan(f.payout_fen),
      `${mine.filter((c) => c.ok).length}/${mine.length}`,
    ];
    out.push(row.map((c, i) => pad(c, w[i] ?? 8)).join(' '));
  }
  out.push('');
  out.push(
    ['tender', 'tenders', 'paid ¥', 'receivable ¥', 'failed etc ¥', 'refunded ¥']
      .map((c, i) => pad(c, i === 0 ? 14 : 12))
      .join(' '),
  );
  for (const k of TENDER_KINDS) {
    const s = (f: (x: MarketFigures['stalls'][number]) => number) => m.stalls.reduce((a, x) => a + f(x), 0);
    out.push(
      [
        k,
        s((x) => x.z.takings.by_kind[k].count),
        yuan(s((x) => x.z.takings.by_kind[k].paid_fen)),
        yuan(s((x) => x.z.takings.by_kind[k].receivable_fen)),
        yuan(s((x) => x.z.takings.by_kind[k].neither_fen)),
        yuan(s((x) => x.z.takings.by_kind[k].refunded_fen)),
      ]
        .map((c, i) => pad(c, i === 0 ? 14 : 12))
        .join(' '),
    );
  }
  out.push(
    `by wallet (dashboard): ${Object.entries(m.dashboard_by_wallet)
      .map(([k, v]) => `${k} ¥${yuan(v)}`)
      .join(
        ', ',
      )}; market fee income ¥${yuan(m.fee_income_fen)}, paid to the market's card ¥${yuan(m.market_payout_fen)}`,
  );
  return out;
}

export function failures(checks: readonly Check[]): string[] {
  return checks
    .filter((c) => !c.ok)
    .map(
      (c) =>
        `FAILED ${c.stall ? `stall ${c.stall}: ` : ''}${c.name}: ${Object.entries(c.values)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')}`,
    );
}

export interface DayLine {
  bench: 'market-day';
  mode: DayConfig['mode'];
  db: DayConfig['db'];
  seed: number;
  stalls: number;
  sales: number;
  faults: number;
  checks: number;
  failed_checks: number;
  unexplained_fen: number;
  fee_sales: number;
  rent_debits: number;
  repayments: number;
  wall_s: number;
}

export function dayLine(
  c: DayConfig,
  sales: number,
  faults: number,
  checks: readonly Check[],
  wallMs: number,
): DayLine {
  return {
    bench: 'market-day',
    mode: c.mode,
    db: c.db,
    seed: c.seed,
    stalls: c.stalls,
    sales,
    faults,
    checks: checks.filter((x) => x.ok).length,
    failed_checks: checks.filter((x) => !x.ok).length,
    unexplained_fen: checks.reduce((a, x) => a + x.unexplained_fen, 0),
    fee_sales: 0,
    rent_debits: 0,
    repayments: 0,
    wall_s: Math.round(wallMs / 100) / 10,
  };
}
