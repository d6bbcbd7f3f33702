/**
 * Reading the books: balances per account, the whole-ledger balance check,
 * and the no-secondary-clearing query (DESIGN.md): a debit into a
 * market-owned cash account is a violation unless the same entry credits at
 * least as much to the market's fee income or fee receivable — i.e. market
 * cash only ever receives the market's own fee share, never a stall's money.
 */
import { sql } from 'kysely';
import type { ServerDb } from '../db/database';
import { FEE_INCOME_CODES, MARKET_CASH_CODES } from './chart';

export interface AccountBalance {
  account_id: string;
  chart_code: string;
  book: string;
  stall_id: string | null;
  buyer_id: string | null;
  balance_fen: number;
}

export async function balances(
  db: ServerDb,
  filter: { stall_id?: string | null; buyer_id?: string | null } = {},
): Promise<AccountBalance[]> {
  let q = db
    .selectFrom('ledger_account as a')
    .leftJoin('ledger_posting as p', 'p.account_id', 'a.id')
    .select([
      'a.id as account_id',
      'a.chart_code',
      'a.book',
      'a.stall_id',
      'a.buyer_id',
      sql<number>`cast(coalesce(sum(p.amount_fen), 0) as bigint)`.as('balance_fen'),
    ])
    .groupBy(['a.id', 'a.chart_code', 'a.book', 'a.stall_id', 'a.buyer_id'])
    .orderBy('a.id');
  if (filter.stall_id) q = q.where('a.stall_id', '=', filter.stall_id);
  if (filter.buyer_id) q = q.where('a.buyer_id', '=', filter.buyer_id);
  return (await q.execute()).map((r) => ({ ...r, balance_fen: Number(r.balance_fen) }));
}

/** Entries whose postings do not sum to zero within a book. Empty on a sound ledger. */
export async function unbalancedEntries(
  db: ServerDb,
): Promise<{ entry_id: string; book: string; sum_fen: number }[]> {
  const rows = await db
    .selectFrom('ledger_posting')
    .select(['entry_id', 'book', sql<number>`cast(sum(amount_fen) as bigint)`.as('sum_fen')])
    .groupBy(['entry_id', 'book'])
    .having(sql<number>`sum(amount_fen)`, '<>', 0)
    .execute();
  return rows.map((r) => ({ ...r, sum_fen: Number(r.sum_fen) }));
}

export interface ClearingViolation {
  entry_id: string;
  txn_type: string;
  account_id: string;
  amount_fen: number;
  fee_share_fen: number;
}

/** The no-secondary-clearing invariant as one query. Empty means market cash only ever received fee shares. */
export async function secondaryClearingViolations(db: ServerDb): Promise<ClearingViolation[]> {
  const feeShare = sql<number>`(select cast(coalesce(-sum(q.amount_fen), 0) as bigint) from ledger_posting q where q.entry_id = p.entry_id and q.amount_fen < 0 and q.chart_code in (${sql.join([...FEE_INCOME_CODES])}))`;
  const rows = await db
    .selectFrom('ledger_posting as p')
    .innerJoin('ledger_entry as e', 'e.id', 'p.entry_id')
    .select(['p.entry_id', 'e.txn_type', 'p.account_id', 'p.amount_fen', feeShare.as('fee_share_fen')])
    .where('p.book', '=', 'gl')
    .where('p.chart_code', 'in', [...MARKET_CASH_CODES])
    .where('p.amount_fen', '>', 0)
    .where((eb) => eb('p.amount_fen', '>', feeShare))
    .execute();
  return rows.map((r) => ({ ...r, fee_share_fen: Number(r.fee_share_fen ?? 0) }));
}
