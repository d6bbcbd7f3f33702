/**
 * The market office's live view of a business day: takings per stall and
 * terminal, per tender and per wallet (one definition, shared/sales/takings.ts,
 * so the wallets add up to the wallet tenders), the day's receivables, hour by
 * hour (Asia/Shanghai), the terminals with when each was last heard from, QR
 * orders still unpaid and what buyers owe on account.
 */
import type { ServerDb } from '../db/database';
import { rdb } from '../recon/schema';
import { big, buyersOwing, hourlySales } from '../reports/breakdowns';
import { dayTotals } from '../reports/totals';

/** A terminal not heard from for this long is shown offline. */
export const ONLINE_WITHIN_MS = 5 * 60_000;
export const RECEIVABLES_SHOWN_MAX = 20;

export async function dashboard(db: ServerDb, day: string, nowMs: number) {
  const r = rdb(db);
  const totals = await dayTotals(db, day, null);
  const stalls = await db.selectFrom('stall').select(['id', 'name']).orderBy('id').execute();
  const { paid } = totals.takings;
  const hourly = await hourlySales(db, day, null);
  const terms = await db
    .selectFrom('terminal')
    .select(['id', 'stall_id', 'name', 'status'])
    .orderBy('id')
    .execute();
  const seen = await db
    .selectFrom('journal_entry')
    .select([
      'terminal_id',
      (eb) => eb.fn.max('received_ms').as('last_ms'),
      (eb) => eb.fn.max('at_ms').as('last_at_ms'),
    ])
    .groupBy('terminal_id')
    .execute();
  const terminals = terms.map((t) => {
    const s = seen.find((x) => x.terminal_id === t.id);
    const last = s?.last_ms === undefined || s.last_ms === null ? null : Number(s.last_ms);
    const lastAt = s?.last_at_ms === undefined || s.last_at_ms === null ? null : Number(s.last_at_ms);
    return {
      id: t.id,
      stall_id: t.stall_id,
      name: t.name,
      status: t.status,
      last_seen_ms: last,
      online: t.status === 'active' && last !== null && nowMs - last <= ONLINE_WITHIN_MS,
      sync_lag_ms: last !== null && lastAt !== null ? Math.max(0, last - lastAt) : null,
    };
  });
  const unpaid = await r
    .selectFrom('payment_order')
    .select([(eb) => eb.fn.countAll<number>().as('n'), big('amount_fen').as('fen')])
    .where('kind', '=', 'qr')
    .where('state', 'in', ['created', 'paying'])
    .executeTakeFirst();
  const receivables = await buyersOwing(db, null);
  return {
    business_day: day,
    total_fen: totals.takings.sales_fen,
    sales: totals.takings.sales_count,
    stalls: stalls.map((s) => {
      const t = totals.stalls.find((x) => x.stall_id === s.id);
      return { stall_id: s.id, name: s.name, sales: t?.sales ?? 0, total_fen: t?.total_fen ?? 0 };
    }),
    terminal_totals: totals.terminals.map(({ terminal_id, stall_id, sales, total_fen }) => ({
      terminal_id,
      stall_id,
      sales,
      total_fen,
    })),
    // Money received only: on account is a receivable, failed and reversed tenders are neither.
    by_tender: Object.fromEntries(Object.entries(paid.by_kind).filter(([k]) => k !== 'account')),
    by_wallet: { ...paid.by_wallet },
    takings: totals.takings,
    hourly,
    terminals,
    unpaid_qr: { count: Number(unpaid?.n ?? 0), amount_fen: Number(unpaid?.fen ?? 0) },
    receivables: receivables.slice(0, RECEIVABLES_SHOWN_MAX),
    receivables_total_fen: receivables.reduce((a, o) => a + o.owed_fen, 0),
  };
}
