/**
 * A till's clock may be wrong (DESIGN.md "Time"): it signs with the server's
 * time, learned from answers, and sends its own clock in x-mt-local-time.
 * The journal keeps both times of every entry (at_ms from the till,
 * received_ms from the server); a skew past the limit is flagged for staff,
 * at most once an hour per terminal. The skew is the till's own clock against
 * the server time it signed with, both read by the till at the same instant:
 * a request that waited (a loaded server, a slow network) is not a wrong clock.
 */
import type { ServerDb } from '../db/database';
import { fastUlid } from '../db/ids';

export const CLOCK_SKEW_FLAG_MS = 2 * 60_000;
const FLAG_AGAIN_MS = 60 * 60_000;

export async function noteClockSkew(
  db: ServerDb,
  terminalId: string,
  localTime: string | string[] | undefined,
  signedMs: number,
  nowMs: number,
): Promise<number | null> {
  const local = typeof localTime === 'string' ? Number(localTime) : NaN;
  if (!Number.isSafeInteger(local)) return null;
  const skew = local - signedMs;
  if (Math.abs(skew) <= CLOCK_SKEW_FLAG_MS) return skew;
  const recent = await db
    .selectFrom('sync_flag')
    .select('id')
    .where('terminal_id', '=', terminalId)
    .where('kind', '=', 'clock_skew')
    .where('created_ms', '>', nowMs - FLAG_AGAIN_MS)
    .executeTakeFirst();
  if (!recent) {
    const minutes = Math.round(skew / 60_000);
    await db
      .insertInto('sync_flag')
      .values({
        id: fastUlid(nowMs),
        terminal_id: terminalId,
        seq: 0,
        kind: 'clock_skew',
        detail: `the till's clock is ${Math.abs(minutes)} min ${skew > 0 ? 'ahead of' : 'behind'} the server's`,
        created_ms: nowMs,
      })
      .execute();
  }
  return skew;
}
