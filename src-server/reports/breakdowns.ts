/**
 * Pieces of a day's picture shared by the office's dashboard and a stall's own
 * 日报: sales hour by hour on the market's clock, and what buyers owe on
 * account (the ledger's M1103 balances), for the market or one stall.
 */
import { sql } from 'kysely';
import type { ServerDb } from '../db/database';
import { DEFAULT_TIME_ZONE, zoneOffsetMs } from '../../shared/time';

export const big = (col: string) => sql<number>`cast(coalesce(sum(${sql.ref(col)}), 0) as bigint)`;

/** The day's sales (voided ones left out) in each of 24 hours, as the market's clock shows them. */
export async function hourlySales(db: ServerDb, day: string, onlyStall: string | null) {
  const market = await db.selectFrom('market').select('time_zone').executeTakeFirst();
  // One offset for the whole day, taken at its noon.
  const noonUtc = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)), 12);
  const offsetMs = zoneOffsetMs(noonUtc, market?.time_zone ?? DEFAULT_TIME_ZONE);
  const hourExpr = sql<number>`cast(((at_ms + ${sql.lit(offsetMs)}) / 3600000) % 24 as integer)`;
  let q = db
    .selectFrom('sale')
    .select([hourExpr.as('hour'), (eb) => eb.fn.countAll<number>().as('n'), big('total_fen').as('fen')])
    .where('business_day', '=', day)
    .where('status', '!=', 'voided');
  if (onlyStall) q = q.where('stall_id', '=', onlyStall);
  const hours = await q.groupBy(hourExpr).execute();
  return Array.from({ length: 24 }, (_, h) => {
    const x = hours.find((y) => Number(y.hour) === h);
    return { hour: h, sales: Number(x?.n ?? 0), total_fen: Number(x?.fen ?? 0) };
  });
}

/** Every buyer who owes something now, most owed first. */
export async function buyersOwing(db: ServerDb, onlyStall: string | null) {
  let q = db
    .selectFrom('ledger_posting as p')
    .innerJoin('ledger_account as a', 'a.id', 'p.account_id')
    .leftJoin('buyer as b', 'b.id', 'a.buyer_id')
    .select(['a.buyer_id', 'a.stall_id', 'b.name', big('p.amount_fen').as('fen')])
    .where('p.chart_code', '=', 'M1103');
  if (onlyStall) q = q.where('a.stall_id', '=', onlyStall);
  const owed = await q.groupBy(['a.buyer_id', 'a.stall_id', 'b.name']).execute();
  return owed
    .map((o) => ({
      buyer_id: o.buyer_id ?? '',
      stall_id: o.stall_id ?? '',
      name: o.name ?? o.buyer_id ?? '',
      owed_fen: Number(o.fen),
    }))
    .filter((o) => o.owed_fen !== 0)
    .sort((a, b) => b.owed_fen - a.owed_fen);
}
