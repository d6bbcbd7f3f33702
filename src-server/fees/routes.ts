/** The fee schedule: market staff read and replace it whole; a stall owner reads what applies to their stall. */
import { api } from '../../shared/api';
import { feeScheduleSchema } from '../../shared/api/buyers';
import { fastUlid } from '../db/ids';
import { ApiError } from '../http/errors';
import { implement } from '../http/route';

export const feeRoutes = [
  implement(api.feeScheduleGet, async ({ db }) =>
    feeScheduleSchema.parse({
      rules: await db
        .selectFrom('fee_rule')
        .select(['stall_id', 'kind', 'rate_bp', 'fixed_fen'])
        .orderBy('kind')
        .orderBy('stall_id')
        .execute(),
    }),
  ),
  implement(api.feeSchedulePut, async ({ db, body, now }) => {
    const stalls = [...new Set(body.rules.map((r) => r.stall_id).filter((s): s is string => s !== null))];
    if (stalls.length > 0) {
      const found = await db.selectFrom('stall').select('id').where('id', 'in', stalls).execute();
      if (found.length !== stalls.length) throw new ApiError('not_found', 'a rule names an unknown stall');
    }
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('fee_rule').execute();
      if (body.rules.length > 0)
        await trx
          .insertInto('fee_rule')
          .values(body.rules.map((r) => ({ id: fastUlid(now), ...r, updated_ms: now })))
          .execute();
    });
    return { rules: body.rules };
  }),
  implement(api.stallFees, async ({ db, params }) => {
    const rows = await db
      .selectFrom('fee_rule')
      .select(['stall_id', 'kind', 'rate_bp', 'fixed_fen'])
      .where((eb) => eb.or([eb('stall_id', '=', params.stall_id), eb('stall_id', 'is', null)]))
      .execute();
    const own = new Set(rows.filter((r) => r.stall_id !== null).map((r) => r.kind));
    return feeScheduleSchema.parse({ rules: rows.filter((r) => r.stall_id !== null || !own.has(r.kind)) });
  }),
];
