/** Buyers (采购商) known to a stall, with on-account credit limits, and the fee schedule. */
import { z } from 'zod';
import { CREDIT_LIMIT_FEN_MAX } from '../limits';
import { fileAnswer, formatQuery } from './exports';
import { ALL_STAFF, MARKET_STAFF } from './roles';
import { defineApi, staffAuth } from './route';
import { buyerParams, creditLimitFen, daySchema, idSchema, int, nameSchema, stallParams } from './schemas';

const phoneSchema = z
  .string()
  .trim()
  .regex(/^[0-9+ -]{5,20}$/, 'the phone number is 5 to 20 digits, spaces, + or -')
  .nullable();
const creditLimit = creditLimitFen.max(
  CREDIT_LIMIT_FEN_MAX,
  `the credit limit is at most ¥${CREDIT_LIMIT_FEN_MAX / 100}`,
);
export const buyerViewSchema = z.object({
  id: z.string(),
  stall_id: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  credit_limit_fen: int,
  owed_fen: int,
  /** business day of the oldest on-account sale not yet paid off */
  owed_since: z.string().nullable(),
  over_limit: z.boolean(),
});
const rangeQuery = z
  .object({ from: daySchema, to: daySchema })
  .refine((r) => r.from <= r.to, 'the range ends before it starts');
export const statementViewSchema = z.object({
  buyer: buyerViewSchema,
  from: z.string(),
  to: z.string(),
  opening_fen: int,
  charged_fen: int,
  repaid_fen: int,
  closing_fen: int,
  lines: z.array(
    z.object({
      business_day: z.string(),
      created_ms: int,
      txn_type: z.string(),
      ref: z.string().nullable(),
      amount_fen: int,
      balance_fen: int,
    }),
  ),
});

export const FEE_KINDS = ['trade_commission', 'entry', 'storage', 'inspection', 'parking', 'rent'] as const;
export const feeKindSchema = z.enum(FEE_KINDS);
const ruleSchema = z.object({
  stall_id: idSchema.nullable(),
  kind: feeKindSchema,
  rate_bp: z.number().int().min(0).max(10_000),
  fixed_fen: z.number().int().min(0).max(1e9),
});
export const feeScheduleSchema = z.object({ rules: z.array(ruleSchema) });

export const buyersApi = {
  buyerList: defineApi({
    id: 'buyerList',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/buyers',
    summary: "A stall's buyers with credit limits and what they owe",
    tag: 'buyers',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    response: z.object({ buyers: z.array(buyerViewSchema) }),
  }),
  buyerCreate: defineApi({
    id: 'buyerCreate',
    method: 'POST',
    path: '/api/v1/admin/stalls/:stall_id/buyers',
    summary: 'Add a buyer with an on-account credit limit at this stall',
    tag: 'buyers',
    auth: staffAuth(ALL_STAFF),
    status: 201,
    params: stallParams,
    body: z.object({ name: nameSchema, phone: phoneSchema.default(null), credit_limit_fen: creditLimit }),
    example: { name: '刘记饭店', phone: '138 0000 0000', credit_limit_fen: 500000 },
    response: buyerViewSchema,
    errors: ['conflict'],
  }),
  buyerUpdate: defineApi({
    id: 'buyerUpdate',
    method: 'PATCH',
    path: '/api/v1/admin/buyers/:buyer_id',
    summary: "Change a buyer's name, phone or credit limit",
    tag: 'buyers',
    auth: staffAuth(ALL_STAFF),
    params: buyerParams,
    body: z.object({
      name: nameSchema.optional(),
      phone: phoneSchema.optional(),
      credit_limit_fen: creditLimit.optional(),
    }),
    example: { credit_limit_fen: 800000 },
    response: buyerViewSchema,
    errors: ['conflict'],
  }),
  buyerStatement: defineApi({
    id: 'buyerStatement',
    method: 'GET',
    path: '/api/v1/admin/buyers/:buyer_id/statement',
    summary:
      "A buyer's statement (对账单): opening balance, every on-account sale and repayment in the range, closing balance",
    tag: 'buyers',
    auth: staffAuth(ALL_STAFF),
    params: buyerParams,
    query: rangeQuery,
    response: statementViewSchema,
  }),
  buyerStatementExport: defineApi({
    id: 'buyerStatementExport',
    method: 'GET',
    path: '/api/v1/admin/buyers/:buyer_id/statement/export',
    summary: "A buyer's statement as CSV or XLSX (Chinese headers, amounts in 元)",
    tag: 'buyers',
    auth: staffAuth(ALL_STAFF),
    params: buyerParams,
    query: rangeQuery.and(formatQuery),
    produces: 'table-file',
    response: fileAnswer,
  }),
  buyerExport: defineApi({
    id: 'buyerExport',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/buyers/export',
    summary: "A stall's buyers as CSV or XLSX",
    tag: 'buyers',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    query: formatQuery,
    produces: 'table-file',
    response: fileAnswer,
  }),
  feeScheduleGet: defineApi({
    id: 'feeScheduleGet',
    method: 'GET',
    path: '/api/v1/admin/fees',
    summary: 'The whole fee schedule',
    tag: 'fees',
    auth: staffAuth(MARKET_STAFF),
    response: feeScheduleSchema,
  }),
  feeSchedulePut: defineApi({
    id: 'feeSchedulePut',
    method: 'PUT',
    path: '/api/v1/admin/fees',
    summary: 'Replace the fee schedule (market defaults with stall_id null, per-stall overrides)',
    tag: 'fees',
    auth: staffAuth(MARKET_STAFF),
    body: z
      .object({ rules: z.array(ruleSchema).max(1000) })
      .refine(
        (b) => new Set(b.rules.map((r) => `${r.stall_id}|${r.kind}`)).size === b.rules.length,
        'one rule per (stall_id, kind)',
      ),
    example: {
      rules: [
        { stall_id: null, kind: 'trade_commission', rate_bp: 30, fixed_fen: 0 },
        { stall_id: 'S01', kind: 'rent', rate_bp: 0, fixed_fen: 300000 },
      ],
    },
    response: feeScheduleSchema,
    errors: ['not_found'],
  }),
  stallFees: defineApi({
    id: 'stallFees',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/fees',
    summary: 'The fee rules that apply to one stall (its overrides, else the market defaults)',
    tag: 'fees',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    response: feeScheduleSchema,
  }),
};
