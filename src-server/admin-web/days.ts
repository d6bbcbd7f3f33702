/**
 * End of day for the office: per stall, each terminal's Z report beside the
 * server's own totals (reports/day.ts names the differences: entries not yet
 * synced, a missing day close), and the staff confirmation of the stall's day.
 * A day with differences is confirmed only with a note saying why.
 */
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';
import { rdb } from '../recon/schema';
import { stallDay } from '../reports/day';

export async function dayOverview(db: ServerDb, day: string) {
  const stalls = await db.selectFrom('stall').select(['id', 'name']).orderBy('id').execute();
  const names = new Map(
    (await db.selectFrom('terminal').select(['id', 'name']).execute()).map((t) => [t.id, t.name]),
  );
  const who = new Map(
    (await db.selectFrom('staff_user').select(['id', 'username']).execute()).map((u) => [u.id, u.username]),
  );
  const confs = await rdb(db)
    .selectFrom('day_confirmation')
    .selectAll()
    .where('business_day', '=', day)
    .execute();
  const out = [];
  for (const s of stalls) {
    const d = await stallDay(db, s.id, day);
    const found = confs.find((x) => x.stall_id === s.id);
    const c = found
      ? { ...found, confirmed_by_name: who.get(found.confirmed_by) ?? found.confirmed_by }
      : null;
    out.push({
      stall_id: s.id,
      name: s.name,
      terminals: d.terminals.map((t) => ({
        terminal_id: t.terminal_id,
        name: names.get(t.terminal_id) ?? t.terminal_id,
        server: t.server,
        z_report:
          t.z_report === null
            ? null
            : { sales_count: num(t.z_report.sales_count), gross_fen: num(t.z_report.gross_fen) },
        differences: t.differences,
      })),
      confirmation: c,
    });
  }
  return { business_day: day, stalls: out };
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : null;
}

export async function confirmDay(
  db: ServerDb,
  day: string,
  stallId: string,
  staffId: string,
  note: string,
  nowMs: number,
) {
  const d = await stallDay(db, stallId, day);
  const diffs = d.terminals.reduce((a, t) => a + t.differences.length, 0);
  if (diffs > 0 && note.trim().length < 2)
    throw new ApiError('bad_request', `the day has ${diffs} difference(s): say why it is confirmed anyway`);
  const r = rdb(db);
  const ins = await r
    .insertInto('day_confirmation')
    .values({
      business_day: day,
      stall_id: stallId,
      confirmed_by: staffId,
      confirmed_ms: nowMs,
      note: note.trim(),
    })
    .onConflict((oc) => oc.columns(['business_day', 'stall_id']).doNothing())
    .executeTakeFirst();
  if (Number(ins.numInsertedOrUpdatedRows ?? 0) === 0)
    throw new ApiError('conflict', `day ${day} of stall ${stallId} is already confirmed`);
  return r
    .selectFrom('day_confirmation')
    .selectAll()
    .where('business_day', '=', day)
    .where('stall_id', '=', stallId)
    .executeTakeFirstOrThrow();
}
