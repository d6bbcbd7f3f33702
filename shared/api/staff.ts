/** Staff login, logout and session, and staff accounts (admin only). */
import { z } from 'zod';
import { ADMIN_ONLY, ALL_STAFF, staffRoleSchema } from './roles';
import { PUBLIC, defineApi, staffAuth } from './route';
import { idSchema, okSchema, staffParams } from './schemas';

const usernameSchema = z.string().trim().min(1).max(64);
const passwordSchema = z.string().min(10).max(200);
const staffView = z.object({
  id: z.string(),
  username: z.string(),
  role: staffRoleSchema,
  stall_id: z.string().nullable(),
});
export type StaffView = z.output<typeof staffView>;
const sessionView = z.object({ user: staffView, csrf_token: z.string() });

export const staffApi = {
  staffLogin: defineApi({
    id: 'staffLogin',
    method: 'POST',
    path: '/api/v1/admin/login',
    summary: 'Log in; sets an httpOnly SameSite=Strict session cookie and answers the CSRF token',
    tag: 'auth',
    auth: PUBLIC,
    body: z.object({ username: usernameSchema, password: z.string().min(1).max(200) }),
    example: { username: 'admin', password: 'market-demo' },
    response: sessionView,
    errors: ['unauthenticated', 'rate_limited'],
  }),
  staffLogout: defineApi({
    id: 'staffLogout',
    method: 'POST',
    path: '/api/v1/admin/logout',
    summary: 'End this session',
    tag: 'auth',
    auth: staffAuth(ALL_STAFF),
    response: okSchema,
  }),
  staffSession: defineApi({
    id: 'staffSession',
    method: 'GET',
    path: '/api/v1/admin/session',
    summary: 'Who is logged in, and the CSRF token for state-changing calls',
    tag: 'auth',
    auth: staffAuth(ALL_STAFF),
    response: sessionView,
  }),
  staffList: defineApi({
    id: 'staffList',
    method: 'GET',
    path: '/api/v1/admin/staff',
    summary: 'Staff accounts',
    tag: 'staff',
    auth: staffAuth(ADMIN_ONLY),
    response: z.object({ staff: z.array(staffView) }),
  }),
  staffCreate: defineApi({
    id: 'staffCreate',
    method: 'POST',
    path: '/api/v1/admin/staff',
    summary: 'Create a staff account; a stall owner needs their stall',
    tag: 'staff',
    auth: staffAuth(ADMIN_ONLY),
    status: 201,
    body: z
      .object({
        username: usernameSchema,
        password: passwordSchema,
        role: staffRoleSchema,
        stall_id: idSchema.nullable().default(null),
      })
      .refine(
        (b) => (b.role === 'stall_owner') === (b.stall_id !== null),
        'stall_id is required for a stall owner and only for one',
      ),
    example: {
      username: 'owner-s01',
      password: 'correct horse battery',
      role: 'stall_owner',
      stall_id: 'S01',
    },
    response: staffView,
    errors: ['not_found', 'conflict'],
  }),
  staffSetPassword: defineApi({
    id: 'staffSetPassword',
    method: 'POST',
    path: '/api/v1/admin/staff/:staff_id/password',
    summary: "Set a staff member's password; ends their sessions",
    tag: 'staff',
    auth: staffAuth(ADMIN_ONLY),
    params: staffParams,
    body: z.object({ new_password: passwordSchema }),
    example: { new_password: 'another long passphrase' },
    response: okSchema,
    errors: ['not_found'],
  }),
};
