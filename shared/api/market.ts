/** The market (time zone, business-day cut-off) and its stalls (sub-merchant id, settlement account). */
import { z } from 'zod';
import { ADMIN_ONLY, ALL_STAFF } from './roles';
import { defineApi, staffAuth } from './route';
import { int, nameSchema, stallParams } from './schemas';

const timeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown IANA time zone');
const marketView = z.object({
  id: z.string(),
  name: z.string(),
  time_zone: z.string(),
  day_cutoff_hour: int,
});
const stallView = z.object({
  id: z.string(),
  name: z.string(),
  sub_mchid: z.string().nullable(),
  settlement_account: z.string().nullable(),
  config_version: int,
});
const subMchid = z
  .string()
  .regex(/^[0-9A-Za-z_-]{1,32}$/)
  .nullable();
const settlementAccount = z.string().trim().min(1).max(64).nullable();

export const marketApi = {
  marketGet: defineApi({
    id: 'marketGet',
    method: 'GET',
    path: '/api/v1/admin/market',
    summary: 'The market: name, time zone, business-day cut-off hour',
    tag: 'market',
    auth: staffAuth(ALL_STAFF),
    response: marketView,
    errors: ['not_found'],
  }),
  marketPut: defineApi({
    id: 'marketPut',
    method: 'PUT',
    path: '/api/v1/admin/market',
    summary: 'Set up or change the market',
    tag: 'market',
    auth: staffAuth(ADMIN_ONLY),
    body: z.object({
      name: nameSchema,
      time_zone: timeZoneSchema,
      day_cutoff_hour: z.number().int().min(0).max(23),
    }),
    example: { name: '城南农产品批发市场', time_zone: 'Asia/Shanghai', day_cutoff_hour: 4 },
    response: marketView,
  }),
  stallList: defineApi({
    id: 'stallList',
    method: 'GET',
    path: '/api/v1/admin/stalls',
    summary: 'Stalls (a stall owner sees only their own)',
    tag: 'stalls',
    auth: staffAuth(ALL_STAFF),
    response: z.object({ stalls: z.array(stallView) }),
  }),
  stallCreate: defineApi({
    id: 'stallCreate',
    method: 'POST',
    path: '/api/v1/admin/stalls',
    summary: 'Create a stall with its institution sub-merchant id and settlement account',
    tag: 'stalls',
    auth: staffAuth(ADMIN_ONLY),
    status: 201,
    body: z.object({
      name: nameSchema,
      sub_mchid: subMchid.default(null),
      settlement_account: settlementAccount.default(null),
    }),
    example: { name: '赵记菌菇', sub_mchid: '1900000109', settlement_account: '6222 0000 1111 2222' },
    response: stallView,
    errors: ['conflict'],
  }),
  stallGet: defineApi({
    id: 'stallGet',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id',
    summary: 'One stall',
    tag: 'stalls',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    response: stallView,
  }),
  stallUpdate: defineApi({
    id: 'stallUpdate',
    method: 'PATCH',
    path: '/api/v1/admin/stalls/:stall_id',
    summary: "Change a stall's name, sub-merchant id or settlement account",
    tag: 'stalls',
    auth: staffAuth(ADMIN_ONLY),
    params: stallParams,
    body: z.object({
      name: nameSchema.optional(),
      sub_mchid: subMchid.optional(),
      settlement_account: settlementAccount.optional(),
    }),
    example: { settlement_account: '6222 0000 3333 4444' },
    response: stallView,
  }),
};
