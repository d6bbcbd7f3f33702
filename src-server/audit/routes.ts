/** Reading the audit log (admin) and the sync flags raised by terminals' journals (market staff). */
import { z } from 'zod';
import { defineRoute, staffAuth } from '../http/route';
import { limitQuery } from '../http/schemas';
import { ADMIN_ONLY, MARKET_STAFF } from '../staff/roles';

export const auditRoutes = [
  defineRoute({
    id: 'auditList',
    method: 'GET',
    path: '/api/v1/admin/audit',
    summary: 'Staff actions, newest first',
    tag: 'audit',
    auth: staffAuth(ADMIN_ONLY),
    query: limitQuery,
    response: z.object({ entries: z.array(z.object({ id: z.string(), at_ms: z.number().int(), staff_id: z.string().nullable(), action: z.string(), target: z.string().nullable(), detail: z.string(), ip: z.string() })) }),
    handler: async ({ db, query }) => ({ entries: await db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(query.limit).execute() }),
  }),
  defineRoute({
    id: 'syncFlags',
    method: 'GET',
    path: '/api/v1/admin/sync/flags',
    summary: 'Refused pushes (gap, fork, altered) and stored entries the server could not apply',
    tag: 'audit',
    auth: staffAuth(MARKET_STAFF),
    query: limitQuery,
    response: z.object({
      refused: z.array(z.object({ id: z.string(), terminal_id: z.string(), seq: z.number().int(), kind: z.string(), detail: z.string(), created_ms: z.number().int() })),
      flagged: z.array(z.object({ terminal_id: z.string(), seq: z.number().int(), type: z.string(), flag: z.string() })),
    }),
    handler: async ({ db, query }) => ({
      refused: await db.selectFrom('sync_flag').selectAll().orderBy('id', 'desc').limit(query.limit).execute(),
      flagged: (await db.selectFrom('journal_entry').select(['terminal_id', 'seq', 'type', 'flag']).where('flag', 'is not', null).orderBy('received_ms', 'desc').limit(query.limit).execute()).map((r) => ({ ...r, flag: r.flag ?? '' })),
    }),
  }),
];
