/**
 * The business day a new record belongs to: the market's day by clock and
 * cut-off hour. A day close (日结) does not move selling into tomorrow: what
 * is sold after it belongs to the next Z period of the same day (Z no. 2, …),
 * and its receipts keep today's business day in their numbers. A clock set
 * back before the last closed day sells into that day's next period.
 */
import { businessDay } from '../../shared/time';
import type { Db } from '../store/db';
import type { TerminalIdentity } from '../sync/identity';
import { stmt } from '../store/sql';

export function lastClosedDay(db: Db): string | null {
  return (stmt(db, 'SELECT MAX(business_day) AS d FROM day_close').get() as { d: string | null }).d;
}

export function openBusinessDay(
  db: Db,
  who: Pick<TerminalIdentity, 'time_zone' | 'day_cutoff_hour'>,
  nowMs: number,
): string {
  const byClock = businessDay(nowMs, who.time_zone, who.day_cutoff_hour);
  const closed = lastClosedDay(db);
  return closed !== null && byClock < closed ? closed : byClock;
}

/** The open Z period of a business day: 1 before its first close, then one more after each close. */
export function openZNo(db: Db, day: string): number {
  return (
    (stmt(db, 'SELECT COUNT(*) AS n FROM day_close WHERE business_day = ?').get(day) as { n: number }).n + 1
  );
}
