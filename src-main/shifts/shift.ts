/**
 * Shifts (交班): opened with a cash float, closed with the counted cash.
 * Expected cash = float + cash taken (net of change) − cash refunded during the shift.
 */
import { newId } from '../ids';
import { CodedError } from '../../shared/contract/envelope';
import type { Cashier } from '../cashiers/cashier-store';
import { appendJournal } from '../journal/journal';
import type { Db } from '../store/db';
import { stmt, tx } from '../store/sql';
import {
  addRefund,
  addSale,
  emptyTakings,
  type Takings,
  type TakingsRefund,
  type TakingsTender,
} from '../../shared/sales/takings';

export interface ShiftRow {
  id: string;
  cashier_id: string;
  business_day: string;
  opened_ms: number;
  float_fen: number;
  closed_ms: number | null;
  counted_fen: number | null;
  expected_fen: number | null;
  over_short_fen: number | null;
}

export function shiftById(db: Db, id: string): ShiftRow | null {
  return (stmt(db, 'SELECT * FROM shift WHERE id = ?').get(id) as ShiftRow | undefined) ?? null;
}

export function openShiftOf(db: Db, cashierId: string): ShiftRow | null {
  return (
    (stmt(db, 'SELECT * FROM shift WHERE cashier_id = ? AND closed_ms IS NULL').get(cashierId) as
      ShiftRow | undefined) ?? null
  );
}

export function openShift(db: Db, cashier: Cashier, day: string, floatFen: number, nowMs: number): ShiftRow {
  return tx(db, () => openShiftTx(db, cashier, day, floatFen, nowMs));
}

function openShiftTx(db: Db, cashier: Cashier, day: string, floatFen: number, nowMs: number): ShiftRow {
  if (openShiftOf(db, cashier.id))
    throw new CodedError('conflict', `${cashier.name} already has an open shift`);
  if (!Number.isSafeInteger(floatFen) || floatFen < 0)
    throw new CodedError('bad_request', 'float must be a non-negative amount');
  const row: ShiftRow = {
    id: newId(nowMs),
    cashier_id: cashier.id,
    business_day: day,
    opened_ms: nowMs,
    float_fen: floatFen,
    closed_ms: null,
    counted_fen: null,
    expected_fen: null,
    over_short_fen: null,
  };
  stmt(
    db,
    'INSERT INTO shift (id, cashier_id, business_day, opened_ms, float_fen) VALUES (?, ?, ?, ?, ?)',
  ).run(row.id, row.cashier_id, row.business_day, row.opened_ms, row.float_fen);
  appendJournal(
    db,
    'shift.opened',
    { shift_id: row.id, cashier_id: cashier.id, business_day: day, float_fen: floatFen },
    nowMs,
  );
  return row;
}

/** A sale without an open shift opens one with no float, so selling never stops. Inside a transaction. */
export function ensureOpenShift(db: Db, cashier: Cashier, day: string, nowMs: number): ShiftRow {
  return openShiftOf(db, cashier.id) ?? openShiftTx(db, cashier, day, 0, nowMs);
}

export function expectedCash(db: Db, shift: ShiftRow): number {
  const taken = stmt(
    db,
    "SELECT COALESCE(SUM(t.amount_fen), 0) AS v FROM tender t JOIN sale s ON s.id = t.sale_id WHERE s.shift_id = ? AND t.kind = 'cash' AND t.status = 'paid'",
  ).get(shift.id) as { v: number };
  const refunded = stmt(
    db,
    "SELECT COALESCE(SUM(rt.amount_fen), 0) AS v FROM refund_tender rt JOIN refund r ON r.id = rt.refund_id JOIN tender t ON t.sale_id = r.sale_id AND t.tender_no = rt.tender_no WHERE t.kind = 'cash' AND r.cashier_id = ? AND r.created_ms >= ?",
  ).get(shift.cashier_id, shift.opened_ms) as { v: number };
  return shift.float_fen + taken.v - refunded.v;
}

/**
 * The shift report's takings (shared/sales/takings.ts): the sales rung up in the shift, with the
 * outcome of each tender now, and the refunds the shift's cashier gave while it was open.
 */
export function shiftTakings(db: Db, shift: ShiftRow): Takings {
  const acc = emptyTakings();
  const tenders = stmt(
    db,
    'SELECT kind, amount_fen, status, wallet FROM tender WHERE sale_id = ? ORDER BY tender_no',
  );
  for (const s of stmt(db, 'SELECT id, total_fen, status FROM sale WHERE shift_id = ? ORDER BY day_seq').all(
    shift.id,
  ) as { id: string; total_fen: number; status: string }[]) {
    addSale(acc, {
      total_fen: s.total_fen,
      voided: s.status === 'voided',
      tenders: tenders.all(s.id) as TakingsTender[],
    });
  }
  const refunds = stmt(
    db,
    'SELECT id FROM refund WHERE cashier_id = ? AND created_ms >= ? AND created_ms <= ? ORDER BY created_ms',
  ).all(shift.cashier_id, shift.opened_ms, shift.closed_ms ?? Number.MAX_SAFE_INTEGER) as { id: string }[];
  const refundTenders = stmt(
    db,
    'SELECT t.kind, rt.amount_fen FROM refund_tender rt JOIN refund r ON r.id = rt.refund_id JOIN tender t ON t.sale_id = r.sale_id AND t.tender_no = rt.tender_no WHERE rt.refund_id = ?',
  );
  for (const r of refunds) addRefund(acc, { tenders: refundTenders.all(r.id) as TakingsRefund['tenders'] });
  return acc;
}

export function closeShift(db: Db, cashier: Cashier, countedFen: number, nowMs: number): ShiftRow {
  if (!Number.isSafeInteger(countedFen) || countedFen < 0)
    throw new CodedError('bad_request', 'counted cash must be a non-negative amount');
  return tx(db, (): ShiftRow => {
    const shift = openShiftOf(db, cashier.id);
    if (!shift) throw new CodedError('conflict', `${cashier.name} has no open shift`);
    const expected = expectedCash(db, shift);
    const overShort = countedFen - expected;
    stmt(
      db,
      'UPDATE shift SET closed_ms = ?, counted_fen = ?, expected_fen = ?, over_short_fen = ? WHERE id = ?',
    ).run(nowMs, countedFen, expected, overShort, shift.id);
    appendJournal(
      db,
      'shift.closed',
      {
        shift_id: shift.id,
        cashier_id: cashier.id,
        counted_fen: countedFen,
        expected_fen: expected,
        over_short_fen: overShort,
      },
      nowMs,
    );
    return {
      ...shift,
      closed_ms: nowMs,
      counted_fen: countedFen,
      expected_fen: expected,
      over_short_fen: overShort,
    };
  });
}
