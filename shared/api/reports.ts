/** Staff reports: the day's totals per stall and terminal, a stall's business day and its sales; the audit log and sync flags. */
import { z } from 'zod';
import { takingsSchema } from '../contract/till';
import { ADMIN_ONLY, ALL_STAFF, MARKET_STAFF } from './roles';
import { defineApi, staffAuth } from './route';
import { daySchema, int, limitQuery, stallParams } from './schemas';

const totalsView = z.object({
  business_day: z.string(),
  stalls: z.array(
    z.object({
      stall_id: z.string(),
      sales: int,
      total_fen: int,
      by_tender: z.record(z.string(), int),
      takings: takingsSchema,
    }),
  ),
  terminals: z.array(
    z.object({
      terminal_id: z.string(),
      stall_id: z.string(),
      sales: int,
      total_fen: int,
      takings: takingsSchema,
    }),
  ),
  takings: takingsSchema,
});
const saleView = z.object({
  id: z.string(),
  terminal_id: z.string(),
  receipt_no: z.string(),
  business_day: z.string(),
  total_fen: int,
  cashier: z.string(),
  at_ms: int,
});
export const serverDayTotalsSchema = z.object({
  sales_count: int,
  gross_fen: int,
  refunds_count: int,
  refunds_fen: int,
  paid_fen: int,
  receivable_fen: int,
});
const stallDayView = z.object({
  stall_id: z.string(),
  business_day: z.string(),
  terminals: z.array(
    z.object({
      terminal_id: z.string(),
      server: serverDayTotalsSchema,
      z_report: z.record(z.string(), z.unknown()).nullable(),
      z_periods: int,
      differences: z.array(z.string()),
    }),
  ),
  shifts: z.array(
    z.object({
      id: z.string(),
      terminal_id: z.string(),
      cashier_id: z.string(),
      float_fen: int,
      opened_ms: int,
      closed_ms: int.nullable(),
      counted_fen: int.nullable(),
      expected_fen: int.nullable(),
      over_short_fen: int.nullable(),
    }),
  ),
  refunds: z.array(
    z.object({
      id: z.string(),
      refund_no: z.string(),
      sale_id: z.string(),
      terminal_id: z.string(),
      amount_fen: int,
      reason: z.string(),
      approved_by: z.string().nullable(),
      at_ms: int,
    }),
  ),
  voids: z.array(
    z.object({
      id: z.string(),
      terminal_id: z.string(),
      cashier_id: z.string(),
      total_fen: int,
      reason: z.string(),
      at_ms: int,
    }),
  ),
});

export const reportsApi = {
  stallDay: defineApi({
    id: 'stallDay',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/days/:business_day',
    summary:
      "A stall's business day: server totals against each terminal's Z report, shifts with over/short, refunds, voids",
    tag: 'reports',
    auth: staffAuth(ALL_STAFF),
    params: stallParams.extend({ business_day: daySchema }),
    response: stallDayView,
  }),
  dayTotals: defineApi({
    id: 'dayTotals',
    method: 'GET',
    path: '/api/v1/admin/totals/daily',
    summary:
      "A business day's totals per stall (with sums per tender) and per terminal; a stall owner sees their stall only",
    tag: 'reports',
    auth: staffAuth(ALL_STAFF),
    query: z.object({ business_day: daySchema }),
    response: totalsView,
  }),
  stallSales: defineApi({
    id: 'stallSales',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/sales',
    summary: "A stall's sales of one business day, newest first",
    tag: 'reports',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    query: limitQuery.extend({ business_day: daySchema }),
    response: z.object({ sales: z.array(saleView) }),
  }),
  auditList: defineApi({
    id: 'auditList',
    method: 'GET',
    path: '/api/v1/admin/audit',
    summary: 'Staff actions, newest first',
    tag: 'audit',
    auth: staffAuth(ADMIN_ONLY),
    query: limitQuery,
    response: z.object({
      entries: z.array(
        z.object({
          id: z.string(),
          at_ms: int,
          staff_id: z.string().nullable(),
          action: z.string(),
          target: z.string().nullable(),
          detail: z.string(),
          ip: z.string(),
        }),
      ),
    }),
  }),
  syncFlags: defineApi({
    id: 'syncFlags',
    method: 'GET',
    path: '/api/v1/admin/sync/flags',
    summary: 'Refused pushes (gap, fork, altered) and stored entries the server could not apply',
    tag: 'audit',
    auth: staffAuth(MARKET_STAFF),
    query: limitQuery,
    response: z.object({
      refused: z.array(
        z.object({
          id: z.string(),
          terminal_id: z.string(),
          seq: int,
          kind: z.string(),
          detail: z.string(),
          created_ms: int,
        }),
      ),
      flagged: z.array(z.object({ terminal_id: z.string(), seq: int, type: z.string(), flag: z.string() })),
    }),
  }),
};
