/**
 * XLSX through exceljs: Chinese headers in bold, amounts as numbers in 元
 * shown with two decimals (so Excel can sum them), dates and times as text in
 * the market's time zone (a spreadsheet has no time zone of its own).
 */
import ExcelJS from 'exceljs';
import { cellText, checkSize, type ExportTable } from './table';

export async function tableXlsx<R>(t: ExportTable<R>): Promise<Buffer> {
  checkSize(t as ExportTable<unknown>);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'MarketTill';
  const ws = wb.addWorksheet(t.title.slice(0, 31));
  ws.columns = t.columns.map((c) => ({
    header: c.zh,
    key: c.key,
    width: Math.max(10, c.zh.length * 2 + 4),
    style: c.kind === 'fen' ? { numFmt: '0.00' } : {},
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of t.rows) {
    ws.addRow(
      t.columns.map((c) => {
        const v = r[c.key];
        // fen ÷ 100 is the nearest double to the amount in 元; the cell shows it with two decimals.
        if (c.kind === 'fen' && typeof v === 'number') return v / 100;
        if (c.kind === 'int' && typeof v === 'number') return v;
        return cellText(c.kind, v, t.time_zone);
      }),
    );
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
