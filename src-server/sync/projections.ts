/**
 * Projects journal entries into the server's tables. An entry the server
 * cannot apply for a business reason is stored with a flag for staff — never
 * dropped, never retried forever. Returns that flag, or null.
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { JournalEntryWire } from '../../shared/sync/push';
import { UNITS } from '../../shared/units';
import type { ServerSchema } from '../db/schema';

const fen = z.number().int().safe();
const saleCompletedSchema = z.object({
  sale_id: z.string(),
  receipt_no: z.string(),
  business_day: z.string().regex(/^\d{8}$/),
  cashier: z.string(),
  total_fen: fen,
  at_ms: z.number().int(),
  lines: z.array(z.object({ line_no: z.number().int(), product_id: z.string(), name: z.string(), unit: z.enum(UNITS), quantity: z.number().int().positive(), unit_price_fen: fen, amount_fen: fen })).min(1),
  tenders: z.array(z.object({ tender_no: z.number().int(), kind: z.string(), amount_fen: fen, tendered_fen: fen, change_fen: fen })).min(1),
});

export async function projectEntry(trx: Transaction<ServerSchema>, terminal: { id: string; stall_id: string }, e: JournalEntryWire, nowMs: number): Promise<string | null> {
  switch (e.type) {
    case 'sale.completed': {
      const parsed = saleCompletedSchema.safeParse(JSON.parse(e.payload));
      if (!parsed.success) return `unreadable sale: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
      const s = parsed.data;
      const linesSum = s.lines.reduce((a, l) => a + l.amount_fen, 0);
      if (linesSum !== s.total_fen) return `sale total ${s.total_fen} differs from its lines ${linesSum}`;
      await trx.insertInto('sale').values({ id: s.sale_id, terminal_id: terminal.id, stall_id: terminal.stall_id, receipt_no: s.receipt_no, business_day: s.business_day, total_fen: s.total_fen, cashier: s.cashier, at_ms: s.at_ms, received_ms: nowMs }).execute();
      await trx.insertInto('sale_line').values(s.lines.map((l) => ({ sale_id: s.sale_id, ...l }))).execute();
      await trx.insertInto('sale_tender').values(s.tenders.map((t) => ({ sale_id: s.sale_id, ...t }))).execute();
      return null;
    }
    default:
      return `unknown entry type ${e.type}`;
  }
}
