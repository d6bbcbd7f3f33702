/**
 * CSV for finance: a UTF-8 BOM so Excel opens Chinese text correctly, RFC
 * 4180 quoting, and amounts in 元 with two decimals from integer fen
 * (columns named *_fen become *_yuan). Cells that start like a formula are
 * prefixed with an apostrophe (CSV injection).
 */
import { formatYuan } from '../../shared/money';

export const CSV_ROWS_MAX = 200_000;

function cell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(rows: readonly Record<string, unknown>[], columns?: readonly string[]): string {
  if (rows.length > CSV_ROWS_MAX)
    throw new RangeError(`more than ${CSV_ROWS_MAX} rows: narrow the date range`);
  const cols = columns ?? Object.keys(rows[0] ?? {});
  const head = cols.map((c) => (c.endsWith('_fen') ? `${c.slice(0, -4)}_yuan` : c));
  const lines = [head.map(cell).join(',')];
  for (const r of rows)
    lines.push(
      cols
        .map((c) => (c.endsWith('_fen') && typeof r[c] === 'number' ? formatYuan(r[c]) : cell(r[c])))
        .join(','),
    );
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
