/** Shifts (交班, with the counted cash and over/short) and day close (日结) with the terminal's Z report. */
import type { z } from 'zod';
import type { entryPayloads } from '../../shared/journal/entries';
import { canonicalJson } from '../../shared/journal/canonical';
import type { Source, Trx } from './projection-source';

type P<T extends keyof typeof entryPayloads> = z.output<(typeof entryPayloads)[T]>;

export async function projectShiftOpened(
  trx: Trx,
  src: Source,
  s: P<'shift.opened'>,
): Promise<string | null> {
  const r = await trx
    .insertInto('shift')
    .values({
      id: s.shift_id,
      terminal_id: src.terminal.id,
      stall_id: src.terminal.stall_id,
      cashier_id: s.cashier_id,
      business_day: s.business_day,
      float_fen: s.float_fen,
      opened_ms: src.at_ms,
      closed_ms: null,
      counted_fen: null,
      expected_fen: null,
      over_short_fen: null,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) === 1 ? null : `shift ${s.shift_id} was already opened`;
}

export async function projectShiftClosed(
  trx: Trx,
  src: Source,
  s: P<'shift.closed'>,
): Promise<string | null> {
  const r = await trx
    .updateTable('shift')
    .set({
      closed_ms: src.at_ms,
      counted_fen: s.counted_fen,
      expected_fen: s.expected_fen,
      over_short_fen: s.over_short_fen,
    })
    .where('id', '=', s.shift_id)
    .where('terminal_id', '=', src.terminal.id)
    .where('closed_ms', 'is', null)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return `close of unknown or closed shift ${s.shift_id}`;
  return s.counted_fen - s.expected_fen === s.over_short_fen
    ? null
    : `shift ${s.shift_id} over/short ${s.over_short_fen} ≠ counted − expected`;
}

/** Each Z period of a terminal's day is kept (z_no 2 for selling after the first close); the same period re-sent keeps the latest. */
export async function projectDayClose(trx: Trx, src: Source, d: P<'day.closed'>): Promise<string | null> {
  let report: string;
  try {
    report = canonicalJson(d.z_report);
  } catch {
    return `Z report of ${d.business_day} holds a non-integer number`;
  }
  await trx
    .insertInto('z_report')
    .values({
      terminal_id: src.terminal.id,
      business_day: d.business_day,
      z_no: d.z_no ?? 1,
      stall_id: src.terminal.stall_id,
      cashier_id: d.cashier_id,
      report,
      closed_ms: src.at_ms,
    })
    .onConflict((oc) =>
      oc
        .columns(['terminal_id', 'business_day', 'z_no'])
        .doUpdateSet({ report, cashier_id: d.cashier_id, closed_ms: src.at_ms }),
    )
    .execute();
  return null;
}
