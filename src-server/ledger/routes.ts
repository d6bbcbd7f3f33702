/** The ledger's admin API: chart, templates, balances, the invariant checks, and posting a business event. */
import { z } from 'zod';
import { LEDGER_AMOUNT_FEN_MAX } from '../../shared/limits';
import { marketFee } from '../fees/fees';
import { ApiError } from '../http/errors';
import { defineRoute, staffAuth } from '../http/route';
import { daySchema, idSchema, stallParams } from '../http/schemas';
import { ALL_STAFF, MARKET_STAFF } from '../staff/roles';
import { CHART } from './chart';
import { postEntryTx } from './post';
import { balances, secondaryClearingViolations, unbalancedEntries } from './queries';
import { TEMPLATES, TXN_TYPES, type TxnType } from './templates';

const balanceView = z.object({ balances: z.array(z.object({ account_id: z.string(), chart_code: z.string(), book: z.string(), stall_id: z.string().nullable(), buyer_id: z.string().nullable(), balance_fen: z.number().int() })) });
const txnTypeSchema = z.enum(TXN_TYPES as [TxnType, ...TxnType[]]);

export const ledgerRoutes = [
  defineRoute({
    id: 'ledgerChart',
    method: 'GET',
    path: '/api/v1/admin/ledger/chart',
    summary: 'The chart of accounts (会计科目), memo book and the market’s own book',
    tag: 'ledger',
    auth: staffAuth(MARKET_STAFF),
    response: z.object({ accounts: z.array(z.object({ code: z.string(), book: z.string(), name_zh: z.string(), name_en: z.string(), normal: z.string(), owner: z.string() }).passthrough()) }),
    handler: async () => ({ accounts: [...CHART] }),
  }),
  defineRoute({
    id: 'ledgerTemplates',
    method: 'GET',
    path: '/api/v1/admin/ledger/templates',
    summary: 'The entry template of every business transaction type',
    tag: 'ledger',
    auth: staffAuth(MARKET_STAFF),
    response: z.object({ templates: z.record(z.string(), z.object({ name_zh: z.string(), description: z.string(), legs: z.array(z.object({ code: z.string(), side: z.string(), amount: z.string() })).readonly() }).passthrough()) }),
    handler: async () => ({ templates: TEMPLATES }),
  }),
  defineRoute({
    id: 'ledgerBalances',
    method: 'GET',
    path: '/api/v1/admin/ledger/balances',
    summary: 'Balances of every account (debit positive), optionally of one stall',
    tag: 'ledger',
    auth: staffAuth(MARKET_STAFF),
    query: z.object({ stall_id: idSchema.optional() }),
    response: balanceView,
    handler: async ({ db, query }) => ({ balances: await balances(db, { stall_id: query.stall_id ?? null }) }),
  }),
  defineRoute({
    id: 'stallLedgerBalances',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/ledger/balances',
    summary: "A stall's memo accounts (what it and the institution hold for it, what buyers owe it)",
    tag: 'ledger',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    response: balanceView,
    handler: async ({ db, params }) => ({ balances: await balances(db, { stall_id: params.stall_id }) }),
  }),
  defineRoute({
    id: 'ledgerInvariants',
    method: 'GET',
    path: '/api/v1/admin/ledger/invariants',
    summary: 'Runs the ledger checks: every entry balances per book; market cash only ever received the market’s fee share (no 二清)',
    tag: 'ledger',
    auth: staffAuth(MARKET_STAFF),
    response: z.object({
      ok: z.boolean(),
      unbalanced: z.array(z.object({ entry_id: z.string(), book: z.string(), sum_fen: z.number().int() })),
      secondary_clearing: z.array(z.object({ entry_id: z.string(), txn_type: z.string(), account_id: z.string(), amount_fen: z.number().int(), fee_share_fen: z.number().int() })),
    }),
    handler: async ({ db }) => {
      const unbalanced = await unbalancedEntries(db);
      const secondary_clearing = await secondaryClearingViolations(db);
      return { ok: unbalanced.length === 0 && secondary_clearing.length === 0, unbalanced, secondary_clearing };
    },
  }),
  defineRoute({
    id: 'ledgerPost',
    method: 'POST',
    path: '/api/v1/admin/ledger/events',
    summary: 'Post a business event by its template, idempotently (a split without fee_fen takes the fee schedule’s trade commission)',
    tag: 'ledger',
    auth: staffAuth(MARKET_STAFF),
    body: z.object({
      idem_key: z.string().min(1).max(128),
      txn_type: txnTypeSchema,
      business_day: daySchema,
      stall_id: idSchema.nullable(),
      buyer_id: idSchema.nullable().default(null),
      amount_fen: z.number().int().positive().max(LEDGER_AMOUNT_FEN_MAX),
      fee_fen: z.number().int().nonnegative().max(LEDGER_AMOUNT_FEN_MAX).optional(),
      ref: z.string().max(128).nullable().default(null),
    }),
    example: { idem_key: 'split:order-0001', txn_type: 'split', business_day: '20260315', stall_id: 'S01', buyer_id: null, amount_fen: 10000, ref: 'order-0001' },
    response: z.object({ status: z.enum(['created', 'exists']), entry_id: z.string() }),
    handler: async ({ db, body, now, auditTarget }) => {
      if (body.stall_id && !(await db.selectFrom('stall').select('id').where('id', '=', body.stall_id).executeTakeFirst())) throw new ApiError('not_found', `no stall ${body.stall_id}`);
      if (body.buyer_id && !(await db.selectFrom('buyer').select('id').where('id', '=', body.buyer_id).where('stall_id', '=', body.stall_id ?? '').executeTakeFirst())) throw new ApiError('not_found', `no buyer ${body.buyer_id} at this stall`);
      const fee = body.fee_fen ?? (body.txn_type === 'split' && body.stall_id ? await marketFee(db, body.stall_id, body.amount_fen) : undefined);
      const r = await postEntryTx(db, { ...body, fee_fen: fee }, now);
      auditTarget(r.entry_id);
      return r;
    },
  }),
];
