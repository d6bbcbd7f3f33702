/**
 * Completing a sale: price the lines, take the tender, and commit the sale,
 * its lines, its tender, its journal entry and its print job in ONE
 * transaction — the cashier sees "done" only after that commit.
 */
import { ulid } from 'ulid';
import { CodedError } from '../../shared/contract/envelope';
import type { MethodInput } from '../../shared/contract/methods';
import { sumFen } from '../../shared/money';
import type { ReceiptDoc } from '../../shared/receipt/model';
import { businessDay } from '../../shared/time';
import { lineAmount } from '../../shared/units';
import { getProducts } from '../catalog/catalog-store';
import { appendJournal } from '../journal/journal';
import type { Db } from '../store/db';
import type { TerminalIdentity } from '../sync/identity';

export interface CompletedSale {
  sale_id: string;
  receipt_no: string;
  total_fen: number;
  change_fen: number;
  print_job_id: string;
}

export function completeSale(db: Db, who: TerminalIdentity, cashier: string, input: MethodInput<'sale-complete'>, nowMs: number): CompletedSale {
  const products = getProducts(db, input.lines.map((l) => l.product_id));
  const lines = input.lines.map((l, i) => {
    const p = products.get(l.product_id);
    if (!p) throw new CodedError('not_found', `product ${l.product_id} is not in the catalog`);
    return { line_no: i + 1, product_id: p.id, name: p.name, unit: p.unit, quantity: l.quantity, unit_price_fen: p.unit_price_fen, amount_fen: lineAmount(p.unit, l.quantity, p.unit_price_fen) };
  });
  const total = sumFen(lines.map((l) => l.amount_fen));
  const tendered = input.tender.tendered_fen;
  if (tendered < total) throw new CodedError('insufficient_tender', `cash given (${tendered} fen) is less than the total (${total} fen)`);
  const change = tendered - total;
  const day = businessDay(nowMs, who.time_zone, who.day_cutoff_hour);
  const saleId = ulid(nowMs);

  return db.transaction((): CompletedSale => {
    const last = db.prepare('SELECT MAX(day_seq) AS s FROM sale WHERE business_day = ?').get(day) as { s: number | null };
    const daySeq = (last.s ?? 0) + 1;
    const receiptNo = `${who.terminal_id}-${day}-${String(daySeq).padStart(4, '0')}`;
    db.prepare('INSERT INTO sale (id, receipt_no, business_day, day_seq, status, total_fen, cashier, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(saleId, receiptNo, day, daySeq, 'completed', total, cashier, nowMs);
    const insLine = db.prepare('INSERT INTO sale_line (sale_id, line_no, product_id, name, unit, quantity, unit_price_fen, amount_fen) VALUES (@sale_id, @line_no, @product_id, @name, @unit, @quantity, @unit_price_fen, @amount_fen)');
    for (const l of lines) insLine.run({ sale_id: saleId, ...l });
    const tender = { tender_no: 1, kind: 'cash' as const, amount_fen: total, tendered_fen: tendered, change_fen: change };
    db.prepare('INSERT INTO tender (sale_id, tender_no, kind, amount_fen, tendered_fen, change_fen) VALUES (?, ?, ?, ?, ?, ?)').run(saleId, tender.tender_no, tender.kind, tender.amount_fen, tender.tendered_fen, tender.change_fen);
    appendJournal(db, 'sale.completed', { sale_id: saleId, receipt_no: receiptNo, business_day: day, cashier, stall_id: who.stall_id, total_fen: total, lines, tenders: [tender], at_ms: nowMs }, nowMs);

    const doc: ReceiptDoc = {
      market_name: who.market_name,
      stall_name: who.stall_name,
      receipt_no: receiptNo,
      at_ms: nowMs,
      time_zone: who.time_zone,
      cashier,
      lines: lines.map(({ name, unit, quantity, unit_price_fen, amount_fen }) => ({ name, unit, quantity, unit_price_fen, amount_fen })),
      discount_fen: 0,
      rounding_fen: 0,
      total_fen: total,
      tenders: [{ kind: 'cash', amount_fen: total, tendered_fen: tendered, change_fen: change }],
      footer: '谢谢惠顾',
    };
    const jobId = ulid(nowMs);
    db.prepare("INSERT INTO print_job (id, sale_id, document, state, created_ms, updated_ms) VALUES (?, ?, ?, 'queued', ?, ?)").run(jobId, saleId, JSON.stringify(doc), nowMs, nowMs);
    return { sale_id: saleId, receipt_no: receiptNo, total_fen: total, change_fen: change, print_job_id: jobId };
  })();
}
