/** Staff API of reconciliation: a day's status and differences, run it now, the open queue, act on a difference. */
import { z } from 'zod';
import { defineRoute, must, staffAuth } from '../http/route';
import { idSchema, limitQuery } from '../http/schemas';
import { MARKET_STAFF } from '../staff/roles';
import { actOnItem, NOTE_MAX_CHARS, STAFF_ACTIONS } from './actions';
import { reconPortsOf } from './ports';
import { dayStatus, runRecon } from './run';
import { rdb } from './schema';
import { ApiError } from '../http/errors';

const billDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'bill date is YYYY-MM-DD');
const int = z.number().int();
const itemView = z.object({
  id: z.string(), bill_date: z.string(), kind: z.string(), record: z.string(), out_trade_no: z.string(), out_refund_no: z.string().nullable(), stall_id: z.string().nullable(), sub_mchid: z.string(),
  inst_amount_fen: int.nullable(), plat_amount_fen: int.nullable(), inst_state: z.string().nullable(), plat_state: z.string().nullable(), cause: z.string(), suggestion: z.string(),
  status: z.string(), resolution: z.string().nullable(), resolved_by: z.string().nullable(), resolved_by_name: z.string().nullable().optional(), resolved_ms: int.nullable(), note: z.string().nullable(), ledger_ref: z.string().nullable(), created_ms: int,
});
const runView = z.object({ id: z.string(), bill_date: z.string(), state: z.string(), rows: int, matched: int, matched_fen: int, differences: int, auto_resolved: int, sha1: z.string().nullable(), error: z.string().nullable(), started_by: z.string(), started_ms: int, finished_ms: int.nullable() });
const ITEM_COLS = ['id', 'bill_date', 'kind', 'record', 'out_trade_no', 'out_refund_no', 'stall_id', 'sub_mchid', 'inst_amount_fen', 'plat_amount_fen', 'inst_state', 'plat_state', 'cause', 'suggestion', 'status', 'resolution', 'resolved_by', 'resolved_ms', 'note', 'ledger_ref', 'created_ms'] as const;

export const reconRoutes = [
  defineRoute({
    id: 'reconDay',
    method: 'GET',
    path: '/api/v1/admin/recon/days/:bill_date',
    summary: "A bill day's reconciliation: the last run, open and resolved differences, and whether the day is reconciled",
    tag: 'recon',
    auth: staffAuth(MARKET_STAFF),
    params: z.object({ bill_date: billDate }),
    response: z.object({ bill_date: z.string(), run: runView.nullable(), open: int, resolved: int, reconciled: z.boolean(), items: z.array(itemView) }),
    handler: async ({ db, params }) => {
      const who = new Map((await db.selectFrom('staff_user').select(['id', 'username']).execute()).map((u) => [u.id, u.username]));
      const items = await rdb(db).selectFrom('recon_item').select(ITEM_COLS).where('bill_date', '=', params.bill_date).orderBy('status', 'desc').orderBy('created_ms').limit(1000).execute();
      return { ...(await dayStatus(db, params.bill_date)), items: items.map((i) => ({ ...i, resolved_by_name: i.resolved_by === null ? null : (who.get(i.resolved_by) ?? i.resolved_by) })) };
    },
  }),
  defineRoute({
    id: 'reconRun',
    method: 'POST',
    path: '/api/v1/admin/recon/days/:bill_date/run',
    summary: "Fetch the institution's bill of the day and reconcile it now (the safe differences resolve themselves)",
    tag: 'recon',
    auth: staffAuth(MARKET_STAFF),
    params: z.object({ bill_date: billDate }),
    response: z.object({ run_id: z.string(), state: z.enum(['done', 'failed']), error: z.string().nullable() }),
    handler: async ({ db, params, staff, auditTarget }) => {
      const ports = reconPortsOf(db);
      if (!ports) throw new ApiError('conflict', 'no institution configured (start the server with --sim DIR)');
      auditTarget(params.bill_date);
      return runRecon(db, ports, params.bill_date, must(staff, 'staff').id, Date.now);
    },
  }),
  defineRoute({
    id: 'reconQueue',
    method: 'GET',
    path: '/api/v1/admin/recon/items',
    summary: 'Differences still open (or all, newest first), across days',
    tag: 'recon',
    auth: staffAuth(MARKET_STAFF),
    query: limitQuery.extend({ status: z.enum(['open', 'resolved', 'all']).default('open') }),
    response: z.object({ items: z.array(itemView) }),
    handler: async ({ db, query }) => {
      let q = rdb(db).selectFrom('recon_item').select(ITEM_COLS);
      if (query.status !== 'all') q = q.where('status', '=', query.status);
      return { items: await q.orderBy('bill_date', 'desc').orderBy('created_ms').limit(query.limit).execute() };
    },
  }),
  defineRoute({
    id: 'reconResolve',
    method: 'POST',
    path: '/api/v1/admin/recon/items/:item_id/resolve',
    summary: 'Work a difference: 补单 (bu_dan), 挂账 to suspense, refund, or explain; recorded with who and why',
    tag: 'recon',
    auth: staffAuth(MARKET_STAFF),
    params: z.object({ item_id: idSchema }),
    body: z.object({ action: z.enum(STAFF_ACTIONS), note: z.string().max(NOTE_MAX_CHARS).default('') }),
    example: { action: 'suspense' as const, note: '待查' },
    response: itemView,
    handler: async ({ db, params, body, staff, now, auditTarget }) => {
      auditTarget(params.item_id);
      const item = await actOnItem(db, reconPortsOf(db), params.item_id, body.action, must(staff, 'staff').id, body.note, now);
      return itemView.parse(item);
    },
  }),
  defineRoute({
    id: 'reconRuns',
    method: 'GET',
    path: '/api/v1/admin/recon/runs',
    summary: 'Reconciliation runs, newest first',
    tag: 'recon',
    auth: staffAuth(MARKET_STAFF),
    query: limitQuery,
    response: z.object({ runs: z.array(runView) }),
    handler: async ({ db, query }) => ({ runs: await rdb(db).selectFrom('recon_run').selectAll().orderBy('started_ms', 'desc').limit(query.limit).execute() }),
  }),
];
