/** What every projection of a journal entry works with: the ingest transaction and where the entry came from. */
import type { Transaction } from 'kysely';
import type { ServerSchema } from '../db/schema';

export type Trx = Transaction<ServerSchema>;
export interface Source {
  terminal: { id: string; stall_id: string };
  seq: number;
  at_ms: number;
  now_ms: number;
}
