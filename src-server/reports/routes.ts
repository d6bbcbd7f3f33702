/** Staff reports: the day's totals per stall and terminal, and a stall's sales of a day. */
import { z } from 'zod';
import { takingsSchema } from '../../shared/contract/till';
import { defineRoute, staffAuth } from '../http/route';
import { visibleStall } from '../http/scope';
import { daySchema, limitQuery, stallParams } from '../http/schemas';
import { ALL_STAFF } from '../staff/roles';
import { stallDay } from './day';
import { dayTotals } from './totals';

const totalsView = z.object({
  business_day: z.string(),
  stalls: z.array(z.object({ stall_id: z.string(), sales: z.number().int(), total_fen: z.number().int(), by_tender: z.record(z.string(), z.number().int()), takings: takingsSchema })),
  terminals: z.array(z.object({ terminal_id: z.string(), stall_id: z.string(), sales: z.number().int(), total_fen: z.number().int(), takings: takingsSchema })),
  takings: takingsSchema,
});
const saleView = z.object({ id: z.string(), terminal_id: z.string(), receipt_no: z.string(), business_day: z.string(), total_fen: z.number().int(), cashier: z.string(), at_ms: z.number().int() });

const int = z.number().int();
const stallDayView = z.object({
  stall_id: z.string(),
  business_day: z.string(),
  terminals: z.array(z.object({ terminal_id: z.string(), server: z.object({ sales_count: int, gross_fen: int, refunds_count: int, refunds_fen: int, paid_fen: int, receivable_fen: int }), z_report: z.record(z.string(), z.unknown()).nullable(), z_periods: int, differences: z.array(z.string()) })),
  shifts: z.array(z.object({ id: z.string(), terminal_id: z.string(), cashier_id: z.string(), float_fen: int, opened_ms: int, closed_ms: int.nullable(), counted_fen: int.nullable(), expected_fen: int.nullable(), over_short_fen: int.nullable() })),
  refunds: z.array(z.object({ id: z.string(), refund_no: z.string(), sale_id: z.string(), terminal_id: z.string(), amount_fen: int, reason: z.string(), approved_by: z.string().nullable(), at_ms: int })),
  voids: z.array(z.object({ id: z.string(), terminal_id: z.string(), cashier_id: z.string(), total_fen: int, reason: z.string(), at_ms: int })),
});

export const reportRoutes = [
  defineRoute({
    id: 'stallDay',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/days/:business_day',
    summary: "A stall's business day: server totals against each terminal's Z report, shifts with over/short, refunds, voids",
    tag: 'reports',
    auth: staffAuth(ALL_STAFF),
    params: stallParams.extend({ business_day: daySchema }),
    response: stallDayView,
    handler: async ({ db, params }) => stallDay(db, params.stall_id, params.business_day),
  }),
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
