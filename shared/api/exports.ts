/** What every table export route shares: the format asked for and the file answered. */
import { z } from 'zod';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const formatQuery = z.object({
  format: z.enum(EXPORT_FORMATS, { error: 'format is csv or xlsx' }).default('csv'),
});
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The file: text/csv (UTF-8 with BOM, Chinese headers) or an XLSX workbook (route `produces: 'table-file'`). */
export const fileAnswer = z.union([
  z.string(),
  z.custom<Uint8Array<ArrayBufferLike>>((v) => v instanceof Uint8Array, 'a file'),
]);
