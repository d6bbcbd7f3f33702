/** The ledger's admin API: chart, templates, balances, the invariant checks, and posting a business event. */
import { z } from 'zod';
import { LEDGER_AMOUNT_FEN_MAX } from '../limits';
import { ALL_STAFF, MARKET_STAFF } from './roles';
import { defineApi, staffAuth } from './route';
import { daySchema, idSchema, int, stallParams } from './schemas';

/** The business transaction types, each with one entry template (src-server/ledger/templates.ts). */
export const TXN_TYPES = [
  'sale_cash',
  'sale_qr',
  'sale_credit',
  'payment_success',
  'repayment',
  'refund_cash',
  'refund_credit',
  'payment_failed',
  'refund_qr',
  'channel_fee',
  'split',
  'split_return',
  'channel_fee_return',
  'refund_closed',
  'market_fee',
  'market_fee_collected',
  'settlement',
] as const;
export type TxnType = (typeof TXN_TYPES)[number];

const balanceView = z.object({
  balances: z.array(
    z.object({
      account_id: z.string(),
      chart_code: z.string(),
      book: z.string(),
      stall_id: z.string().nullable(),
      buyer_id: z.string().nullable(),
      balance_fen: int,
    }),
  ),
});

export const ledgerApi = {
  ledgerChart: defineApi({
    id: 'ledgerChart',
    method: 'GET',
    path: '/api/v1/admin/ledger/chart',
    summary: 'The chart of accounts (会计科目), memo book and the market’s own book',
    tag: 'ledger',
    auth: staffAuth(MARKET_STAFF),
    response: z.object({
      accounts: z.array(
        z
          .object({
            code: z.string(),
            book: z.string(),
            name_zh: z.string(),
            name_en: z.string(),
            normal: z.string(),
            owner: z.string(),
          })
          .passthrough(),
      ),
    }),
  }),
  ledgerTemplates: defineApi({
    id: 'ledgerTemplates',
    method: 'GET',
    path: '/api/v1/admin/ledger/templates',
    summary: 'The entry template of every business transaction type',
    tag: 'ledger',
    auth: staffAuth(MARKET_STAFF),
    response: z.object({
      templates: z.record(
        z.string(),
        z
          .object({
            name_zh: z.string(),
            description: z.string(),
            legs: z.array(z.object({ code: z.string(), side: z.string(), amount: z.string() })).readonly(),
          })
          .passthrough(),
      ),
    }),
  }),
  ledgerBalances: defineApi({
    id: 'ledgerBalances',
    method: 'GET',
    path: '/api/v1/admin/ledger/balances',
    summary: 'Balances of every account (debit positive), optionally of one stall',
    tag: 'ledger',
    auth: staffAuth(MARKET_STAFF),
    query: z.object({ stall_id: idSchema.optional() }),
    response: balanceView,
  }),
  stallLedgerBalances: defineApi({
    id: 'stallLedgerBalances',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/ledger/balances',
    summary: "A stall's memo accounts (what it and the institution hold for it, what buyers owe it)",
    tag: 'ledger',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    response: balanceView,
  }),
  ledgerInvariants: defineApi({
    id: 'ledgerInvariants',
    method: 'GET',
    path: '/api/v1/admin/ledger/invariants',
    summary:
      'Runs the ledger checks: every entry balances per book; market cash only ever received the market’s fee share (no 二清)',
    tag: 'ledger',
    auth: staffAuth(MARKET_STAFF),
    response: z.object({
      ok: z.boolean(),
      unbalanced: z.array(z.object({ entry_id: z.string(), book: z.string(), sum_fen: int })),
      secondary_clearing: z.array(
        z.object({
          entry_id: z.string(),
          txn_type: z.string(),
          account_id: z.string(),
          amount_fen: int,
          fee_share_fen: int,
        }),
      ),
    }),
  }),
  ledgerPost: defineApi({
    id: 'ledgerPost',
    method: 'POST',
    path: '/api/v1/admin/ledger/events',
    summary:
      'Post a business event by its template, idempotently (a split without fee_fen takes the fee schedule’s trade commission)',
    tag: 'ledger',
    auth: staffAuth(MARKET_STAFF),
    body: z.object({
      idem_key: z.string().min(1).max(128),
      txn_type: z.enum(TXN_TYPES),
      business_day: daySchema,
      stall_id: idSchema.nullable(),
      buyer_id: idSchema.nullable().default(null),
      amount_fen: z.number().int().positive().max(LEDGER_AMOUNT_FEN_MAX),
      fee_fen: z.number().int().nonnegative().max(LEDGER_AMOUNT_FEN_MAX).optional(),
      ref: z.string().max(128).nullable().default(null),
    }),
    example: {
      idem_key: 'split:order-0001',
      txn_type: 'split',
      business_day: '20260315',
      stall_id: 'S01',
      buyer_id: null,
      amount_fen: 10000,
      ref: 'order-0001',
    },
    response: z.object({ status: z.enum(['created', 'exists']), entry_id: z.string() }),
    errors: ['not_found', 'exists_with_different_payload'],
  }),
};
