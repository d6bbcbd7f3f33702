/**
 * The sync push contract between a terminal and the server: journal entries
 * in seq order; the server answers the highest contiguous seq it has stored.
 */
import { z } from 'zod';

/** A push's bounds: a backlog drains in few requests (each costs a signature, a nonce write and a commit). */
export const MAX_PUSH_ENTRIES = 2_000;
export const MAX_PUSH_BYTES = 4_000_000;
/** What servers before the bounds above accept: a till falls back to these when its push is refused as too big. */
export const LEGACY_PUSH_ENTRIES = 500;
export const LEGACY_PUSH_BYTES = 1_000_000;
const hashSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const journalEntrySchema = z.object({
  seq: z.number().int().positive().safe(),
  id: z.string().min(1).max(40),
  type: z.string().min(1).max(40),
  at_ms: z.number().int().nonnegative().safe(),
  payload: z.string().max(64_000),
  prev_hash: hashSchema,
  hash: hashSchema,
});
export type JournalEntryWire = z.infer<typeof journalEntrySchema>;

export const pushRequestSchema = z.object({
  entries: z.array(journalEntrySchema).min(1).max(MAX_PUSH_ENTRIES),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const pushResponseSchema = z.object({
  acked_seq: z.number().int().nonnegative(),
  applied: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;
