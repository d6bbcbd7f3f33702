/** Staff reports: the day's totals per stall and terminal, and a stall's sales of a day. */
import { z } from 'zod';
import { defineRoute, staffAuth } from '../http/route';
import { visibleStall } from '../http/scope';
import { daySchema, limitQuery, stallParams } from '../http/schemas';
import { ALL_STAFF } from '../staff/roles';
import { dayTotals } from './totals';

const totalsView = z.object({
  business_day: z.string(),
  stalls: z.array(z.object({ stall_id: z.string(), sales: z.number().int(), total_fen: z.number().int(), by_tender: z.record(z.string(), z.number().int()) })),
  terminals: z.array(z.object({ terminal_id: z.string(), stall_id: z.string(), sales: z.number().int(), total_fen: z.number().int() })),
});
const saleView = z.object({ id: z.string(), terminal_id: z.string(), receipt_no: z.string(), business_day: z.string(), total_fen: z.number().int(), cashier: z.string(), at_ms: z.number().int() });

export const reportRoutes = [
  defineRoute({
    id: 'dayTotals',
    method: 'GET',
    path: '/api/v1/admin/totals/daily',
    summary: "A business day's totals per stall (with sums per tender) and per terminal; a stall owner sees their stall only",
    tag: 'reports',
    auth: staffAuth(ALL_STAFF),
    query: z.object({ business_day: daySchema }),
    response: totalsView,
    handler: async ({ db, query, staff }) => dayTotals(db, query.business_day, visibleStall(staff)),
  }),
  defineRoute({
    id: 'stallSales',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/sales',
    summary: "A stall's sales of one business day, newest first",
    tag: 'reports',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    query: limitQuery.extend({ business_day: daySchema }),
    response: z.object({ sales: z.array(saleView) }),
    handler: async ({ db, params, query }) => ({
      sales: await db
        .selectFrom('sale')
        .select(['id', 'terminal_id', 'receipt_no', 'business_day', 'total_fen', 'cashier', 'at_ms'])
        .where('stall_id', '=', params.stall_id)
        .where('business_day', '=', query.business_day)
        .orderBy('at_ms', 'desc')
        .limit(query.limit)
        .execute(),
    }),
  }),
];
