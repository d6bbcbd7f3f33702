/** Per-business-day totals from the sale projection: per stall and per terminal, with sums per tender kind. */
import { sql } from 'kysely';
import type { ServerDb } from '../db/database';

export interface DayTotals {
  business_day: string;
  stalls: { stall_id: string; sales: number; total_fen: number; by_tender: Record<string, number> }[];
  terminals: { terminal_id: string; stall_id: string; sales: number; total_fen: number }[];
}

const sumBig = (col: string) => sql<number>`cast(coalesce(sum(${sql.ref(col)}), 0) as bigint)`;

export async function dayTotals(db: ServerDb, day: string, onlyStall: string | null): Promise<DayTotals> {
  let perTerminal = db
    .selectFrom('sale')
    .select(['terminal_id', 'stall_id', (eb) => eb.fn.countAll<number>().as('sales'), sumBig('total_fen').as('total_fen')])
    .where('business_day', '=', day)
    .groupBy(['terminal_id', 'stall_id'])
    .orderBy('terminal_id');
  let perTender = db
    .selectFrom('sale_tender as t')
    .innerJoin('sale as s', 's.id', 't.sale_id')
    .select(['s.stall_id', 't.kind', sumBig('t.amount_fen').as('amount_fen')])
    .where('s.business_day', '=', day)
    .groupBy(['s.stall_id', 't.kind']);
  if (onlyStall) {
    perTerminal = perTerminal.where('stall_id', '=', onlyStall);
    perTender = perTender.where('s.stall_id', '=', onlyStall);
  }
  const terminals = (await perTerminal.execute()).map((r) => ({ ...r, sales: Number(r.sales), total_fen: Number(r.total_fen) }));
  const stalls = new Map<string, DayTotals['stalls'][number]>();
  for (const t of terminals) {
    const s = stalls.get(t.stall_id) ?? { stall_id: t.stall_id, sales: 0, total_fen: 0, by_tender: {} };
    s.sales += t.sales;
    s.total_fen += t.total_fen;
    stalls.set(t.stall_id, s);
  }
  for (const r of await perTender.execute()) {
    const s = stalls.get(r.stall_id);
    if (s) s.by_tender[r.kind] = (s.by_tender[r.kind] ?? 0) + Number(r.amount_fen);
  }
  return { business_day: day, stalls: [...stalls.values()].sort((a, b) => a.stall_id.localeCompare(b.stall_id)), terminals };
}
