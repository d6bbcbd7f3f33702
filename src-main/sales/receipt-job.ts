/** A sale's receipt becomes a print job row in the sale's own transaction: it cannot be lost between commit and print. */
import { newId } from '../ids';
import type { ReceiptDoc } from '../../shared/receipt/model';
import type { Db } from '../store/db';
import { stmt } from '../store/sql';

export function enqueuePrintJob(db: Db, saleId: string | null, doc: ReceiptDoc, nowMs: number): string {
  const id = newId(nowMs);
  stmt(
    db,
    "INSERT INTO print_job (id, sale_id, document, state, created_ms, updated_ms) VALUES (?, ?, ?, 'queued', ?, ?)",
  ).run(id, saleId, JSON.stringify(doc), nowMs, nowMs);
  return id;
}
