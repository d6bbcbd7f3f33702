/** The staff web's API: dashboard, end of day with confirmation, settlement report, fee income, CSV exports. Market staff only. */
import { z } from 'zod';
import { takingsSchema } from '../contract/till';
import { MARKET_STAFF } from './roles';
import { defineApi, staffAuth } from './route';
import { dayParams, daySchema, idSchema, int } from './schemas';
import { serverDayTotalsSchema } from './reports';

const fenMap = z.record(z.string(), int);
const range = z.object({ from: daySchema, to: daySchema });
const confirmationView = z.object({
  business_day: z.string(),
  stall_id: z.string(),
  confirmed_by: z.string(),
  confirmed_ms: int,
  note: z.string(),
});

export const settlementRowSchema = z.object({
  stall_id: z.string(),
  name: z.string(),
  sub_mchid: z.string().nullable(),
  payments: int,
  gross_fen: int,
  refund_fen: int,
  channel_fee_fen: int,
  market_fee_fen: int,
  net_fen: int,
  inst_gross_fen: int.nullable(),
  inst_refund_fen: int.nullable(),
  inst_fee_fen: int.nullable(),
  inst_net_fen: int.nullable(),
});
export type SettlementRow = z.output<typeof settlementRowSchema>;
export const feeIncomeRowSchema = z.object({ txn_type: z.string(), entries: int, income_fen: int });

export const dashboardSchema = z.object({
  business_day: z.string(),
  total_fen: int,
  sales: int,
  stalls: z.array(z.object({ stall_id: z.string(), name: z.string(), sales: int, total_fen: int })),
  terminal_totals: z.array(
    z.object({ terminal_id: z.string(), stall_id: z.string(), sales: int, total_fen: int }),
  ),
  by_tender: fenMap,
  by_wallet: fenMap,
  takings: takingsSchema,
  hourly: z.array(z.object({ hour: int, sales: int, total_fen: int })),
  terminals: z.array(
    z.object({
      id: z.string(),
      stall_id: z.string(),
      name: z.string(),
      status: z.string(),
      last_seen_ms: int.nullable(),
      online: z.boolean(),
      sync_lag_ms: int.nullable(),
    }),
  ),
  unpaid_qr: z.object({ count: int, amount_fen: int }),
  receivables: z.array(
    z.object({ buyer_id: z.string(), stall_id: z.string(), name: z.string(), owed_fen: int }),
  ),
  receivables_total_fen: int,
});

export const dayOverviewSchema = z.object({
  business_day: z.string(),
  stalls: z.array(
    z.object({
      stall_id: z.string(),
      name: z.string(),
      terminals: z.array(
        z.object({
          terminal_id: z.string(),
          name: z.string(),
          server: serverDayTotalsSchema,
          z_report: z.object({ sales_count: int.nullable(), gross_fen: int.nullable() }).nullable(),
          differences: z.array(z.string()),
        }),
      ),
      confirmation: confirmationView.extend({ confirmed_by_name: z.string() }).nullable(),
    }),
  ),
});

export const EXPORTS = ['settlement', 'fee_income', 'ledger', 'recon_items'] as const;

export const adminWebApi = {
  adminDashboard: defineApi({
    id: 'adminDashboard',
    method: 'GET',
    path: '/api/v1/admin/dashboard',
    summary:
      "A business day's takings per stall, terminal, tender, wallet and hour; terminals online with sync lag; unpaid QR orders; buyer receivables",
    tag: 'admin-web',
    auth: staffAuth(MARKET_STAFF),
    query: z.object({ business_day: daySchema }),
    response: dashboardSchema,
  }),
  adminDay: defineApi({
    id: 'adminDay',
    method: 'GET',
    path: '/api/v1/admin/days/:business_day',
    summary:
      "End of day: each stall's terminals, Z report beside the server's totals with the differences named, and the staff confirmation",
    tag: 'admin-web',
    auth: staffAuth(MARKET_STAFF),
    params: dayParams,
    response: dayOverviewSchema,
  }),
  adminDayConfirm: defineApi({
    id: 'adminDayConfirm',
    method: 'POST',
    path: '/api/v1/admin/days/:business_day/confirm',
    summary: "Confirm a stall's business day (a day with differences needs a note)",
    tag: 'admin-web',
    auth: staffAuth(MARKET_STAFF),
    status: 201,
    params: dayParams,
    body: z.object({ stall_id: idSchema, note: z.string().max(500).default('') }),
    example: { stall_id: 'S01', note: '' },
    response: confirmationView,
    errors: ['conflict'],
  }),
  adminSettlement: defineApi({
    id: 'adminSettlement',
    method: 'GET',
    path: '/api/v1/admin/settlement/:business_day',
    summary:
      'Per merchant: gross, refunds, channel fee, market fee, net to be settled T+1, beside the institution’s bill',
    tag: 'admin-web',
    auth: staffAuth(MARKET_STAFF),
    params: dayParams,
    response: z.object({ business_day: z.string(), merchants: z.array(settlementRowSchema) }),
  }),
  adminFeeIncome: defineApi({
    id: 'adminFeeIncome',
    method: 'GET',
    path: '/api/v1/admin/fee-income',
    summary: "The market's fee income by type over a range of business days",
    tag: 'admin-web',
    auth: staffAuth(MARKET_STAFF),
    query: range,
    response: z.object({ rows: z.array(feeIncomeRowSchema) }),
  }),
  adminExport: defineApi({
    id: 'adminExport',
    method: 'GET',
    path: '/api/v1/admin/export/:table',
    summary:
      'CSV for finance (UTF-8 with BOM, amounts in 元): settlement, fee income, the ledger by account (科目), reconciliation items, over a range of business days',
    tag: 'admin-web',
    auth: staffAuth(MARKET_STAFF),
    params: z.object({ table: z.enum(EXPORTS) }),
    query: range,
    produces: 'text/csv',
    response: z.string(),
  }),
};
