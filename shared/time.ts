/**
 * Business days use the market's time zone and a cut-off hour: a sale at 02:00
 * with a 04:00 cut-off belongs to the previous day, as a night market expects.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function businessDay(atMs: number, timeZone: string, cutoffHour: number): string {
  const shifted = atMs - cutoffHour * 3_600_000;
  // Building a DateTimeFormat costs far more than using one: keep one per zone.
  let fmt = formats.get(timeZone);
  if (!fmt) formats.set(timeZone, (fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  const parts = fmt.formatToParts(shifted);
  const get = (t: string): string => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}${get('month')}${get('day')}`;
}
