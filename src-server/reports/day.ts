/**
 * One stall's business day as the office sees it: per terminal, the server's
 * own totals (takings and receivables, shared/sales/takings.ts) beside the
 * terminal's Z reports (日结, summed over its Z periods) with the differences named;
 * shifts with over/short; refunds and voids.
 */
import { sql } from 'kysely';
import type { api } from '../../shared/api';
import type { Answer } from '../../shared/api/route';
import type { ServerDb } from '../db/database';
import { dayTakings } from './takings';

/** A terminal's day: the server's figures, its Z reports summed over its Z periods (null before its first close), the named differences. */
type TerminalDay = Answer<typeof api.stallDay>['terminals'][number];

const big = (col: string) => sql<number>`cast(coalesce(sum(${sql.ref(col)}), 0) as bigint)`;

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : null;
}

function path(o: unknown, keys: readonly string[]): unknown {
  return keys.reduce<unknown>(
    (x, k) => (x !== null && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined),
    o,
  );
}

/** The figures the office compares, summed over a terminal's Z periods; null where a report lacks one (an older till). */
const COMPARED: readonly {
  name: string;
  keys: readonly string[];
  server: (s: TerminalDay['server']) => number;
}[] = [
  { name: 'sales_count', keys: ['sales_count'], server: (s) => s.sales_count },
  { name: 'gross_fen', keys: ['gross_fen'], server: (s) => s.gross_fen },
  { name: 'refunds.count', keys: ['refunds', 'count'], server: (s) => s.refunds_count },
  { name: 'refunds.amount_fen', keys: ['refunds', 'amount_fen'], server: (s) => s.refunds_fen },
  { name: 'takings.paid', keys: ['takings', 'paid', 'total_fen'], server: (s) => s.paid_fen },
  {
    name: 'takings.receivable',
    keys: ['takings', 'receivable', 'total_fen'],
    server: (s) => s.receivable_fen,
  },
];

function sumPeriods(reports: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of COMPARED) {
    const vs = reports.map((r) => num(path(r, c.keys)));
    out[c.name] = vs.some((v) => v === null) ? null : vs.reduce<number>((a, v) => a + (v ?? 0), 0);
  }
  return out;
}

export async function stallDay(db: ServerDb, stallId: string, day: string) {
  const refunds = await db
    .selectFrom('refund')
    .select(['terminal_id', (eb) => eb.fn.countAll<number>().as('n'), big('amount_fen').as('fen')])
    .where('stall_id', '=', stallId)
    .where('business_day', '=', day)
    .groupBy('terminal_id')
    .execute();
  const zs = await db
    .selectFrom('z_report')
    .select(['terminal_id', 'z_no', 'report'])
    .where('stall_id', '=', stallId)
    .where('business_day', '=', day)
    .orderBy('z_no')
    .execute();
  const takings = (await dayTakings(db, day, stallId)).by_terminal;
  const ids = [
    ...new Set([...takings.keys(), ...refunds.map((r) => r.terminal_id), ...zs.map((r) => r.terminal_id)]),
  ].sort();
  const terminals: TerminalDay[] = ids.map((id) => {
    const t = takings.get(id)?.takings;
    const r = refunds.find((x) => x.terminal_id === id);
    const server = {
      sales_count: t?.sales_count ?? 0,
      gross_fen: t?.sales_fen ?? 0,
      refunds_count: Number(r?.n ?? 0),
      refunds_fen: Number(r?.fen ?? 0),
      paid_fen: t?.paid.total_fen ?? 0,
      receivable_fen: t?.receivable.total_fen ?? 0,
    };
    const periods = zs.filter((x) => x.terminal_id === id).map((x) => JSON.parse(x.report) as unknown);
    const z = periods.length > 0 ? sumPeriods(periods) : null;
    const differences: string[] = [];
    if (!z) differences.push('no Z report (day not closed on this terminal)');
    else
      for (const c of COMPARED) {
        const zv = num(z[c.name]);
        const sv = c.server(server);
        // An older till's report without takings is compared on what it has.
        if (zv === null && c.keys[0] === 'takings') continue;
        if (zv !== sv) differences.push(`${c.name}: terminal ${zv ?? 'missing'}, server ${sv}`);
      }
    return { terminal_id: id, server, z_report: z, z_periods: periods.length, differences };
  });
  const shifts = await db
    .selectFrom('shift')
    .select([
      'id',
      'terminal_id',
      'cashier_id',
      'float_fen',
      'opened_ms',
      'closed_ms',
      'counted_fen',
      'expected_fen',
      'over_short_fen',
    ])
    .where('stall_id', '=', stallId)
    .where('business_day', '=', day)
    .orderBy('opened_ms')
    .execute();
  const voids = await db
    .selectFrom('sale_void')
    .select(['id', 'terminal_id', 'cashier_id', 'total_fen', 'reason', 'at_ms'])
    .where('stall_id', '=', stallId)
    .where('business_day', '=', day)
    .orderBy('at_ms')
    .execute();
  const refundRows = await db
    .selectFrom('refund')
    .select(['id', 'refund_no', 'sale_id', 'terminal_id', 'amount_fen', 'reason', 'approved_by', 'at_ms'])
    .where('stall_id', '=', stallId)
    .where('business_day', '=', day)
    .orderBy('at_ms')
    .execute();
  return { stall_id: stallId, business_day: day, terminals, shifts, refunds: refundRows, voids };
}
