/** Receipt timestamps, in the market's time zone, with Intl only (no Node). */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "2025-06-01 14:03:22" in `timeZone`; throws RangeError on an unknown zone. */
export function formatReceiptTime(atMs: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  const parts: Record<string, string> = {};
  for (const p of f.formatToParts(atMs)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}
