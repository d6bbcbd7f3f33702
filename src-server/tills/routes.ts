/**
 * What a stall's tills get with their config: settings (rounding 抹零, the
 * refund amount above which a manager's PIN is needed, price override) and the
 * cashiers with their PIN hashes. Every change bumps the stall's config version
 * and tells its open terminal streams (terminals/config-change.ts).
 */
import { fastUlid } from '../db/ids';
import { z } from 'zod';
import { ROUNDING_MODES } from '../../shared/sales/rounding';
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';
import { defineRoute, staffAuth } from '../http/route';
import { idSchema, nameSchema, stallParams } from '../http/schemas';
import { ALL_STAFF } from '../staff/roles';
import { changeConfig } from '../terminals/config-change';
import { PIN_RE, hashPin } from './pin';

const settingsSchema = z.object({ rounding: z.enum(ROUNDING_MODES), refund_manager_limit_fen: z.number().int().min(0).max(1e10), allow_price_override: z.boolean() });
const cashierView = z.object({ id: z.string(), stall_id: z.string(), name: z.string(), role: z.enum(['cashier', 'manager']), active: z.boolean() });

export async function stallSettings(db: ServerDb, stallId: string): Promise<z.infer<typeof settingsSchema>> {
  const s = await db.selectFrom('stall').select(['rounding', 'refund_manager_limit_fen', 'allow_price_override']).where('id', '=', stallId).executeTakeFirstOrThrow();
  return settingsSchema.parse({ rounding: s.rounding, refund_manager_limit_fen: s.refund_manager_limit_fen, allow_price_override: s.allow_price_override === 1 });
}

export const tillRoutes = [
  defineRoute({
    id: 'stallSettingsGet',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/settings',
    summary: "A stall's till settings",
    tag: 'tills',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    response: settingsSchema,
    handler: async ({ db, params }) => stallSettings(db, params.stall_id),
  }),
  defineRoute({
    id: 'stallSettingsPut',
    method: 'PUT',
    path: '/api/v1/admin/stalls/:stall_id/settings',
    summary: "Set a stall's till settings (its terminals pull them with the config)",
    tag: 'tills',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    body: settingsSchema,
    example: { rounding: 'floor_jiao', refund_manager_limit_fen: 10000, allow_price_override: true },
    response: settingsSchema,
    handler: async ({ db, params, body }) => {
      await changeConfig(db, async (trx, bump) => {
        await trx.updateTable('stall').set({ rounding: body.rounding, refund_manager_limit_fen: body.refund_manager_limit_fen, allow_price_override: body.allow_price_override ? 1 : 0 }).where('id', '=', params.stall_id).execute();
        await bump(params.stall_id);
      });
      return body;
    },
  }),
  defineRoute({
    id: 'cashierList',
    method: 'GET',
    path: '/api/v1/admin/stalls/:stall_id/cashiers',
    summary: "A stall's cashiers (never their PINs)",
    tag: 'tills',
    auth: staffAuth(ALL_STAFF),
    params: stallParams,
    response: z.object({ cashiers: z.array(cashierView) }),
    handler: async ({ db, params }) => ({
      cashiers: (await db.selectFrom('cashier').select(['id', 'stall_id', 'name', 'role', 'active']).where('stall_id', '=', params.stall_id).orderBy('name').execute()).map((c) => ({ ...c, active: c.active === 1 })),
    }),
  }),
  defineRoute({
    id: 'cashierCreate',
    method: 'POST',
    path: '/api/v1/admin/stalls/:stall_id/cashiers',
    summary: 'Add a cashier or manager with a PIN (4–8 digits); the tills replace their own cashiers with the server’s',
    tag: 'tills',
    auth: staffAuth(ALL_STAFF),
    status: 201,
    params: stallParams,
    body: z.object({ name: nameSchema, role: z.enum(['cashier', 'manager']), pin: z.string().regex(PIN_RE, 'PIN is 4 to 8 digits') }),
    example: { name: '小李', role: 'cashier' as const, pin: '2468' },
    response: cashierView,
    handler: async ({ db, params, body, now, auditTarget }) => {
      const id = fastUlid(now);
      const pin_hash = await hashPin(body.pin);
      await changeConfig(db, async (trx, bump) => {
        await trx.insertInto('cashier').values({ id, stall_id: params.stall_id, name: body.name, role: body.role, pin_hash, active: 1, created_ms: now }).execute();
        await bump(params.stall_id);
      });
      auditTarget(id);
      return { id, stall_id: params.stall_id, name: body.name, role: body.role, active: true };
    },
  }),
  defineRoute({
    id: 'cashierDeactivate',
    method: 'POST',
    path: '/api/v1/admin/cashiers/:cashier_id/deactivate',
    summary: 'Deactivate a cashier: the tills drop them at their next config pull',
    tag: 'tills',
    auth: staffAuth(ALL_STAFF),
    params: z.object({ cashier_id: idSchema }),
    response: cashierView,
    handler: async ({ db, params }) => {
      const c = await db.selectFrom('cashier').select(['id', 'stall_id', 'name', 'role']).where('id', '=', params.cashier_id).executeTakeFirst();
      if (!c) throw new ApiError('not_found', `no cashier ${params.cashier_id}`);
      await changeConfig(db, async (trx, bump) => {
        await trx.updateTable('cashier').set({ active: 0 }).where('id', '=', c.id).execute();
        await bump(c.stall_id);
      });
      return { ...c, active: false };
    },
  }),
];
