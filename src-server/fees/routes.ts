/** The fee schedule: market staff read and replace it whole; a stall owner reads what applies to their stall. */
import { fastUlid } from '../db/ids';
import { z } from 'zod';
import { ApiError } from '../http/errors';
import { defineRoute, staffAuth } from '../http/route';
import { idSchema, stallParams } from '../http/schemas';
import { ALL_STAFF, MARKET_STAFF } from '../staff/roles';
import { feeKindSchema } from './fees';

const ruleSchema = z.object({ stall_id: idSchema.nullable(), kind: feeKindSchema, rate_bp: z.number().int().min(0).max(10_000), fixed_fen: z.number().int().min(0).max(1e9) });
const scheduleView = z.object({ rules: z.array(ruleSchema) });

export const feeRoutes = [
  defineRoute({
    id: 'feeScheduleGet',
    method: 'GET',
    path: '/api/v1/admin/fees',
    summary: 'The whole fee schedule',
    tag: 'fees',
    auth: staffAuth(MARKET_STAFF),
    response: scheduleView,
    handler: async ({ db }) => scheduleView.parse({ rules: await db.selectFrom('fee_rule').select(['stall_id', 'kind', 'rate_bp', 'fixed_fen']).orderBy('kind').orderBy('stall_id').execute() }),
  }),
  defineRoute({
    id: 'feeSchedulePut',
    method: 'PUT',
    path: '/api/v1/admin/fees',
    summary: 'Replace the fee schedule (market defaults with stall_id null, per-stall overrides)',
    tag: 'fees',
    auth: staffAuth(MARKET_STAFF),
    body: z.object({ rules: z.array(ruleSchema).max(1000) }).refine((b) => new Set(b.rules.map((r) => `${r.stall_id}|${r.kind}`)).size === b.rules.length, 'one rule per (stall_id, kind)'),
    example: { rules: [{ stall_id: null, kind: 'trade_commission', rate_bp: 30, fixed_fen: 0 }, { stall_id: 'S01', kind: 'rent', rate_bp: 0, fixed_fen: 300000 }] },
    response: scheduleView,
    handler: async ({ db, body, now }) => {
      const stalls = [...new Set(body.rules.map((r) => r.stall_id).filter((s): s is string => s !== null))];
      if (stalls.length > 0) {
        const found = await db.selectFrom('stall').select('id').where('id', 'in', stalls).execute();
        if (found.length !== stalls.length) throw new ApiError('not_found', 'a rule names an unknown stall');
      }
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('fee_rule').execute();
        if (body.rules.length > 0) await trx.insertInto('fee_rule').values(body.rules.map((r) => ({ id: fastUlid(now), ...r, updated_ms: now }))).execute();
      });
      return { rules: body.rules };
    },
  }),
  defineRoute({
    id: 'stallFees',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/fees',
    summary: 'The fee rules that apply to one stall (its overrides, else the market defaults)',
    tag: 'fees',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    response: scheduleView,
    handler: async ({ db, params }) => {
      const rows = await db.selectFrom('fee_rule').select(['stall_id', 'kind', 'rate_bp', 'fixed_fen']).where((eb) => eb.or([eb('stall_id', '=', params.stall_id), eb('stall_id', 'is', null)])).execute();
      const own = new Set(rows.filter((r) => r.stall_id !== null).map((r) => r.kind));
      return scheduleView.parse({ rules: rows.filter((r) => r.stall_id !== null || !own.has(r.kind)) });
    },
  }),
];
