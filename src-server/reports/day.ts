/**
 * One stall's business day as the office sees it: per terminal, the server's
 * own totals beside the terminal's Z report (日结) with the differences named;
 * shifts with over/short; refunds and voids.
 */
import { sql } from 'kysely';
import type { ServerDb } from '../db/database';

export interface TerminalDay {
  terminal_id: string;
  server: { sales_count: number; gross_fen: number; refunds_count: number; refunds_fen: number };
  z_report: Record<string, unknown> | null;
  /** Named differences between the Z report and what the server holds; empty when they agree. */
  differences: string[];
}

const big = (col: string) => sql<number>`cast(coalesce(sum(${sql.ref(col)}), 0) as bigint)`;

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : null;
}

export async function stallDay(db: ServerDb, stallId: string, day: string) {
  const sales = await db.selectFrom('sale').select(['terminal_id', (eb) => eb.fn.countAll<number>().as('n'), big('total_fen').as('fen')]).where('stall_id', '=', stallId).where('business_day', '=', day).groupBy('terminal_id').execute();
  const refunds = await db.selectFrom('refund').select(['terminal_id', (eb) => eb.fn.countAll<number>().as('n'), big('amount_fen').as('fen')]).where('stall_id', '=', stallId).where('business_day', '=', day).groupBy('terminal_id').execute();
  const zs = await db.selectFrom('z_report').select(['terminal_id', 'report']).where('stall_id', '=', stallId).where('business_day', '=', day).execute();
  const ids = [...new Set([...sales, ...refunds, ...zs].map((r) => r.terminal_id))].sort();
  const terminals: TerminalDay[] = ids.map((id) => {
    const s = sales.find((r) => r.terminal_id === id);
    const r = refunds.find((x) => x.terminal_id === id);
    const server = { sales_count: Number(s?.n ?? 0), gross_fen: Number(s?.fen ?? 0), refunds_count: Number(r?.n ?? 0), refunds_fen: Number(r?.fen ?? 0) };
    const zText = zs.find((x) => x.terminal_id === id)?.report;
    const z = zText ? (JSON.parse(zText) as Record<string, unknown>) : null;
    const differences: string[] = [];
    if (!z) differences.push('no Z report (day not closed on this terminal)');
    else {
      const zr = (z.refunds ?? {}) as Record<string, unknown>;
      const pairs: [string, number | null, number][] = [
        ['sales_count', num(z.sales_count), server.sales_count],
        ['gross_fen', num(z.gross_fen), server.gross_fen],
        ['refunds.count', num(zr.count), server.refunds_count],
        ['refunds.amount_fen', num(zr.amount_fen), server.refunds_fen],
      ];
      for (const [name, zv, sv] of pairs) if (zv !== sv) differences.push(`${name}: terminal ${zv ?? 'missing'}, server ${sv}`);
    }
    return { terminal_id: id, server, z_report: z, differences };
  });
  const shifts = await db.selectFrom('shift').select(['id', 'terminal_id', 'cashier_id', 'float_fen', 'opened_ms', 'closed_ms', 'counted_fen', 'expected_fen', 'over_short_fen']).where('stall_id', '=', stallId).where('business_day', '=', day).orderBy('opened_ms').execute();
  const voids = await db.selectFrom('sale_void').select(['id', 'terminal_id', 'cashier_id', 'total_fen', 'reason', 'at_ms']).where('stall_id', '=', stallId).where('business_day', '=', day).orderBy('at_ms').execute();
  const refundRows = await db.selectFrom('refund').select(['id', 'refund_no', 'sale_id', 'terminal_id', 'amount_fen', 'reason', 'approved_by', 'at_ms']).where('stall_id', '=', stallId).where('business_day', '=', day).orderBy('at_ms').execute();
  return { stall_id: stallId, business_day: day, terminals, shifts, refunds: refundRows, voids };
}
