/**
 * The append-only journal, the terminal's outbox (DESIGN.md). Every change is
 * appended inside the caller's transaction, chained by
 * hash = SHA-256(prev_hash ‖ canonical entry).
 */
import { createHash } from 'node:crypto';
import { newId } from '../ids';
import { GENESIS_HASH, canonicalJson, entryHashInput } from '../../shared/journal/canonical';
import type { EntryPayload, EntryType } from '../../shared/journal/entries';
import type { JournalEntryWire } from '../../shared/sync/push';
import type { Db } from '../store/db';
import { stmt } from '../store/sql';

export type JournalEntry = JournalEntryWire;

export function chainHash(
  prevHash: string,
  e: { seq: number; id: string; type: string; at_ms: number; payload: string },
): string {
  return createHash('sha256').update(prevHash).update(entryHashInput(e)).digest('hex');
}

/**
 * Must be called inside a db.transaction: the entry commits with the change it records. The
 * payload's type follows the entry type (shared/journal/entries.ts), the schema the server parses.
 */
export function appendJournal<T extends EntryType>(
  db: Db,
  type: T,
  payload: EntryPayload<T>,
  atMs: number,
): JournalEntry {
  if (!db.inTransaction)
    throw new Error('appendJournal outside a transaction would split a change from its journal entry');
  const last = stmt(db, 'SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const entry = {
    seq: (last?.seq ?? 0) + 1,
    id: newId(atMs),
    type,
    at_ms: atMs,
    payload: canonicalJson(payload),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const full: JournalEntry = { ...entry, hash: chainHash(entry.prev_hash, entry) };
  stmt(
    db,
    'INSERT INTO journal (seq, id, type, at_ms, payload, prev_hash, hash) VALUES (@seq, @id, @type, @at_ms, @payload, @prev_hash, @hash)',
  ).run(full);
  return full;
}

export function journalAfter(db: Db, afterSeq: number, limit: number): JournalEntry[] {
  return stmt(
    db,
    'SELECT seq, id, type, at_ms, payload, prev_hash, hash FROM journal WHERE seq > ? ORDER BY seq LIMIT ?',
  ).all(afterSeq, limit) as JournalEntry[];
}

export type VerifyResult = { ok: true; entries: number } | { ok: false; seq: number; reason: string };

/** Walks the chain and reports the first bad entry. */
export function verifyJournal(db: Db): VerifyResult {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let n = 0;
  for (const e of stmt(
    db,
    'SELECT seq, id, type, at_ms, payload, prev_hash, hash FROM journal ORDER BY seq',
  ).iterate() as IterableIterator<JournalEntry>) {
    if (e.seq !== expectedSeq)
      return { ok: false, seq: expectedSeq, reason: `entry ${expectedSeq} is missing (next is ${e.seq})` };
    if (e.prev_hash !== prev)
      return { ok: false, seq: e.seq, reason: 'prev_hash does not match the previous entry' };
    if (chainHash(prev, e) !== e.hash)
      return { ok: false, seq: e.seq, reason: 'hash does not match the entry content' };
    prev = e.hash;
    expectedSeq++;
    n++;
  }
  return { ok: true, entries: n };
}
