/**
 * What a stall's tills get with their config: settings (shared/stall-settings.ts:
 * 抹零, refund limit, price override and its floor, the receipt's header, footer,
 * stall number and phone, the payment-code wait) and the
 * cashiers with their PIN hashes. Every change bumps the stall's config version
 * and tells its open terminal streams (terminals/config-change.ts).
 */
import { api } from '../../shared/api';
import { stallSettingsSchema, type StallSettings } from '../../shared/stall-settings';
import { fastUlid } from '../db/ids';
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';
import { implement } from '../http/route';
import { changeConfig } from '../terminals/config-change';
import { hashPin } from './pin';

const SETTINGS_COLUMNS = [
  'rounding',
  'refund_manager_limit_fen',
  'allow_price_override',
  'price_override_floor_pct',
  'receipt_header',
  'receipt_footer',
  'stall_no',
  'stall_phone',
  'code_pay_timeout_s',
] as const;

export async function stallSettings(db: ServerDb, stallId: string): Promise<StallSettings> {
  const s = await db
    .selectFrom('stall')
    .select(SETTINGS_COLUMNS)
    .where('id', '=', stallId)
    .executeTakeFirstOrThrow();
  return stallSettingsSchema.parse({ ...s, allow_price_override: s.allow_price_override === 1 });
}

export const tillRoutes = [
  implement(api.stallSettingsGet, async ({ db, params }) => stallSettings(db, params.stall_id)),
  implement(api.stallSettingsPut, async ({ db, services, params, body }) => {
    await changeConfig(db, services.events, async (trx, bump) => {
      await trx
        .updateTable('stall')
        .set({ ...body, allow_price_override: body.allow_price_override ? 1 : 0 })
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
