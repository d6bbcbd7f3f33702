/**
 * The ledger side of a reconciliation decision. 挂账 (suspense) moves the
 * unexplained difference between what the institution holds for the stall
 * (memo M1201) and the reconciliation suspense account (memo M9001), so the
 * stall's books follow the institution while the difference waits to be
 * cleared; both legs are memo, never the market's own money (no 二清).
 * Recon entries are posted here rather than from ledger/templates because
 * their direction depends on the difference's sign; they balance, carry an
 * idempotency key, and are append-only like every other entry.
 */
import { createHash } from 'node:crypto';
import type { ServerDb } from '../db/database';
import { fastUlid } from '../db/ids';
import { accountId, chartAccount } from '../ledger/chart';
import { assertBalanced } from '../ledger/post';
import type { ReconItemTable } from './schema';

/** Institution minus us, in fen: positive when the institution holds more for the stall than our books say. */
export function signedDifference(
  i: Pick<ReconItemTable, 'record' | 'inst_amount_fen' | 'plat_amount_fen' | 'inst_state' | 'plat_state'>,
): number {
  const instCounts =
    i.record === 'pay'
      ? i.inst_state === 'SUCCESS'
      : i.inst_state === 'SUCCESS' || i.inst_state === 'PROCESSING';
  const platCounts =
    i.record === 'pay' ? i.plat_state === 'paid' : i.plat_state === 'succeeded' || i.plat_state === 'pending';
  const inst = instCounts ? (i.inst_amount_fen ?? 0) : 0;
  const plat = platCounts ? (i.plat_amount_fen ?? 0) : 0;
  return i.record === 'pay' ? inst - plat : plat - inst;
}

export async function postSuspense(
  db: ServerDb,
  item: Pick<ReconItemTable, 'id' | 'bill_date' | 'stall_id' | 'out_trade_no'> & { difference_fen: number },
  nowMs: number,
): Promise<string> {
  if (item.stall_id === null) throw new Error('suspense needs the stall');
  const d = item.difference_fen;
  if (!Number.isSafeInteger(d) || d === 0) throw new Error('suspense needs a non-zero difference');
  const idem = `recon:${item.id}:suspense`;
  const exists = await db
    .selectFrom('ledger_entry')
    .select('id')
    .where('idem_key', '=', idem)
    .executeTakeFirst();
  if (exists) return idem;
  const held = chartAccount('M1201');
  const susp = chartAccount('M9001');
  const legs = [
    {
      account_id: accountId('M1201', item.stall_id, null),
      chart_code: held.code,
      book: held.book,
      stall_id: item.stall_id,
      amount_fen: d,
    },
    {
      account_id: accountId('M9001', null, null),
      chart_code: susp.code,
      book: susp.book,
      stall_id: null,
      amount_fen: -d,
    },
  ];
  assertBalanced(legs, idem);
  const entryId = fastUlid(nowMs);
  const business_day = item.bill_date.replaceAll('-', '');
  const digest = createHash('sha256')
    .update(
      JSON.stringify({
        txn_type: 'recon_suspense',
        business_day,
        stall_id: item.stall_id,
        d,
        ref: item.out_trade_no,
      }),
    )
    .digest('hex');
  await db
    .insertInto('ledger_entry')
    .values({
      id: entryId,
      idem_key: idem,
      txn_type: 'recon_suspense',
      digest,
      business_day,
      stall_id: item.stall_id,
      ref: item.out_trade_no,
      created_ms: nowMs,
    })
    .execute();
  await db
    .insertInto('ledger_account')
    .values(
      legs.map((l) => ({
        id: l.account_id,
        chart_code: l.chart_code,
        book: l.book,
        stall_id: l.stall_id,
        buyer_id: null,
        created_ms: nowMs,
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db
    .insertInto('ledger_posting')
    .values(
      legs.map((l, n) => ({
        entry_id: entryId,
        posting_no: n + 1,
        account_id: l.account_id,
        book: l.book,
        chart_code: l.chart_code,
        amount_fen: l.amount_fen,
      })),
    )
    .execute();
  return idem;
}
