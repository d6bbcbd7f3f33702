/**
 * What a stall's tills get with their config: settings (rounding 抹零, the
 * refund amount above which a manager's PIN is needed, price override) and the
 * cashiers with their PIN hashes. Every change bumps the stall's config version
 * and tells its open terminal streams (terminals/config-change.ts).
 */
import { api } from '../../shared/api';
import { stallSettingsSchema } from '../../shared/api/catalog';
import { fastUlid } from '../db/ids';
import { z } from 'zod';
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';
import { implement } from '../http/route';
import { changeConfig } from '../terminals/config-change';
import { hashPin } from './pin';

export async function stallSettings(
  db: ServerDb,
  stallId: string,
): Promise<z.output<typeof stallSettingsSchema>> {
  const s = await db
    .selectFrom('stall')
    .select(['rounding', 'refund_manager_limit_fen', 'allow_price_override'])
    .where('id', '=', stallId)
    .executeTakeFirstOrThrow();
  return stallSettingsSchema.parse({
    rounding: s.rounding,
    refund_manager_limit_fen: s.refund_manager_limit_fen,
    allow_price_override: s.allow_price_override === 1,
  });
}

export const tillRoutes = [
  implement(api.stallSettingsGet, async ({ db, params }) => stallSettings(db, params.stall_id)),
  implement(api.stallSettingsPut, async ({ db, services, params, body }) => {
    await changeConfig(db, services.events, async (trx, bump) => {
      await trx
        .updateTable('stall')
        .set({
          rounding: body.rounding,
          refund_manager_limit_fen: body.refund_manager_limit_fen,
          allow_price_override: body.allow_price_override ? 1 : 0,
        })
        .where('id', '=', params.stall_id)
        .execute();
      await bump(params.stall_id);
    });
    return body;
  }),
  implement(api.cashierList, async ({ db, params }) => ({
    cashiers: (
      await db
        .selectFrom('cashier')
        .select(['id', 'stall_id', 'name', 'role', 'active'])
        .where('stall_id', '=', params.stall_id)
        .orderBy('name')
        .execute()
    ).map((c) => ({ ...c, active: c.active === 1 })),
  })),
  implement(api.cashierCreate, async ({ db, services, params, body, now, auditTarget }) => {
    const id = fastUlid(now);
    const pin_hash = await hashPin(body.pin);
    await changeConfig(db, services.events, async (trx, bump) => {
      await trx
        .insertInto('cashier')
        .values({
          id,
          stall_id: params.stall_id,
          name: body.name,
          role: body.role,
          pin_hash,
          active: 1,
          created_ms: now,
        })
        .execute();
      await bump(params.stall_id);
    });
    auditTarget(id);
    return { id, stall_id: params.stall_id, name: body.name, role: body.role, active: true };
  }),
  implement(api.cashierDeactivate, async ({ db, services, params }) => {
    const c = await db
      .selectFrom('cashier')
      .select(['id', 'stall_id', 'name', 'role'])
      .where('id', '=', params.cashier_id)
      .executeTakeFirst();
    if (!c) throw new ApiError('not_found', `no cashier ${params.cashier_id}`);
    await changeConfig(db, services.events, async (trx, bump) => {
      await trx.updateTable('cashier').set({ active: 0 }).where('id', '=', c.id).execute();
      await bump(c.stall_id);
    });
    return { ...c, active: false };
  }),
];
