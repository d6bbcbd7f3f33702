/**
 * Applies a terminal's journal batch exactly once per (terminal, seq), in one
 * transaction: the hash chain is checked against what is stored, duplicates
 * of stored entries are acknowledged, and a gap, fork or altered entry is
 * refused and flagged for staff. Answers the highest contiguous seq stored.
 */
import { hash } from 'node:crypto';
import { fastUlid } from '../db/ids';
import { GENESIS_HASH, entryHashInput } from '../../shared/journal/canonical';
import type { JournalEntryWire, PushResponse } from '../../shared/sync/push';
import type { ServerDb } from '../db/database';
import { ApiError } from '../http/errors';
import { insertChunked } from '../db/bulk';
import { isPostgres } from '../db/dialect';
import { projectEntry } from './projections';
import { SaleBatch } from './sale-batch';

/** SHA-256(prev_hash ‖ canonical entry), one-shot: a hash object per entry cost more than the hashing. */
function chainHash(prev: string, e: JournalEntryWire): string {
  return hash('sha256', prev + entryHashInput(e), 'hex');
}

export async function ingestBatch(
  db: ServerDb,
  terminal: { id: string; stall_id: string },
  entries: JournalEntryWire[],
  nowMs: number,
): Promise<PushResponse> {
  try {
    return await db.transaction().execute(async (trx) => {
      // Several server instances on PostgreSQL: one push per terminal at a time (SQLite has one writer anyway).
      if (isPostgres(trx))
        await trx.selectFrom('terminal').select('id').where('id', '=', terminal.id).forUpdate().execute();
      const last = await trx
        .selectFrom('journal_entry')
        .select(['seq', 'hash'])
        .where('terminal_id', '=', terminal.id)
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      let lastSeq = last?.seq ?? 0;
      let lastHash = last?.hash ?? GENESIS_HASH;
      let applied = 0;
      let duplicates = 0;
      const sales = new SaleBatch();
      await sales.preload(trx, entries);
      const stored: JournalEntryWire[] = [];
      const flags: (string | null)[] = [];
      for (const e of entries) {
        if (e.seq <= lastSeq) {
          const prior = await trx
            .selectFrom('journal_entry')
            .select('hash')
            .where('terminal_id', '=', terminal.id)
            .where('seq', '=', e.seq)
            .executeTakeFirst();
          if (prior?.hash !== e.hash)
            throw new ApiError('journal_fork', `entry ${e.seq} differs from the one already stored (fork)`);
          duplicates++;
          continue;
        }
        if (e.seq !== lastSeq + 1)
          throw new ApiError('journal_gap', `entry ${lastSeq + 1} is missing (got ${e.seq})`, {
            acked_seq: lastSeq,
          });
        if (e.prev_hash !== lastHash)
          throw new ApiError(
            'journal_fork',
            `entry ${e.seq} does not follow entry ${lastSeq} (prev_hash differs)`,
          );
        if (chainHash(e.prev_hash, e) !== e.hash)
          throw new ApiError(
            'journal_altered',
            `entry ${e.seq} was altered (hash does not match its content)`,
          );
        if (e.type === 'sale.completed') {
          flags.push(sales.add({ terminal, now_ms: nowMs }, e));
          if (sales.full) await sales.flush(trx);
        } else {
          await sales.flush(trx);
          flags.push(await projectEntry(trx, terminal, e, nowMs));
        }
        stored.push(e);
        lastSeq = e.seq;
        lastHash = e.hash;
        applied++;
      }
      await sales.flush(trx);
      await insertChunked(
        trx,
        'journal_entry',
        stored.map((e, i) => ({
          terminal_id: terminal.id,
          seq: e.seq,
          id: e.id,
          type: e.type,
          at_ms: e.at_ms,
          payload: e.payload,
          prev_hash: e.prev_hash,
          hash: e.hash,
          received_ms: nowMs,
          flag: flags[i] ?? null,
        })),
      );
      return { acked_seq: lastSeq, applied, duplicates };
    });
  } catch (err) {
    if (err instanceof ApiError && err.code.startsWith('journal_')) {
      await db
        .insertInto('sync_flag')
        .values({
          id: fastUlid(nowMs),
          terminal_id: terminal.id,
          seq: entries[0]?.seq ?? 0,
          kind: err.code,
          detail: err.message,
          created_ms: nowMs,
        })
        .execute();
    }
    throw err;
  }
}
