/**
 * A table as the desk shows it, ready to export: columns with their Chinese
 * header (the English one kept beside it) and what kind of value each holds,
 * so every format writes amounts in 元 with two decimals, business days as
 * dates and instants in the market's time zone the same way.
 */
import { formatYuan } from '../../shared/money';

export type ColumnKind = 'text' | 'int' | 'fen' | 'day' | 'ms';

export interface Column<R> {
  key: keyof R & string;
  zh: string;
  en: string;
  kind: ColumnKind;
}

export interface ExportTable<R> {
  /** the file's name without extension, ASCII */
  name: string;
  /** the sheet's title */
  title: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  time_zone: string;
}

/** Rows beyond this are refused: narrow the date range. */
export const EXPORT_ROWS_MAX = 200_000;

const stampFormats = new Map<string, Intl.DateTimeFormat>();
/** "2026-12-04 08:15:00" in the market's time zone. */
export function marketStamp(ms: number, timeZone: string): string {
  let f = stampFormats.get(timeZone);
  if (!f)
    stampFormats.set(
      timeZone,
      (f = new Intl.DateTimeFormat('sv-SE', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hour12: false,
      })),
    );
  return f.format(new Date(ms));
}

export const dashedDay = (d: string): string =>
  /^\d{8}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` : d;

/** A cell as text, the way CSV writes it and the page shows it. */
export function cellText(kind: ColumnKind, v: unknown, timeZone: string): string {
  if (v === null || v === undefined) return '';
  switch (kind) {
    case 'fen':
      return typeof v === 'number' ? formatYuan(v) : String(v);
    case 'day':
      return dashedDay(String(v));
    case 'ms':
      return typeof v === 'number' ? marketStamp(v, timeZone) : String(v);
    case 'int':
    case 'text':
      return String(v);
  }
}

export function checkSize(t: ExportTable<unknown>): void {
  if (t.rows.length > EXPORT_ROWS_MAX)
    throw new RangeError(`more than ${EXPORT_ROWS_MAX} rows: narrow the date range`);
}
