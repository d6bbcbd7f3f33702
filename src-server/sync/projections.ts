/**
 * Projects journal entries into the server's tables and the ledger, in the
 * ingest transaction. An entry the server cannot apply for a business reason
 * is stored with a flag for staff — never dropped, never retried forever.
 * Returns that flag, or null.
 */
import type { Transaction } from 'kysely';
import { z } from 'zod';
import type { JournalEntryWire } from '../../shared/sync/push';
import { UNITS } from '../../shared/units';
import type { ServerSchema } from '../db/schema';
import { postEntry } from '../ledger/post';
import type { TxnType } from '../ledger/templates';

const fen = z.number().int().safe();
const saleCompletedSchema = z.object({
  sale_id: z.string().max(64),
  receipt_no: z.string().max(64),
  business_day: z.string().regex(/^\d{8}$/),
  cashier: z.string().max(64),
  total_fen: fen,
  at_ms: z.number().int(),
  buyer_id: z.string().max(64).nullish(),
  lines: z.array(z.object({ line_no: z.number().int(), product_id: z.string(), name: z.string(), unit: z.enum(UNITS), quantity: z.number().int().positive(), unit_price_fen: fen, amount_fen: fen })).min(1),
  tenders: z.array(z.object({ tender_no: z.number().int(), kind: z.string().max(32), amount_fen: fen, tendered_fen: fen, change_fen: fen })).min(1),
});

/** Which sale template a tender kind books to; anything paid through the institution waits for its payment. */
export function saleTxnFor(kind: string): TxnType {
  if (kind === 'cash') return 'sale_cash';
  if (kind === 'credit' || kind === 'on_account') return 'sale_credit';
  return 'sale_qr';
}

export async function projectEntry(trx: Transaction<ServerSchema>, terminal: { id: string; stall_id: string }, e: JournalEntryWire, nowMs: number): Promise<string | null> {
  switch (e.type) {
    case 'sale.completed': {
      const parsed = saleCompletedSchema.safeParse(JSON.parse(e.payload));
      if (!parsed.success) return `unreadable sale: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
      const s = parsed.data;
      const linesSum = s.lines.reduce((a, l) => a + l.amount_fen, 0);
      if (linesSum !== s.total_fen) return `sale total ${s.total_fen} differs from its lines ${linesSum}`;
      const tendersSum = s.tenders.reduce((a, t) => a + t.amount_fen, 0);
      if (tendersSum !== s.total_fen) return `sale total ${s.total_fen} differs from its tenders ${tendersSum}`;
      const credit = s.tenders.some((t) => saleTxnFor(t.kind) === 'sale_credit');
      if (credit && !s.buyer_id) return 'on-account sale without a buyer';
      const dup = await trx.selectFrom('sale').select('id').where((eb) => eb.or([eb('id', '=', s.sale_id), eb('receipt_no', '=', s.receipt_no)])).executeTakeFirst();
      if (dup) return `sale ${s.sale_id} (${s.receipt_no}) is already recorded`;
      await trx.insertInto('sale').values({ id: s.sale_id, terminal_id: terminal.id, stall_id: terminal.stall_id, receipt_no: s.receipt_no, business_day: s.business_day, total_fen: s.total_fen, cashier: s.cashier, at_ms: s.at_ms, received_ms: nowMs }).execute();
      await trx.insertInto('sale_line').values(s.lines.map((l) => ({ sale_id: s.sale_id, ...l }))).execute();
      await trx.insertInto('sale_tender').values(s.tenders.map((t) => ({ sale_id: s.sale_id, ...t }))).execute();
      for (const t of s.tenders) {
        if (t.amount_fen <= 0) continue;
        const txn = saleTxnFor(t.kind);
        await postEntry(trx, { idem_key: `sale:${s.sale_id}:${t.tender_no}`, txn_type: txn, business_day: s.business_day, stall_id: terminal.stall_id, buyer_id: txn === 'sale_credit' ? s.buyer_id : null, amount_fen: t.amount_fen, ref: s.receipt_no }, nowMs);
      }
      return null;
    }
    default:
      return `unknown entry type ${e.type}`;
  }
}
