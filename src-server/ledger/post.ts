/**
 * Posting to the ledger. An entry is built from its template, checked to
 * balance within each book (a failure is a bug, so it throws a plain Error),
 * and appended with its idempotency key: the same key with the same content
 * answers `exists`, with other content `exists_with_different_payload`.
 * Runs inside the caller's transaction when given one.
 */
import { hash } from 'node:crypto';
import { fastUlid } from '../db/ids';
import { canonicalJson } from '../../shared/journal/canonical';
import { LEDGER_AMOUNT_FEN_MAX } from '../../shared/limits';
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';
import { accountId, chartAccount } from './chart';
import { template, type TxnType } from './templates';

export interface LedgerEvent {
  idem_key: string;
  txn_type: TxnType;
  business_day: string;
  stall_id: string | null;
  buyer_id?: string | null;
  amount_fen: number;
  fee_fen?: number;
  ref?: string | null;
}

export interface BuiltPosting {
  account_id: string;
  chart_code: string;
  book: string;
  stall_id: string | null;
  buyer_id: string | null;
  amount_fen: number;
}

export type PostResult = { status: 'created' | 'exists'; entry_id: string };

function badEvent(msg: string): never {
  throw new ApiError('bad_request', msg);
}

/** The postings of an event, debits positive and credits negative, zero legs left out. Pure. */
export function buildPostings(ev: LedgerEvent): BuiltPosting[] {
  const t = template(ev.txn_type);
  const fee = ev.fee_fen ?? 0;
  if (!Number.isSafeInteger(ev.amount_fen) || ev.amount_fen <= 0 || ev.amount_fen > LEDGER_AMOUNT_FEN_MAX)
    badEvent(`amount_fen must be a positive integer up to ${LEDGER_AMOUNT_FEN_MAX}`);
  if (!Number.isSafeInteger(fee) || fee < 0 || fee > ev.amount_fen)
    badEvent('fee_fen must be an integer between 0 and amount_fen');
  if (fee > 0 && !t.fee) badEvent(`${ev.txn_type} carries no fee`);
  if (t.buyer && !ev.buyer_id) badEvent(`${ev.txn_type} needs a buyer_id`);
  const amounts = { amount: ev.amount_fen, fee, net: ev.amount_fen - fee };
  const postings: BuiltPosting[] = [];
  for (const leg of t.legs) {
    const value = amounts[leg.amount];
    if (value === 0) continue;
    const a = chartAccount(leg.code);
    const stall = a.owner === 'market' ? null : ev.stall_id;
    const buyer = a.owner === 'buyer' ? (ev.buyer_id ?? null) : null;
    if (a.owner !== 'market' && !stall) badEvent(`${ev.txn_type} needs a stall_id`);
    postings.push({
      account_id: accountId(leg.code, stall, buyer),
      chart_code: a.code,
      book: a.book,
      stall_id: stall,
      buyer_id: buyer,
      amount_fen: leg.side === 'debit' ? value : -value,
    });
  }
  assertBalanced(postings, ev.idem_key);
  return postings;
}

export function assertBalanced(
  postings: readonly { book: string; amount_fen: number }[],
  what: string,
): void {
  const sums = new Map<string, number>();
  for (const p of postings) sums.set(p.book, (sums.get(p.book) ?? 0) + p.amount_fen);
  for (const [book, sum] of sums)
    if (sum !== 0) throw new Error(`ledger entry ${what} does not balance in book ${book}: ${sum}`);
}

export function digestOf(ev: LedgerEvent): string {
  const { idem_key: _k, ...content } = ev;
  return hash(
    'sha256',
    canonicalJson({
      ...content,
      buyer_id: ev.buyer_id ?? null,
      fee_fen: ev.fee_fen ?? 0,
      ref: ev.ref ?? null,
    }),
    'hex',
  );
}

/** The rows one entry writes: entry, postings, and the accounts they need. Pure apart from the new id. */
export function entryRows(ev: LedgerEvent, nowMs: number) {
  const postings = buildPostings(ev);
  const entryId = fastUlid(nowMs);
  return {
    entry: {
      id: entryId,
      idem_key: ev.idem_key,
      txn_type: ev.txn_type,
      digest: digestOf(ev),
      business_day: ev.business_day,
      stall_id: ev.stall_id,
      ref: ev.ref ?? null,
      created_ms: nowMs,
    },
    postings: postings.map((p, i) => ({
      entry_id: entryId,
      posting_no: i + 1,
      account_id: p.account_id,
      book: p.book,
      chart_code: p.chart_code,
      amount_fen: p.amount_fen,
    })),
    accounts: postings.map((p) => ({
      id: p.account_id,
      chart_code: p.chart_code,
      book: p.book,
      stall_id: p.stall_id,
      buyer_id: p.buyer_id,
      created_ms: nowMs,
    })),
  };
}

export async function postEntry(db: ServerDb, ev: LedgerEvent, nowMs: number): Promise<PostResult> {
  const rows = entryRows(ev, nowMs);
  const inserted = await db
    .insertInto('ledger_entry')
    .values(rows.entry)
    .onConflict((oc) => oc.column('idem_key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    const existing = await db
      .selectFrom('ledger_entry')
      .select(['id', 'digest'])
      .where('idem_key', '=', ev.idem_key)
      .executeTakeFirstOrThrow();
    if (existing.digest !== rows.entry.digest)
      throw new ApiError(
        'exists_with_different_payload',
        `ledger entry ${ev.idem_key} exists with other content`,
      );
    return { status: 'exists', entry_id: existing.id };
  }
  await db
    .insertInto('ledger_account')
    .values(rows.accounts)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await db.insertInto('ledger_posting').values(rows.postings).execute();
  return { status: 'created', entry_id: rows.entry.id };
}

/** Posts in a transaction of its own, for callers that have none. */
export function postEntryTx(db: ServerDb, ev: LedgerEvent, nowMs: number): Promise<PostResult> {
  return db.transaction().execute((trx) => postEntry(trx, ev, nowMs));
}
