/** Opens an XLSX file's bytes with exceljs, as a spreadsheet program would, and returns its first sheet. */
import ExcelJS from 'exceljs';

export async function firstSheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(new Uint8Array(bytes).buffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('the workbook has no sheet');
  return ws;
}
