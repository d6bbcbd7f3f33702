/** Staff login, logout and session, and staff accounts (admin only). */
import { api } from '../../shared/api';
import { ADMIN_API_PREFIX, SESSION_COOKIE } from '../../shared/api/headers';
import { fastUlid } from '../db/ids';
import { audit } from '../audit/audit';
import { sessionCookie } from '../http/cookies';
import { ApiError } from '../http/errors';
import { implement, must } from '../http/route';
import { hashPassword, verifyPassword } from './password';
import { LOGIN_FREE_FAILURES, loginAllowed, recordLogin } from './rate-limit';
import { SESSION_TTL_MS, createSession, endSession, endSessionsOf } from './sessions';

// A well-formed hash to compare against when the user does not exist, so timing does not tell.
let dummyHash: Promise<string> | null = null;

export const staffRoutes = [
  implement(api.staffLogin, async ({ db, body, now, ip, req, reply }) => {
    const verdict = await loginAllowed(db, body.username, ip, now);
    if (!verdict.allowed) {
      const wait_s = Math.ceil(verdict.retry_after_ms / 1000);
      await audit(
        db,
        { staffId: null, action: 'staffLoginRateLimited', target: body.username, detail: { wait_s }, ip },
        now,
      );
      reply.header('retry-after', String(wait_s));
      throw new ApiError(
        'rate_limited',
        `too many failed logins for this account from this address; try again in ${wait_s} s`,
      );
    }
    const user = await db
      .selectFrom('staff_user')
      .selectAll()
      .where('username', '=', body.username)
      .executeTakeFirst();
    const ok = await verifyPassword(
      body.password,
      user?.password_hash ?? (await (dummyHash ??= hashPassword('not-a-password'))),
    );
    // The alert: this account is being guessed at from this address (its waits start now).
    if (await recordLogin(db, body.username, ip, ok && !!user, now))
      await audit(
        db,
        {
          staffId: null,
          action: 'staffLoginThrottled',
          target: body.username,
          detail: { failures: LOGIN_FREE_FAILURES },
          ip,
        },
        now,
      );
    if (!ok || !user) {
      await audit(
        db,
        { staffId: null, action: 'staffLoginFailed', target: body.username, detail: null, ip },
        now,
      );
      throw new ApiError('unauthenticated', 'wrong username or password');
    }
    const s = await createSession(db, user.id, now);
    reply.header(
      'set-cookie',
      sessionCookie(SESSION_COOKIE, s.token, {
        maxAgeS: SESSION_TTL_MS / 1000,
        path: ADMIN_API_PREFIX,
        secure: req.protocol === 'https',
      }),
    );
    await audit(db, { staffId: user.id, action: 'staffLogin', target: user.id, detail: null, ip }, now);
    return {
      user: { id: user.id, username: user.username, role: user.role, stall_id: user.stall_id },
      csrf_token: s.csrf_token,
    };
  }),
  implement(api.staffLogout, async ({ db, staff, reply, req }) => {
    await endSession(db, must(staff, 'staff').session_hash);
    reply.header(
      'set-cookie',
      sessionCookie(SESSION_COOKIE, 'x', {
        maxAgeS: 0,
        path: ADMIN_API_PREFIX,
        secure: req.protocol === 'https',
      }),
    );
    return { ok: true as const };
  }),
  implement(api.staffSession, async ({ staff }) => {
    const s = must(staff, 'staff');
    return {
      user: { id: s.id, username: s.username, role: s.role, stall_id: s.stall_id },
      csrf_token: s.csrf_token,
    };
  }),
  implement(api.staffList, async ({ db }) => ({
    staff: await db
      .selectFrom('staff_user')
      .select(['id', 'username', 'role', 'stall_id'])
      .orderBy('username')
      .execute(),
  })),
  implement(api.staffCreate, async ({ db, body, now, auditTarget }) => {
    if (
      body.stall_id &&
      !(await db.selectFrom('stall').select('id').where('id', '=', body.stall_id).executeTakeFirst())
    )
      throw new ApiError('not_found', `no stall ${body.stall_id}`);
    if (
      await db.selectFrom('staff_user').select('id').where('username', '=', body.username).executeTakeFirst()
    )
      throw new ApiError('conflict', `username ${body.username} is taken`);
    const id = fastUlid(now);
    await db
      .insertInto('staff_user')
      .values({
        id,
        username: body.username,
        password_hash: await hashPassword(body.password),
        role: body.role,
        stall_id: body.stall_id,
      })
      .execute();
    auditTarget(id);
    return { id, username: body.username, role: body.role, stall_id: body.stall_id };
  }),
  implement(api.staffSetPassword, async ({ db, params, body }) => {
    if (
      !(await db.selectFrom('staff_user').select('id').where('id', '=', params.staff_id).executeTakeFirst())
    )
      throw new ApiError('not_found', `no staff ${params.staff_id}`);
    await db
      .updateTable('staff_user')
      .set({ password_hash: await hashPassword(body.new_password) })
      .where('id', '=', params.staff_id)
      .execute();
    await endSessionsOf(db, params.staff_id);
    return { ok: true as const };
  }),
];
