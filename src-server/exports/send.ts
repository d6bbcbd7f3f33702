/** Answers a table as a CSV or XLSX download (routes declared with `produces: 'table-file'`). */
import type { FastifyReply } from 'fastify';
import { XLSX_MEDIA_TYPE, type ExportFormat } from '../../shared/api/exports';
import type { ServerDb } from '../db/database';
import { tableCsv } from './csv';
import type { ExportTable } from './table';
import { tableXlsx } from './xlsx';

export async function marketTimeZone(db: ServerDb): Promise<string> {
  return (await db.selectFrom('market').select('time_zone').executeTakeFirst())?.time_zone ?? 'Asia/Shanghai';
}

export async function sendTable<R>(
  reply: FastifyReply,
  t: ExportTable<R>,
  format: ExportFormat,
): Promise<string | Buffer> {
  reply.header('content-disposition', `attachment; filename="${t.name}.${format}"`);
  if (format === 'csv') {
    reply.header('content-type', 'text/csv; charset=utf-8');
    return tableCsv(t);
  }
  reply.header('content-type', XLSX_MEDIA_TYPE);
  return tableXlsx(t);
}
