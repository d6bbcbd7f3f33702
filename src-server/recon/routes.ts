/** Staff API of reconciliation: a day's status and differences, run it now, the open queue, act on a difference. */
import { api } from '../../shared/api';
import { reconItemSchema } from '../../shared/api/recon';
import { implement, must } from '../http/route';
import { actOnItem } from './actions';
import { reconIn } from '../services';
import { enqueueRecon } from './job';
import { dayStatus } from './run';
import { rdb } from './schema';

const ITEM_COLS = [
  'id',
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
  'created_ms',
] as const;

export const reconRoutes = [
  implement(api.reconDay, async ({ db, params }) => {
    const who = new Map(
      (await db.selectFrom('staff_user').select(['id', 'username']).execute()).map((u) => [u.id, u.username]),
    );
    const items = await rdb(db)
      .selectFrom('recon_item')
      .select(ITEM_COLS)
      .where('bill_date', '=', params.bill_date)
      .orderBy('status', 'desc')
      .orderBy('created_ms')
      .limit(1000)
      .execute();
    return {
      ...(await dayStatus(db, params.bill_date)),
      items: items.map((i) => ({
        ...i,
        resolved_by_name: i.resolved_by === null ? null : (who.get(i.resolved_by) ?? i.resolved_by),
      })),
    };
  }),
  // Answers at once with the job; the page follows it (jobGet) until it ends.
  implement(api.reconRun, async ({ db, services, params, staff, now, auditTarget }) => {
    reconIn(services);
    auditTarget(params.bill_date);
    return enqueueRecon(db, params.bill_date, must(staff, 'staff').id, now);
  }),
  implement(api.reconQueue, async ({ db, query }) => {
    let q = rdb(db).selectFrom('recon_item').select(ITEM_COLS);
    if (query.status !== 'all') q = q.where('status', '=', query.status);
    return { items: await q.orderBy('bill_date', 'desc').orderBy('created_ms').limit(query.limit).execute() };
  }),
  implement(api.reconResolve, async ({ db, services, params, body, staff, now, auditTarget }) => {
    auditTarget(params.item_id);
    const item = await actOnItem(
      db,
      services.recon,
      params.item_id,
      body.action,
      must(staff, 'staff').id,
      body.note,
      now,
    );
    return reconItemSchema.parse(item);
  }),
  implement(api.reconRuns, async ({ db, query }) => ({
    runs: await rdb(db)
      .selectFrom('recon_run')
      .selectAll()
      .orderBy('started_ms', 'desc')
      .limit(query.limit)
      .execute(),
  })),
];
