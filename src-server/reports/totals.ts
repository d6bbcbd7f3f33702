/**
 * Per-business-day totals from the sale projection, per stall and per
 * terminal: sales (takings + receivables), the takings per tender kind and
 * the full takings figures (shared/sales/takings.ts), through dayTakings.
 */
import type { ServerDb } from '../db/database';
import type { api } from '../../shared/api';
import type { Answer } from '../../shared/api/route';
import { dayTakings } from './takings';

/** by_tender: the takings (money received) per tender kind; total_fen: the sales, takings + receivables */
type DayTotals = Answer<typeof api.dayTotals>;

export async function dayTotals(db: ServerDb, day: string, onlyStall: string | null): Promise<DayTotals> {
  const d = await dayTakings(db, day, onlyStall);
  const stalls = [...d.by_stall.entries()]
    .map(([stall_id, t]) => ({
      stall_id,
      sales: t.sales_count,
      total_fen: t.sales_fen,
      by_tender: { ...t.paid.by_kind },
      takings: t,
    }))
    .sort((a, b) => a.stall_id.localeCompare(b.stall_id));
  const terminals = [...d.by_terminal.entries()]
    .map(([terminal_id, x]) => ({
      terminal_id,
      stall_id: x.stall_id,
      sales: x.takings.sales_count,
      total_fen: x.takings.sales_fen,
      takings: x.takings,
    }))
    .sort((a, b) => a.terminal_id.localeCompare(b.terminal_id));
  return { business_day: day, stalls, terminals, takings: d.all };
}
