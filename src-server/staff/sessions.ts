/**
 * Server-side staff sessions. The cookie carries a random token; the database
 * keeps only its SHA-256, the staff id, the CSRF token and the expiry, so a
 * leaked database cannot be replayed as a login and logout ends the session
 * on every server instance at once.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ServerDb } from '../db/database';
import type { StaffRole } from '../../shared/api/roles';

export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface StaffPrincipal {
  id: string;
  username: string;
  role: StaffRole;
  stall_id: string | null;
  csrf_token: string;
  session_hash: string;
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const token = (): string => randomBytes(32).toString('base64url');

export async function createSession(
  db: ServerDb,
  staffId: string,
  nowMs: number,
): Promise<{ token: string; csrf_token: string }> {
  const t = token();
  const csrf = token();
  await db.deleteFrom('staff_session').where('expires_ms', '<', nowMs).execute();
  await db
    .insertInto('staff_session')
    .values({
      id_hash: sha256(t),
      staff_id: staffId,
      csrf_token: csrf,
      created_ms: nowMs,
      expires_ms: nowMs + SESSION_TTL_MS,
    })
    .execute();
  return { token: t, csrf_token: csrf };
}

export async function findSession(
  db: ServerDb,
  cookieToken: string,
  nowMs: number,
): Promise<StaffPrincipal | null> {
  const hash = sha256(cookieToken);
  const row = await db
    .selectFrom('staff_session')
    .innerJoin('staff_user', 'staff_user.id', 'staff_session.staff_id')
    .select([
      'staff_user.id',
      'staff_user.username',
      'staff_user.role',
      'staff_user.stall_id',
      'staff_session.csrf_token',
      'staff_session.expires_ms',
    ])
    .where('staff_session.id_hash', '=', hash)
    .executeTakeFirst();
  if (!row || row.expires_ms <= nowMs) return null;
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    stall_id: row.stall_id,
    csrf_token: row.csrf_token,
    session_hash: hash,
  };
}

export async function endSession(db: ServerDb, sessionHash: string): Promise<void> {
  await db.deleteFrom('staff_session').where('id_hash', '=', sessionHash).execute();
}

export async function endSessionsOf(db: ServerDb, staffId: string): Promise<void> {
  await db.deleteFrom('staff_session').where('staff_id', '=', staffId).execute();
}
