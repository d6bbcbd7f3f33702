/** Staff reports: the day's totals per stall and terminal, and a stall's sales of a day. */
import { api } from '../../shared/api';
import { implement } from '../http/route';
import { visibleStall } from '../http/scope';
import { stallDay } from './day';
import { stallDays, stallReport } from './stall-report';
import { dayTotals } from './totals';

export const reportRoutes = [
  implement(api.stallReport, async ({ db, params }) => stallReport(db, params.stall_id, params.business_day)),
  implement(api.stallDays, async ({ db, params, query }) =>
    stallDays(db, params.stall_id, query.from, query.to),
  ),
  implement(api.stallDay, async ({ db, params }) => stallDay(db, params.stall_id, params.business_day)),
  implement(api.dayTotals, async ({ db, query, staff }) =>
    dayTotals(db, query.business_day, visibleStall(staff)),
  ),
  implement(api.stallSales, async ({ db, params, query }) => ({
    sales: await db
      .selectFrom('sale')
      .select(['id', 'terminal_id', 'receipt_no', 'business_day', 'total_fen', 'cashier', 'at_ms'])
      .where('stall_id', '=', params.stall_id)
      .where('business_day', '=', query.business_day)
      .orderBy('at_ms', 'desc')
      .limit(query.limit)
      .execute(),
  })),
];
