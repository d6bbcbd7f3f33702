/** Buyers (采购商) known to a stall, with on-account credit limits, and the fee schedule. */
import { z } from 'zod';
import { ALL_STAFF, MARKET_STAFF } from './roles';
import { defineApi, staffAuth } from './route';
import { buyerParams, idSchema, int, nameSchema, creditLimitFen, stallParams } from './schemas';

const phoneSchema = z.string().regex(/^[0-9+ -]{5,20}$/).nullable();
export const buyerViewSchema = z.object({ id: z.string(), stall_id: z.string(), name: z.string(), phone: z.string().nullable(), credit_limit_fen: int, owed_fen: int, over_limit: z.boolean() });

export const FEE_KINDS = ['trade_commission', 'entry', 'storage', 'inspection', 'parking', 'rent'] as const;
export const feeKindSchema = z.enum(FEE_KINDS);
const ruleSchema = z.object({ stall_id: idSchema.nullable(), kind: feeKindSchema, rate_bp: z.number().int().min(0).max(10_000), fixed_fen: z.number().int().min(0).max(1e9) });
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
    body: z.object({ name: nameSchema, phone: phoneSchema.default(null), credit_limit_fen: creditLimitFen }),
    example: { name: '刘记饭店', phone: '138 0000 0000', credit_limit_fen: 500000 },
    response: buyerViewSchema,
  }),
  buyerUpdate: defineApi({
    id: 'buyerUpdate',
    method: 'PATCH',
    path: '/api/v1/admin/buyers/:buyer_id',
    summary: "Change a buyer's name, phone or credit limit",
    tag: 'buyers',
    auth: staffAuth(ALL_STAFF),
    params: buyerParams,
    body: z.object({ name: nameSchema.optional(), phone: phoneSchema.optional(), credit_limit_fen: creditLimitFen.optional() }),
    example: { credit_limit_fen: 800000 },
    response: buyerViewSchema,
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
      .refine((b) => new Set(b.rules.map((r) => `${r.stall_id}|${r.kind}`)).size === b.rules.length, 'one rule per (stall_id, kind)'),
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
