/** Staff login, logout and session, and staff accounts (admin only). */
import { fastUlid } from '../db/ids';
import { z } from 'zod';
import { audit } from '../audit/audit';
import { sessionCookie } from '../http/cookies';
import { ApiError } from '../http/errors';
import { PUBLIC, defineRoute, must, staffAuth } from '../http/route';
import { idSchema, okSchema } from '../http/schemas';
import { hashPassword, verifyPassword } from './password';
import { loginAllowed, recordLogin } from './rate-limit';
import { ADMIN_ONLY, ALL_STAFF, staffRoleSchema } from './roles';
import { SESSION_COOKIE, SESSION_TTL_MS, createSession, endSession, endSessionsOf } from './sessions';

const usernameSchema = z.string().trim().min(1).max(64);
const passwordSchema = z.string().min(10).max(200);
const staffView = z.object({ id: z.string(), username: z.string(), role: staffRoleSchema, stall_id: z.string().nullable() });
const sessionView = z.object({ user: staffView, csrf_token: z.string() });

// A well-formed hash to compare against when the user does not exist, so timing does not tell.
let dummyHash: Promise<string> | null = null;

export const staffRoutes = [
  defineRoute({
    id: 'staffLogin',
    method: 'POST',
    path: '/api/v1/admin/login',
    summary: 'Log in; sets an httpOnly SameSite=Strict session cookie and answers the CSRF token',
    tag: 'auth',
    auth: PUBLIC,
    body: z.object({ username: usernameSchema, password: z.string().min(1).max(200) }),
    example: { username: 'admin', password: 'market-demo' },
    response: sessionView,
    handler: async ({ db, body, now, ip, req, reply }) => {
      if (!(await loginAllowed(db, body.username, ip, now))) {
        await audit(db, { staffId: null, action: 'staffLoginRateLimited', target: body.username, detail: null, ip }, now);
        throw new ApiError('rate_limited', 'too many failed logins; wait 15 minutes');
      }
      const user = await db.selectFrom('staff_user').selectAll().where('username', '=', body.username).executeTakeFirst();
      const ok = await verifyPassword(body.password, user?.password_hash ?? (await (dummyHash ??= hashPassword('not-a-password'))));
      await recordLogin(db, body.username, ip, ok && !!user, now);
      if (!ok || !user) {
        await audit(db, { staffId: null, action: 'staffLoginFailed', target: body.username, detail: null, ip }, now);
        throw new ApiError('unauthenticated', 'wrong username or password');
      }
      const s = await createSession(db, user.id, now);
      reply.header('set-cookie', sessionCookie(SESSION_COOKIE, s.token, { maxAgeS: SESSION_TTL_MS / 1000, path: '/api/v1/admin', secure: req.protocol === 'https' }));
      await audit(db, { staffId: user.id, action: 'staffLogin', target: user.id, detail: null, ip }, now);
      return { user: { id: user.id, username: user.username, role: user.role, stall_id: user.stall_id }, csrf_token: s.csrf_token };
    },
  }),
  defineRoute({
    id: 'staffLogout',
    method: 'POST',
    path: '/api/v1/admin/logout',
    summary: 'End this session',
    tag: 'auth',
    auth: staffAuth(ALL_STAFF),
    response: okSchema,
    handler: async ({ db, staff, reply, req }) => {
      await endSession(db, must(staff, 'staff').session_hash);
      reply.header('set-cookie', sessionCookie(SESSION_COOKIE, 'x', { maxAgeS: 0, path: '/api/v1/admin', secure: req.protocol === 'https' }));
      return { ok: true as const };
    },
  }),
  defineRoute({
    id: 'staffSession',
    method: 'GET',
    path: '/api/v1/admin/session',
    summary: 'Who is logged in, and the CSRF token for state-changing calls',
    tag: 'auth',
    auth: staffAuth(ALL_STAFF),
    response: sessionView,
    handler: async ({ staff }) => {
      const s = must(staff, 'staff');
      return { user: { id: s.id, username: s.username, role: s.role, stall_id: s.stall_id }, csrf_token: s.csrf_token };
    },
  }),
  defineRoute({
    id: 'staffList',
    method: 'GET',
    path: '/api/v1/admin/staff',
    summary: 'Staff accounts',
    tag: 'staff',
    auth: staffAuth(ADMIN_ONLY),
    response: z.object({ staff: z.array(staffView) }),
    handler: async ({ db }) => ({ staff: await db.selectFrom('staff_user').select(['id', 'username', 'role', 'stall_id']).orderBy('username').execute() }),
  }),
  defineRoute({
    id: 'staffCreate',
    method: 'POST',
    path: '/api/v1/admin/staff',
    summary: 'Create a staff account; a stall owner needs their stall',
    tag: 'staff',
    auth: staffAuth(ADMIN_ONLY),
    status: 201,
    body: z
      .object({ username: usernameSchema, password: passwordSchema, role: staffRoleSchema, stall_id: idSchema.nullable().default(null) })
      .refine((b) => (b.role === 'stall_owner') === (b.stall_id !== null), 'stall_id is required for a stall owner and only for one'),
    example: { username: 'owner-s01', password: 'correct horse battery', role: 'stall_owner', stall_id: 'S01' },
    response: staffView,
    handler: async ({ db, body, now, auditTarget }) => {
      if (body.stall_id && !(await db.selectFrom('stall').select('id').where('id', '=', body.stall_id).executeTakeFirst())) throw new ApiError('not_found', `no stall ${body.stall_id}`);
      if (await db.selectFrom('staff_user').select('id').where('username', '=', body.username).executeTakeFirst()) throw new ApiError('conflict', `username ${body.username} is taken`);
      const id = fastUlid(now);
      await db.insertInto('staff_user').values({ id, username: body.username, password_hash: await hashPassword(body.password), role: body.role, stall_id: body.stall_id }).execute();
      auditTarget(id);
      return { id, username: body.username, role: body.role, stall_id: body.stall_id };
    },
  }),
  defineRoute({
    id: 'staffSetPassword',
    method: 'POST',
    path: '/api/v1/admin/staff/:staff_id/password',
    summary: "Set a staff member's password; ends their sessions",
    tag: 'staff',
    auth: staffAuth(ADMIN_ONLY),
    params: z.object({ staff_id: idSchema }),
    body: z.object({ new_password: passwordSchema }),
    example: { new_password: 'another long passphrase' },
    response: okSchema,
    handler: async ({ db, params, body }) => {
      if (!(await db.selectFrom('staff_user').select('id').where('id', '=', params.staff_id).executeTakeFirst())) throw new ApiError('not_found', `no staff ${params.staff_id}`);
      await db.updateTable('staff_user').set({ password_hash: await hashPassword(body.new_password) }).where('id', '=', params.staff_id).execute();
      await endSessionsOf(db, params.staff_id);
      return { ok: true as const };
    },
  }),
];
