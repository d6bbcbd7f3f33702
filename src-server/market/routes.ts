/** The market (time zone, business-day cut-off) and its stalls (sub-merchant id, settlement account). */
import { api } from '../../shared/api';
import { fastUlid } from '../db/ids';
import { ApiError } from '../http/errors';
import { implement } from '../http/route';
import { visibleStall } from '../http/scope';

const STALL_COLS = ['id', 'name', 'sub_mchid', 'settlement_account', 'config_version'] as const;

export const marketRoutes = [
  implement(api.marketGet, async ({ db }) => {
    const m = await db.selectFrom('market').selectAll().executeTakeFirst();
    if (!m) throw new ApiError('not_found', 'no market set up yet');
    return m;
  }),
  implement(api.marketPut, async ({ db, body, now }) => {
    const m = await db.selectFrom('market').select('id').executeTakeFirst();
    const id = m?.id ?? fastUlid(now);
    if (m) await db.updateTable('market').set(body).where('id', '=', id).execute();
    else
      await db
        .insertInto('market')
        .values({ id, ...body })
        .execute();
    return { id, ...body };
  }),
  implement(api.stallList, async ({ db, staff }) => {
    const only = visibleStall(staff);
    let q = db.selectFrom('stall').select(STALL_COLS).orderBy('id');
    if (only) q = q.where('id', '=', only);
    return { stalls: await q.execute() };
  }),
  implement(api.stallCreate, async ({ db, body, now, auditTarget }) => {
    const m = await db.selectFrom('market').select('id').executeTakeFirst();
    if (!m) throw new ApiError('conflict', 'set up the market first');
    const id = fastUlid(now);
    await db
      .insertInto('stall')
      .values({ id, market_id: m.id, ...body })
      .execute();
    auditTarget(id);
    return { id, ...body, config_version: 1 };
  }),
  implement(api.stallGet, async ({ db, params }) =>
    db.selectFrom('stall').select(STALL_COLS).where('id', '=', params.stall_id).executeTakeFirstOrThrow(),
  ),
  implement(api.stallUpdate, async ({ db, params, body }) => {
    if (Object.keys(body).length > 0)
      await db.updateTable('stall').set(body).where('id', '=', params.stall_id).execute();
    return db
      .selectFrom('stall')
      .select(STALL_COLS)
      .where('id', '=', params.stall_id)
      .executeTakeFirstOrThrow();
  }),
];
