/**
 * CSV for Excel: a UTF-8 BOM so Chinese text opens correctly, Chinese column
 * headers, RFC 4180 quoting, and cells that start like a formula prefixed with
 * an apostrophe (CSV injection).
 */
import { cellText, checkSize, type ExportTable } from './table';

export function csvCell(v: string): string {
  let s = v;
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function tableCsv<R>(t: ExportTable<R>): string {
  checkSize(t as ExportTable<unknown>);
  const lines = [t.columns.map((c) => csvCell(c.zh)).join(',')];
  for (const r of t.rows)
    lines.push(t.columns.map((c) => csvCell(cellText(c.kind, r[c.key], t.time_zone))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
