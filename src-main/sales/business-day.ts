/**
 * The business day a new record belongs to: the market's day by clock and
 * cut-off hour, but never a day already closed (日结) — after the close,
 * selling goes on into the next day.
 */
import { businessDay } from '../../shared/time';
import type { Db } from '../store/db';
import type { TerminalIdentity } from '../sync/identity';
import { stmt } from '../store/sql';

export function nextDay(day: string): string {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)) + 1));
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}

export function lastClosedDay(db: Db): string | null {
  return (stmt(db, 'SELECT MAX(business_day) AS d FROM day_close').get() as { d: string | null }).d;
}

export function openBusinessDay(db: Db, who: Pick<TerminalIdentity, 'time_zone' | 'day_cutoff_hour'>, nowMs: number): string {
  const byClock = businessDay(nowMs, who.time_zone, who.day_cutoff_hour);
  const closed = lastClosedDay(db);
  return closed !== null && byClock <= closed ? nextDay(closed) : byClock;
}
