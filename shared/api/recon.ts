/** Staff API of reconciliation: a day's status and differences, run it now, the open queue, act on a difference. */
import { z } from 'zod';
import { MARKET_STAFF } from './roles';
import { defineApi, staffAuth } from './route';
import { jobViewSchema } from './jobs';
import { idSchema, int, limitQuery } from './schemas';

export const STAFF_ACTIONS = ['bu_dan', 'suspense', 'refund', 'explain'] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];
export const NOTE_MAX_CHARS = 500;

export type ReconItem = z.output<typeof reconItemSchema>;
const billDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'bill date is YYYY-MM-DD');
export const reconItemSchema = z.object({
  id: z.string(),
  bill_date: z.string(),
  kind: z.string(),
  record: z.string(),
  out_trade_no: z.string(),
  out_refund_no: z.string().nullable(),
  stall_id: z.string().nullable(),
  sub_mchid: z.string(),
  inst_amount_fen: int.nullable(),
  plat_amount_fen: int.nullable(),
  inst_state: z.string().nullable(),
  plat_state: z.string().nullable(),
  cause: z.string(),
  suggestion: z.string(),
  status: z.string(),
  resolution: z.string().nullable(),
  resolved_by: z.string().nullable(),
  resolved_by_name: z.string().nullable().optional(),
  resolved_ms: int.nullable(),
  note: z.string().nullable(),
  ledger_ref: z.string().nullable(),
  created_ms: int,
});
const runView = z.object({
  id: z.string(),
  bill_date: z.string(),
  state: z.string(),
  rows: int,
  matched: int,
  matched_fen: int,
  differences: int,
  auto_resolved: int,
  sha1: z.string().nullable(),
  error: z.string().nullable(),
  started_by: z.string(),
  started_ms: int,
  finished_ms: int.nullable(),
});

export const reconApi = {
  reconDay: defineApi({
    id: 'reconDay',
    method: 'GET',
    path: '/api/v1/admin/recon/days/:bill_date',
    summary:
      "A bill day's reconciliation: the last run, open and resolved differences, and whether the day is reconciled",
    tag: 'recon',
    auth: staffAuth(MARKET_STAFF),
    params: z.object({ bill_date: billDate }),
    response: z.object({
      bill_date: z.string(),
      run: runView.nullable(),
      open: int,
      resolved: int,
      reconciled: z.boolean(),
      items: z.array(reconItemSchema),
    }),
  }),
  reconRun: defineApi({
    id: 'reconRun',
    method: 'POST',
    path: '/api/v1/admin/recon/days/:bill_date/run',
    summary:
      "Reconcile the day against the institution's bill: answers at once with the job (the day's job already queued or running, else a new one); follow it at jobGet",
    tag: 'recon',
    auth: staffAuth(MARKET_STAFF),
    params: z.object({ bill_date: billDate }),
    status: 202,
    response: jobViewSchema,
    errors: ['conflict'],
  }),
  reconQueue: defineApi({
    id: 'reconQueue',
    method: 'GET',
    path: '/api/v1/admin/recon/items',
    summary: 'Differences still open (or all, newest first), across days',
    tag: 'recon',
    auth: staffAuth(MARKET_STAFF),
    query: limitQuery.extend({ status: z.enum(['open', 'resolved', 'all']).default('open') }),
    response: z.object({ items: z.array(reconItemSchema) }),
  }),
  reconResolve: defineApi({
    id: 'reconResolve',
    method: 'POST',
    path: '/api/v1/admin/recon/items/:item_id/resolve',
    summary:
      'Work a difference: 补单 (bu_dan), 挂账 to suspense, refund, or explain; recorded with who and why',
    tag: 'recon',
    auth: staffAuth(MARKET_STAFF),
    params: z.object({ item_id: idSchema }),
    body: z.object({ action: z.enum(STAFF_ACTIONS), note: z.string().max(NOTE_MAX_CHARS).default('') }),
    example: { action: 'suspense', note: '待查' },
    response: reconItemSchema,
    errors: ['not_found', 'conflict'],
  }),
  reconRuns: defineApi({
    id: 'reconRuns',
    method: 'GET',
    path: '/api/v1/admin/recon/runs',
    summary: 'Reconciliation runs, newest first',
    tag: 'recon',
    auth: staffAuth(MARKET_STAFF),
    query: limitQuery,
    response: z.object({ runs: z.array(runView) }),
  }),
};
