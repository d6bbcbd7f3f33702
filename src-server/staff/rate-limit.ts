/**
 * Login throttling that cannot lock others out. Failures are counted per
 * account AND source together (username + client address), in the database
 * so every server instance sees the same count. The first LOGIN_FREE_FAILURES
 * of a pair cost nothing; after them the pair must wait before each new try,
 * a wait that doubles with every further failure up to LOGIN_DELAY_MS_MAX. A
 * success, or a window without failures, starts the pair afresh.
 *
 * So an attacker hammering `admin` from one address slows only that address's
 * guesses at `admin`: the admin logs in from another address at once, and the
 * other accounts behind the attacker's address (a market office behind one
 * NAT) are not touched. A guesser spread over many addresses gets a few free
 * guesses per address, each one a deliberately slow scrypt check, and the
 * moment any pair starts being throttled the audit log says so
 * (`staffLoginThrottled`), which is the alert staff watch.
 */
import { fastUlid } from '../db/ids';
import type { ServerDb } from '../db/database';

/** How far back failures count; a pair with no failure for this long starts afresh. */
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;
/** Failures of one account from one source before any wait. */
export const LOGIN_FREE_FAILURES = 5;
/** The wait after the first failure past the free ones; it doubles with each further failure. */
export const LOGIN_DELAY_MS_MIN = 1_000;
export const LOGIN_DELAY_MS_MAX = 15 * 60 * 1000;

export type LoginVerdict = { allowed: true } | { allowed: false; retry_after_ms: number };

/** The wait a pair owes after `failures` failures in a row (0 while they are free). */
export function loginDelayMs(failures: number): number {
  if (failures < LOGIN_FREE_FAILURES) return 0;
  return Math.min(LOGIN_DELAY_MS_MAX, LOGIN_DELAY_MS_MIN * 2 ** Math.min(30, failures - LOGIN_FREE_FAILURES));
}

/** Failures of this account from this source since its last success, within the window. */
async function failuresOf(
  db: ServerDb,
  username: string,
  ip: string,
  nowMs: number,
): Promise<{ n: number; last_ms: number }> {
  const pair = db
    .selectFrom('login_attempt')
    .where('username', '=', username)
    .where('ip', '=', ip)
    .where('at_ms', '>', nowMs - LOGIN_WINDOW_MS);
  const lastOk = await pair
    .select((eb) => eb.fn.max<number>('at_ms').as('at'))
    .where('ok', '=', 1)
    .executeTakeFirst();
  const since = Number(lastOk?.at ?? 0);
  const f = await pair
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max<number>('at_ms').as('last')])
    .where('ok', '=', 0)
    .where('at_ms', '>', since)
    .executeTakeFirstOrThrow();
  return { n: Number(f.n), last_ms: Number(f.last ?? 0) };
}

export async function loginAllowed(
  db: ServerDb,
  username: string,
  ip: string,
  nowMs: number,
): Promise<LoginVerdict> {
  const f = await failuresOf(db, username, ip, nowMs);
  const wait = loginDelayMs(f.n) - (nowMs - f.last_ms);
  return wait > 0 ? { allowed: false, retry_after_ms: wait } : { allowed: true };
}

/** Records the attempt; answers true when this failure is the one that starts the pair's waits (time to alert). */
export async function recordLogin(
  db: ServerDb,
  username: string,
  ip: string,
  ok: boolean,
  nowMs: number,
): Promise<boolean> {
  await db
    .insertInto('login_attempt')
    .values({ id: fastUlid(nowMs), username, ip, at_ms: nowMs, ok: ok ? 1 : 0 })
    .execute();
  return !ok && (await failuresOf(db, username, ip, nowMs)).n === LOGIN_FREE_FAILURES;
}
