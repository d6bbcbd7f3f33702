/**
 * Login rate limiting, kept in the database so that every server instance
 * sees the same count: more than LOGIN_MAX_FAILURES failed attempts for one
 * username, or LOGIN_MAX_FAILURES_PER_IP from one address, within the window,
 * refuses further attempts — even with the right password — until it passes.
 */
import { fastUlid } from '../db/ids';
import type { ServerDb } from '../db/database';

export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_MAX_FAILURES_PER_IP = 20;

export async function loginAllowed(db: ServerDb, username: string, ip: string, nowMs: number): Promise<boolean> {
  const since = nowMs - LOGIN_WINDOW_MS;
  const byUser = await db.selectFrom('login_attempt').select((eb) => eb.fn.countAll<number>().as('n')).where('username', '=', username).where('ok', '=', 0).where('at_ms', '>', since).executeTakeFirstOrThrow();
  if (Number(byUser.n) >= LOGIN_MAX_FAILURES) return false;
  const byIp = await db.selectFrom('login_attempt').select((eb) => eb.fn.countAll<number>().as('n')).where('ip', '=', ip).where('ok', '=', 0).where('at_ms', '>', since).executeTakeFirstOrThrow();
  return Number(byIp.n) < LOGIN_MAX_FAILURES_PER_IP;
}

export async function recordLogin(db: ServerDb, username: string, ip: string, ok: boolean, nowMs: number): Promise<void> {
  await db.deleteFrom('login_attempt').where('at_ms', '<', nowMs - 2 * LOGIN_WINDOW_MS).execute();
  await db.insertInto('login_attempt').values({ id: fastUlid(nowMs), username, ip, at_ms: nowMs, ok: ok ? 1 : 0 }).execute();
}
