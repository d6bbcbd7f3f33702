/**
 * Business days use the market's time zone and a cut-off hour: a sale at 02:00
 * with a 04:00 cut-off belongs to the previous day, as a night market expects.
 */
import { z } from 'zod';

/** A business day on the wire and in tables: YYYYMMDD in the market's time zone. */
export const businessDaySchema = z.string().regex(/^\d{8}$/, 'business day is YYYYMMDD');

const formats = new Map<string, Intl.DateTimeFormat>();
const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** The zone the demo market and the payment institutions use, where a market has not said otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function businessDay(atMs: number, timeZone: string, cutoffHour: number): string {
  const shifted = atMs - cutoffHour * 3_600_000;
  // Building a DateTimeFormat costs far more than using one: keep one per zone.
  let fmt = formats.get(timeZone);
  if (!fmt)
    formats.set(
      timeZone,
      (fmt = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      })),
    );
  const parts = fmt.formatToParts(shifted);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `atMs`, in ms (Asia/Shanghai: 8 h). */
export function zoneOffsetMs(atMs: number, timeZone: string): number {
  let fmt = wallFormats.get(timeZone);
  if (!fmt) {
    const o = {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    } as const;
    wallFormats.set(timeZone, (fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', ...o })));
  }
  const parts = fmt.formatToParts(atMs);
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (atMs - (((atMs % 1000) + 1000) % 1000));
}

/** The hour on the wall clock of `timeZone` at `atMs` (0–23). */
export function hourOfDay(atMs: number, timeZone: string): number {
  const wall = atMs + zoneOffsetMs(atMs, timeZone);
  return Math.floor((((wall % 86_400_000) + 86_400_000) % 86_400_000) / 3_600_000);
}

/** The day `days` after (or before) a YYYYMMDD business day. */
export function addDays(day: string, days: number): string {
  const at =
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))) +
    days * 86_400_000;
  return new Date(at).toISOString().slice(0, 10).replaceAll('-', '');
}
