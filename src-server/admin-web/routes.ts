/** Staff web API: dashboard, end of day with confirmation, settlement report, fee income, CSV exports. Market staff only. */
import { takingsSchema } from '../../shared/contract/till';
import { z } from 'zod';
import { defineRoute, must, staffAuth } from '../http/route';
import { daySchema, idSchema } from '../http/schemas';
import { rdb } from '../recon/schema';
import { MARKET_STAFF } from '../staff/roles';
import { toCsv } from './csv';
import { dashboard } from './dashboard';
import { confirmDay, dayOverview } from './days';
import { feeIncome, ledgerByAccount, settlementReport } from './settlement';

const int = z.number().int();
const fenMap = z.record(z.string(), int);
const range = z.object({ from: daySchema, to: daySchema });
const confirmationView = z.object({ business_day: z.string(), stall_id: z.string(), confirmed_by: z.string(), confirmed_ms: int, note: z.string() });
const settlementView = z.object({
  stall_id: z.string(), name: z.string(), sub_mchid: z.string().nullable(), payments: int, gross_fen: int, refund_fen: int, channel_fee_fen: int, market_fee_fen: int, net_fen: int,
  inst_gross_fen: int.nullable(), inst_refund_fen: int.nullable(), inst_fee_fen: int.nullable(), inst_net_fen: int.nullable(),
});
export const EXPORTS = ['settlement', 'fee_income', 'ledger', 'recon_items'] as const;

export const adminWebRoutes = [
  defineRoute({
    id: 'adminDashboard',
    method: 'GET',
    path: '/api/v1/admin/dashboard',
    summary: "A business day's takings per stall, terminal, tender, wallet and hour; terminals online with sync lag; unpaid QR orders; buyer receivables",
    tag: 'admin-web',
    auth: staffAuth(MARKET_STAFF),
    query: z.object({ business_day: daySchema }),
    response: z.object({
      business_day: z.string(), total_fen: int, sales: int,
      stalls: z.array(z.object({ stall_id: z.string(), name: z.string(), sales: int, total_fen: int })),
      terminal_totals: z.array(z.object({ terminal_id: z.string(), stall_id: z.string(), sales: int, total_fen: int })),
      by_tender: fenMap, by_wallet: fenMap, takings: takingsSchema,
      hourly: z.array(z.object({ hour: int, sales: int, total_fen: int })),
      terminals: z.array(z.object({ id: z.string(), stall_id: z.string(), name: z.string(), status: z.string(), last_seen_ms: int.nullable(), online: z.boolean(), sync_lag_ms: int.nullable() })),
      unpaid_qr: z.object({ count: int, amount_fen: int }),
      receivables: z.array(z.object({ buyer_id: z.string(), stall_id: z.string(), name: z.string(), owed_fen: int })),
      receivables_total_fen: int,
    }),
    handler: async ({ db, query, now }) => dashboard(db, query.business_day, now),
  }),
  defineRoute({
    id: 'adminDay',
    method: 'GET',
    path: '/api/v1/admin/days/:business_day',
    summary: "End of day: each stall's terminals, Z report beside the server's totals with the differences named, and the staff confirmation",
    tag: 'admin-web',
    auth: staffAuth(MARKET_STAFF),
    params: z.object({ business_day: daySchema }),
    response: z.object({
      business_day: z.string(),
      stalls: z.array(z.object({
        stall_id: z.string(), name: z.string(),
        terminals: z.array(z.object({ terminal_id: z.string(), name: z.string(), server: z.object({ sales_count: int, gross_fen: int, refunds_count: int, refunds_fen: int, paid_fen: int, receivable_fen: int }), z_report: z.object({ sales_count: int.nullable(), gross_fen: int.nullable() }).nullable(), differences: z.array(z.string()) })),
        confirmation: confirmationView.extend({ confirmed_by_name: z.string() }).nullable(),
      })),
    }),
    handler: async ({ db, params }) => dayOverview(db, params.business_day),
  }),
  defineRoute({
    id: 'adminDayConfirm',
    method: 'POST',
    path: '/api/v1/admin/days/:business_day/confirm',
    summary: "Confirm a stall's business day (a day with differences needs a note)",
    tag: 'admin-web',
    auth: staffAuth(MARKET_STAFF),
    status: 201,
    params: z.object({ business_day: daySchema }),
    body: z.object({ stall_id: idSchema, note: z.string().max(500).default('') }),
    example: { stall_id: 'S01', note: '' },
    response: confirmationView,
    handler: async ({ db, params, body, staff, now, auditTarget }) => {
      auditTarget(`${params.business_day}/${body.stall_id}`);
      return confirmDay(db, params.business_day, body.stall_id, must(staff, 'staff').id, body.note, now);
    },
  }),
  defineRoute({
    id: 'adminSettlement',
    method: 'GET',
    path: '/api/v1/admin/settlement/:business_day',
    summary: 'Per merchant: gross, refunds, channel fee, market fee, net to be settled T+1, beside the institution’s bill',
    tag: 'admin-web',
    auth: staffAuth(MARKET_STAFF),
    params: z.object({ business_day: daySchema }),
    response: z.object({ business_day: z.string(), merchants: z.array(settlementView) }),
    handler: async ({ db, params }) => ({ business_day: params.business_day, merchants: await settlementReport(db, params.business_day) }),
  }),
  defineRoute({
    id: 'adminFeeIncome',
    method: 'GET',
    path: '/api/v1/admin/fee-income',
    summary: "The market's fee income by type over a range of business days",
    tag: 'admin-web',
    auth: staffAuth(MARKET_STAFF),
    query: range,
    response: z.object({ rows: z.array(z.object({ txn_type: z.string(), entries: int, income_fen: int })) }),
    handler: async ({ db, query }) => ({ rows: await feeIncome(db, query.from, query.to) }),
  }),
  defineRoute({
    id: 'adminExport',
    method: 'GET',
    path: '/api/v1/admin/export/:table',
    summary: 'CSV for finance (UTF-8 with BOM, amounts in 元): settlement, fee income, the ledger by account (科目), reconciliation items, over a range of business days',
    tag: 'admin-web',
    auth: staffAuth(MARKET_STAFF),
    params: z.object({ table: z.enum(EXPORTS) }),
    query: range,
    response: z.string(),
    handler: async ({ db, params, query, reply }) => {
      let csv: string;
      switch (params.table) {
        case 'settlement': {
          const rows = [];
          for (let d = query.from; d <= query.to && rows.length < 100_000; d = nextDay(d)) for (const r of await settlementReport(db, d)) rows.push({ business_day: d, ...r });
          csv = toCsv(rows);
          break;
        }
        case 'fee_income':
          csv = toCsv(await feeIncome(db, query.from, query.to));
          break;
        case 'ledger':
          csv = toCsv(await ledgerByAccount(db, query.from, query.to));
          break;
        case 'recon_items': {
          const d = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
          csv = toCsv(await rdb(db).selectFrom('recon_item').select(['bill_date', 'kind', 'record', 'out_trade_no', 'out_refund_no', 'stall_id', 'sub_mchid', 'inst_amount_fen', 'plat_amount_fen', 'inst_state', 'plat_state', 'cause', 'suggestion', 'status', 'resolution', 'resolved_by', 'resolved_ms', 'note', 'ledger_ref']).where('bill_date', '>=', d(query.from)).where('bill_date', '<=', d(query.to)).orderBy('bill_date').execute());
          break;
        }
      }
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${params.table}-${query.from}-${query.to}.csv"`);
      return csv;
    },
  }),
];

function nextDay(d: string): string {
  const t = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)) + 1);
  return new Date(t).toISOString().slice(0, 10).replaceAll('-', '');
}
