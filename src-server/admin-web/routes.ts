/** Staff web API: dashboard, end of day with confirmation, settlement report, fee income, CSV exports. Market staff only. */
import { api } from '../../shared/api';
import { implement, must } from '../http/route';
import { rdb } from '../recon/schema';
import { toCsv } from './csv';
import { dashboard } from './dashboard';
import { confirmDay, dayOverview } from './days';
import { feeIncome, ledgerByAccount, settlementReport } from './settlement';

export const EXPORTS = ['settlement', 'fee_income', 'ledger', 'recon_items'] as const;

export const adminWebRoutes = [
  implement(api.adminDashboard, async ({ db, query, now }) => dashboard(db, query.business_day, now)),
  implement(api.adminDay, async ({ db, params }) => dayOverview(db, params.business_day)),
  implement(api.adminDayConfirm, async ({ db, params, body, staff, now, auditTarget }) => {
    auditTarget(`${params.business_day}/${body.stall_id}`);
    return confirmDay(db, params.business_day, body.stall_id, must(staff, 'staff').id, body.note, now);
  }),
  implement(api.adminSettlement, async ({ db, params }) => ({
    business_day: params.business_day,
    merchants: await settlementReport(db, params.business_day),
  })),
  implement(api.adminFeeIncome, async ({ db, query }) => ({
    rows: await feeIncome(db, query.from, query.to),
  })),
  implement(api.adminExport, async ({ db, params, query, reply }) => {
    let csv: string;
    switch (params.table) {
      case 'settlement': {
        const rows = [];
        for (let d = query.from; d <= query.to && rows.length < 100_000; d = nextDay(d))
          for (const r of await settlementReport(db, d)) rows.push({ business_day: d, ...r });
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
        csv = toCsv(
          await rdb(db)
            .selectFrom('recon_item')
            .select([
              'bill_date',
              'kind',
              'record',
              'out_trade_no',
              'out_refund_no',
              'stall_id',
              'sub_mchid',
              'inst_amount_fen',
              'plat_amount_fen',
              'inst_state',
              'plat_state',
              'cause',
              'suggestion',
              'status',
              'resolution',
              'resolved_by',
              'resolved_ms',
              'note',
              'ledger_ref',
            ])
            .where('bill_date', '>=', d(query.from))
            .where('bill_date', '<=', d(query.to))
            .orderBy('bill_date')
            .execute(),
        );
        break;
      }
    }
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${params.table}-${query.from}-${query.to}.csv"`);
    return csv;
  }),
];

function nextDay(d: string): string {
  const t = Date.UTC(Number(d.slice(0, 4)), Number(d.slice(4, 6)) - 1, Number(d.slice(6, 8)) + 1);
  return new Date(t).toISOString().slice(0, 10).replaceAll('-', '');
}
