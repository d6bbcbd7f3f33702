/** Builds a terminal's hash-chained journal entries, as the till does, for feeding the server's ingest. */
import { createHash } from 'node:crypto';
import { GENESIS_HASH, entryHashInput } from '../../../shared/journal/canonical';
import type { JournalEntryWire } from '../../../shared/sync/push';

export class JournalBuilder {
  private seq = 0;
  private prev = GENESIS_HASH;

  constructor(private readonly startMs = Date.UTC(2026, 2, 15, 2)) {}

  next(type: string, payload: unknown): JournalEntryWire {
    this.seq++;
    const e = {
      seq: this.seq,
      id: `E${this.seq}`,
      type,
      at_ms: this.startMs + this.seq * 1000,
      payload: JSON.stringify(payload),
    };
    const hash = createHash('sha256').update(this.prev).update(entryHashInput(e)).digest('hex');
    const wire = { ...e, prev_hash: this.prev, hash };
    this.prev = hash;
    return wire;
  }
}

export function cashSale(
  saleId: string,
  receiptNo: string,
  day: string,
  amounts: number[],
  tender: Partial<{ kind: string; buyer_id: string | null; status: string }> = {},
) {
  const total = amounts.reduce((a, b) => a + b, 0);
  return {
    sale_id: saleId,
    receipt_no: receiptNo,
    business_day: day,
    cashier: '收银员',
    total_fen: total,
    at_ms: Date.UTC(2026, 2, 15, 2),
    lines: amounts.map((a, i) => ({
      line_no: i + 1,
      product_id: 'S01-V001',
      name: '大白菜',
      unit: 'jin',
      quantity: 500,
      unit_price_fen: a,
      amount_fen: a,
    })),
    tenders: [
      {
        tender_no: 1,
        kind: tender.kind ?? 'cash',
        amount_fen: total,
        tendered_fen: total,
        change_fen: 0,
        status: tender.status ?? 'paid',
        buyer_id: tender.buyer_id ?? null,
      },
    ],
  };
}
